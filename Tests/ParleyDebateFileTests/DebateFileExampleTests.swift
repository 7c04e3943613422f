import Foundation
import Testing
@testable import ParleyDebateFile
import ParleyEngine
import ParleyCore
import ParleyModels

@Suite("Example debate files")
struct DebateFileExampleTests {
    /// The repository's Debates folder, found from this file.
    static let debates = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Debates")

    static func load(_ name: String) throws -> DebateSpec {
        try DebateFile.load(path: debates.appendingPathComponent(name).path)
    }

    @Test("every debate file in Debates/ loads")
    func everyExampleLoads() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.debates.path)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        #expect(names.contains("ollama.yaml") && names.contains("llama-server.yaml") && names.contains("mixed.yaml"))
        for name in names {
            do {
                let spec = try Self.load(name)
                #expect(DebateFile.agentLimits.contains(spec.agents.count), "\(name)")
                for agent in spec.agents { #expect(spec.backend(named: agent.backend) != nil, "\(name): \(agent.id)") }
            } catch {
                Issue.record("\(name) does not load:\n\(error)")
            }
        }
    }

    @Test("the complete example in README.md's debate-file reference loads")
    func referenceExample() throws {
        let readme = try String(
            contentsOf: Self.debates.deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8
        )
        guard let section = readme.range(of: "### A complete example") else {
            Issue.record("README.md has no complete example of a debate file")
            return
        }
        let reference = readme[section.upperBound...]
        guard let start = reference.range(of: "```yaml\n"), let end = reference.range(of: "```", range: start.upperBound..<reference.endIndex)
        else {
            Issue.record("no yaml example in the reference")
            return
        }
        let spec = try DebateFile.parse(String(reference[start.upperBound..<end.lowerBound]), path: "README.md")
        #expect(spec.agents.map(\.id) == ["pm", "eng", "cfo"])
        #expect(Set(spec.agents.compactMap { spec.backend(named: $0.backend)?.type }) == ["openai", "anthropic", "scripted"])
    }

    @Test("ollama.yaml runs every peer and the facilitator on the local Ollama model")
    func ollama() throws {
        let spec = try Self.load("ollama.yaml")
        let local = try #require(spec.backends["local"]?.openAI)
        #expect(local.baseURL == OpenAIConfig.defaultBaseURL)
        #expect(local.model == "llama3.2")
        #expect(spec.agents.allSatisfy { $0.backend == "local" && $0.systemPrompt?.isEmpty == false })
        #expect(spec.facilitator?.backend == "local")
        #expect(spec.floor == .mention)
    }

    @Test("llama-server.yaml talks to the project's llama-server on port 8571 as smollm2")
    func llamaServer() throws {
        let spec = try Self.load("llama-server.yaml")
        let smol = try #require(spec.backends["smol"]?.openAI)
        #expect(smol.baseURL == "http://127.0.0.1:8571/v1")
        #expect(smol.model == "smollm2")
        #expect(smol.apiKeyEnv == nil)
        #expect(spec.agents.allSatisfy { $0.backend == "smol" })
    }

    @Test("mixed.yaml mixes a local model, an Anthropic model and a scripted persona")
    func mixed() throws {
        let spec = try Self.load("mixed.yaml")
        let kinds = Set(spec.agents.compactMap { spec.backend(named: $0.backend)?.type })
        #expect(kinds == ["openai", "anthropic", "scripted"])
        let claude = try #require(spec.backends["claude"]?.anthropic)
        #expect(claude.apiKeyEnv == "ANTHROPIC_API_KEY")
        #expect(claude.price == Price(promptPerMillion: 3, completionPerMillion: 15))
        #expect(spec.pace.delay == 0.4)
    }
}
