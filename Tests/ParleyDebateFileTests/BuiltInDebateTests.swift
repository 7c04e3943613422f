import Foundation
import Testing
@testable import ParleyDebateFile
import ParleyEngine

@Suite("Built-in debate")
struct BuiltInDebateTests {
    @Test("the embedded demo is Debates/feature-x.yaml (run scripts/embed-debates after editing it)")
    func embeddedMatchesFile() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = try String(contentsOf: root.appendingPathComponent("Debates/feature-x.yaml"), encoding: .utf8)
        #expect(BuiltInDebates.featureX + "\n" == file)
    }

    @Test("the demo: three personas with enough arguments for three rounds, and a facilitator")
    func demoShape() throws {
        let spec = try DebateFile.parse(BuiltInDebates.featureX, path: BuiltInDebates.featureXName)
        #expect(spec.agents.map(\.id) == ["pm", "eng", "cfo"])
        #expect(spec.rounds == 3)
        #expect(spec.agents.allSatisfy { $0.arguments.count >= spec.rounds + 2 })
        #expect(spec.facilitator != nil)
    }
}
