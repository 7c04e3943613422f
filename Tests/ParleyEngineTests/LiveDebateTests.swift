import Foundation
import ParleyCore
import ParleyModels
import Testing
@testable import ParleyEngine

/// A debate between two peers on a real llama.cpp server, end to end. Runs when
/// `PARLEY_LLAMA_URL` names the server (`.ci/run` starts one when it can).
@Suite("Live debate", .enabled(if: ProcessInfo.processInfo.environment["PARLEY_LLAMA_URL"] != nil))
struct LiveDebateTests {
    static var url: String { ProcessInfo.processInfo.environment["PARLEY_LLAMA_URL"] ?? "" }

    @Test("two peers debate two rounds on a real model, with summaries, usage and no failure")
    func twoPeersTwoRounds() async throws {
        let backend = BackendConfig.openai(
            OpenAIConfig(
                baseURL: Self.url, model: "smollm2", sampling: Sampling(temperature: 0.7, maxTokens: 80, seed: 7),
                contextTokens: 2048))
        let spec = DebateSpec(
            title: "Live", question: "Should a small team adopt code review for every change?", rounds: 2,
            guards: GuardSpec(turnTimeout: 120, repetition: RepetitionSpec()), backends: ["llama": backend],
            agents: [
                AgentSpec(id: "dev", name: "Ada", role: "Developer — speed", backend: "llama"),
                AgentSpec(id: "qa", name: "Lin", role: "QA lead — quality", backend: "llama"),
            ],
            facilitator: FacilitatorSpec(name: "Mo", backend: "llama"))
        let debate = try Debate(spec: spec, models: .standard(), policy: .stop)
        let (events, task) = EventCollector.start(debate)
        let reason = await debate.run()
        await task.value
        await ModelHTTPClient.shutdown()
        #expect(reason == .completed)
        let all = await events.events
        let messages = all.messages
        #expect(messages.map(\.sender) == ["dev", "qa", "dev", "qa"])
        #expect(messages.allSatisfy { !$0.text.isEmpty && $0.usage.completionTokens > 0 && $0.usage.promptTokens > 0 })
        let deltas = all.filter { if case .textDelta = $0 { true } else { false } }.count
        #expect(deltas > messages.count, "replies streamed in pieces")
        let summaries = all.compactMap { event -> Summary? in if case .summaryCompleted(let s) = event { s } else { nil } }
        #expect(summaries.map(\.scope) == [.round(1), .round(2), .final])
        #expect(summaries.allSatisfy { !$0.text.isEmpty })
        // Round 2's requests carried the other peer's round-1 message.
        #expect(messages[2].replyTo == messages[1].id)
    }
}
