import Foundation
import ParleyCore
import ParleyEngine
import Testing
@testable import ParleyModels

@Suite("Inspector against a loopback server")
struct InspectorWireTests {
    /// Runs a debate whose HTTP backends talk to the harness's server, recorded to a log; returns
    /// the log's turns and its text.
    private func recorded(_ spec: DebateSpec, on harness: Harness) async throws -> (RecordedTurns, String) {
        let provider = ModelProvider(http: { backend in
            switch backend {
            case .openai(let config): return OpenAIBackend(config: config, context: harness.context)
            case .anthropic(let config): return AnthropicBackend(config: config, context: harness.context)
            case .scripted: throw CancellationError()
            }
        })
        let debate = try Debate(spec: spec, models: provider)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parley-wire-\(UUID()).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try EventLogWriter(path: path)
        debate.record(to: writer)
        #expect(await debate.run() == .completed)
        writer.close()
        return (try RecordedTurns(records: try EventLogReader.read(path: path).records), try String(contentsOfFile: path, encoding: .utf8))
    }

    @Test("a recorded turn's chat-completions body equals, byte for byte, the body the backend sent; the key never reaches the log")
    func bodyMatchesTheWire() async throws {
        let capture = Captures.bytes("llamacpp.sse")
        try await Harness.run(script: { _, _ in Wire.streamed(capture, pieceSize: 400, gap: .zero) }) { harness in
            let sampling = Sampling(temperature: 0.4, maxTokens: 60, seed: 3, stop: ["END"])
            let config = harness.openAI(sampling: sampling, headers: ["X-Trace": "t-1"])
            let spec = DebateSpec(
                title: "Prices", question: "Raise prices?", rounds: 2, guards: GuardSpec(repetition: nil),
                backends: ["local": .openai(config)],
                agents: [
                    AgentSpec(id: "cfo", name: "Dana", role: "CFO", backend: "local", systemPrompt: "You are Dana \"the CFO\".",
                              arguments: ["Margins first."]),
                    AgentSpec(id: "pm", name: "Priya", role: "PM", backend: "local"),
                ],
                facilitator: FacilitatorSpec(name: "Mo", backend: "local"))
            let (turns, log) = try await recorded(spec, on: harness)
            let sent = harness.server.requests
            #expect(sent.count == 4 + 3, "four turns and three summaries")
            #expect(sent.allSatisfy { $0.header("authorization") == "Bearer \(Harness.key)" })
            let rebuilt = try turns.keys.map { try turns.turn($0).openAIBody() }
            #expect(rebuilt.count == sent.count)
            #expect(rebuilt.sorted { $0.lexicographicallyPrecedes($1) } == sent.map(\.body).sorted { $0.lexicographicallyPrecedes($1) })
            // The peers' turns went out in order: the first is the first request.
            #expect(try turns.turn(.message(MessageID(1))).openAIBody() == sent[0].body)
            #expect(!log.contains(Harness.key))
            #expect(log.contains("PARLEY_TEST_KEY"), "the key's variable is kept by name")
        }
    }

    @Test("an Anthropic turn rebuilds as the Messages body the backend sent")
    func anthropicBody() async throws {
        let capture = Captures.bytes("anthropic.sse")
        try await Harness.run(script: { _, _ in Wire.streamed(capture, pieceSize: 400, gap: .zero) }) { harness in
            let config = harness.anthropic()
            let spec = DebateSpec(
                title: "Prices", question: "Raise prices?", rounds: 1, guards: GuardSpec(repetition: nil),
                backends: ["claude": .anthropic(config)],
                agents: [
                    AgentSpec(id: "cfo", name: "Dana", role: "CFO", backend: "claude"),
                    AgentSpec(id: "pm", name: "Priya", role: "PM", backend: "claude"),
                ])
            let (turns, _) = try await recorded(spec, on: harness)
            let sent = harness.server.requests.map(\.body)
            #expect(sent.count == 2)
            #expect(try turns.keys.map { try turns.turn($0).anthropicBody() } == sent)
        }
    }
}
