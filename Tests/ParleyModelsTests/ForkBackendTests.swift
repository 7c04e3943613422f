import Foundation
import ParleyCore
import ParleyEngine
import Synchronization
import Testing
@testable import ParleyModels

@Suite("A fork on another backend")
struct ForkBackendTests {
    /// A scripted persona whose requests are kept.
    final class KeptRequests: ChatModel {
        let persona: ScriptedPersona
        let requests = Mutex<[ChatRequest]>([])
        init(_ persona: ScriptedPersona) { self.persona = persona }
        var label: String { persona.label }
        var contextTokens: Int? { nil }
        nonisolated(nonsending) func reply(to request: ChatRequest, onChunk: @escaping @Sendable (ChatChunk) -> Void) async throws {
            requests.withLock { $0.append(request) }
            try await persona.reply(to: request, onChunk: onChunk)
        }
    }

    static let spec = DebateSpec(
        title: "Feature X", question: "Should we build feature X?", rounds: 2,
        agents: [
            AgentSpec(id: "pm", name: "Priya", role: "Product manager", arguments: ["Users churn without collaboration.", "Ship a narrow slice first."]),
            AgentSpec(id: "eng", name: "Sam", role: "Engineer", arguments: ["Sync takes two quarters.", "Buying sync halves that."]),
            AgentSpec(id: "cfo", name: "Dana", role: "CFO", arguments: ["It must keep recurring revenue.", "Price it in a higher tier."]),
        ],
        facilitator: FacilitatorSpec(name: "Mo"))

    @Test("a fork that moves a peer to an OpenAI-compatible server sends, as its first request, the memory the peer had in the original")
    func firstRequestCarriesTheOriginalMemory() async throws {
        // The original, scripted; the engineer's requests are kept.
        var original = Self.spec
        original.backends["kept"] = .openai(OpenAIConfig(model: "kept"))
        original.agents[1].backend = "kept"
        let engineer = KeptRequests(ScriptedPersona(arguments: original.agents[1].arguments))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parley-fork-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try EventLogWriter(path: path)
        let debate = try Debate(spec: original, models: ModelProvider(http: { _ in engineer }, scriptedPace: 0))
        debate.record(to: writer)
        _ = await debate.run()
        writer.close()
        let records = try EventLogReader.read(path: path).records
        let turn = try #require(records.compactMap { record -> Message? in
            if case .messageCompleted(let message) = record.event, message.sender == "eng", message.round == 2 { message } else { nil }
        }.first)
        let asked = try #require(engineer.requests.withLock { $0 }.first { $0.purpose == .turn(round: 2) })
        #expect(asked.messages.contains { $0.kind == .own }, "the engineer's round-2 memory holds what it said in round 1")

        // The fork: the engineer on a real server from its round-2 turn on.
        try await Harness.run(script: { _, _ in Wire.streamed(Captures.bytes("llamacpp.sse")) }) { harness in
            var edited = Self.spec
            edited.backends["local"] = .openai(harness.openAI(model: "other-model", apiKeyEnv: nil))
            edited.agents[1].backend = "local"
            let point = try ForkPoint(records: records, at: turn.id, parent: path)
            let fork = try Debate(
                forking: point, spec: edited,
                models: ModelProvider(http: { config in makeHTTPModel(config, context: harness.context)! }, scriptedPace: 0))
            let reason = await fork.run()
            #expect(reason == .completed)
            let first = try #require(harness.server.requests.first)
            let expected = OpenAIRequestBody(asked, model: "other-model", sampling: Sampling(), host: "127.0.0.1").encoded()
            #expect(String(decoding: first.body, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        }
    }
}
