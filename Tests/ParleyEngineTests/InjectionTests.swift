import ParleyCore
import ParleyModels
import Testing
@testable import ParleyEngine

@Suite("Human messages")
struct InjectionTests {
    @Test("a message injected mid-round reaches exactly the addressed peers, on their next turn")
    func injectedMidRound() async throws {
        let latch = Latch()
        let pm = TestModel { _ in "Let's build it." }
        let eng = TestModel { _, onChunk in
            try await latch.wait()
            onChunk(.text("It takes two quarters."))
        }
        let cfo = TestModel { _ in "It pays if churn drops." }
        let debate = try TestDebate.make(Fixtures.spec(rounds: 2, facilitator: false), models: ["pm": pm, "eng": eng, "cfo": cfo])
        let (events, task) = EventCollector.start(debate)
        let run = Task { await debate.run() }
        await events.wait(forCount: 1) { $0.turnAgent == "eng" }
        while latch.waiting == 0 { await Task.yield() }
        // Mid-round, while eng speaks: a question for cfo only.
        debate.send(.inject(text: "why not charge for it?", to: .peer("cfo")))
        await events.wait(forCount: 1) { if case .humanMessage = $0 { true } else { false } }
        latch.open(2)
        _ = await run.value
        await task.value

        let question: (ChatMessage) -> Bool = { $0.kind == .human && $0.text == "why not charge for it?" }
        #expect(cfo.requests.count == 2)
        #expect(cfo.requests[0].messages.filter(question).count == 1, "cfo sees it on its next turn")
        #expect(cfo.requests[0].messages.first(where: question)?.addressedToMe == true)
        #expect(eng.requests.allSatisfy { !$0.messages.contains(where: question) }, "eng was not addressed")
        #expect(pm.requests.allSatisfy { !$0.messages.contains(where: question) }, "pm was not addressed")
        let human = await events.events.compactMap { event -> Message? in if case .humanMessage(let m) = event { m } else { nil } }
        #expect(human.map(\.to) == [.peer("cfo")])
        #expect(human.first?.sender == .human)
    }

    @Test("a broadcast reaches every peer; a scripted persona answers a question put to it")
    func scriptedAnswer() async throws {
        let spec = Fixtures.spec(rounds: 2, pace: PaceState(mode: .step), facilitator: false)
        let debate = try Fixtures.debate(spec)
        let (events, task) = EventCollector.start(debate)
        let run = Task { await debate.run() }
        debate.send(.stepTurn)
        await events.waitHeld("eng", round: 1)
        debate.send(.inject(text: "@cfo what would a higher pricing tier earn?", to: .peer("cfo")))
        debate.send(.resume)
        _ = await run.value
        await task.value
        let cfo = await events.events.messages.filter { $0.sender == "cfo" }
        #expect(cfo[0].text.hasPrefix("To your question"))
        #expect(cfo[0].text.contains("Pricing it into a higher tier gives a clean read on demand."))
        #expect(!cfo[1].text.hasPrefix("To your question"), "answered once, on the next turn only")
    }
}
