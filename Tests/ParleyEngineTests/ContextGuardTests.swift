import ParleyCore
import ParleyModels
import Testing
@testable import ParleyEngine

@Suite("Context guard")
struct ContextGuardTests {
    @Test("when a peer's memory nears its model's context, the oldest turns fold into a note")
    func folds() async throws {
        let long = String(repeating: "The migration doubles the write load on the database. ", count: 6)
        let small = TestModel(contextTokens: 600) { _, onChunk in onChunk(.text(long)) }
        let others = TestModel { _ in long }
        let debate = try TestDebate.make(
            Fixtures.spec(rounds: 4, facilitator: false), models: ["pm": small, "eng": others, "cfo": others])
        let (events, task) = EventCollector.start(debate)
        #expect(await debate.run() == .completed)
        await task.value
        let folds = await events.events.compactMap { event -> (AgentID, Int, String)? in
            if case .contextFolded(let agent, let turns, let note) = event { (agent, turns, note) } else { nil }
        }
        #expect(!folds.isEmpty)
        #expect(folds.allSatisfy { $0.0 == "pm" && $0.1 > 0 && $0.2.hasPrefix("Earlier in the debate") })
        let last = try #require(small.requests.last)
        #expect(last.messages.first?.kind == .folded)
        let estimate = last.messages.reduce(ContextGuard.tokens(last.system)) { $0 + ContextGuard.tokens($1.content) }
        #expect(estimate <= 600)
        // The others, with no context size, keep everything.
        #expect(others.requests.allSatisfy { !$0.messages.contains { $0.kind == .folded } })
    }

    @Test("folding keeps the newest turns and says whose points were folded")
    func foldNote() {
        let entries = (1...6).map { (index: Int) in
            ChatMessage(
                role: .user, content: "Sam: point number \(index) about cost. More words here to take space.", kind: .peer,
                speaker: "eng", round: index, text: "Point number \(index) about cost. More words here.")
        }
        let guardrail = ContextGuard(contextTokens: 100)
        let (folded, count, note) = try! #require(guardrail.fold(entries, system: "system", names: { _ in "Sam" }))
        #expect(count > 0 && count < entries.count)
        #expect(folded.count == entries.count - count + 1)
        #expect(folded.last == entries.last)
        #expect(note.contains("Sam: Point number 1 about cost."))
        #expect(note.contains("(rounds 1–\(count))") || note.contains("(round 1)"))
    }
}
