import Foundation
import ParleyEngine
import Testing
@testable import ParleyDebateFile

@Suite("What users read names no development machine")
struct DevelopmentPathTests {
    private static let root = DebateFileExampleTests.debates.deletingLastPathComponent()

    /// README.md and every file in Debates/.
    private static func userFiles() throws -> [(name: String, text: String)] {
        let debates = try FileManager.default.contentsOfDirectory(atPath: DebateFileExampleTests.debates.path).sorted()
        return try (["README.md"] + debates.map { "Debates/\($0)" }).map { name in
            (name, try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8))
        }
    }

    @Test("README.md and Debates/ name no path of this project's workspace")
    func noWorkspacePaths() throws {
        for (name, text) in try Self.userFiles() {
            for path in ["/work/", "../shared/", "shared/tools", "/root/", "/home/"] {
                #expect(!text.contains(path), "\(name) names \(path)")
            }
        }
    }

    @Test("README.md and the llama-server example say how to start llama.cpp's server yourself")
    func startingLlamaServer() throws {
        let files = Dictionary(uniqueKeysWithValues: try Self.userFiles().map { ($0.name, $0.text) })
        #expect(files["README.md"]?.contains("llama-server -m MODEL.gguf --port 8080") == true)
        #expect(files["Debates/llama-server.yaml"]?.contains("llama-server -m ") == true)
        let spec = try DebateFileExampleTests.load("llama-server.yaml")
        #expect(spec.agents.allSatisfy { $0.promptStyle == .compact })
        #expect(spec.backends["smol"]?.openAI?.sampling.repeatPenalty == 1.15)
    }
}
