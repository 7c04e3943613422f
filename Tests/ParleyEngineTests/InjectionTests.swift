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

    @Test("a question to everyone is answered first by every peer on its next turn, with its most related argument")
    func broadcastAnswered() async throws {
        let spec = Fixtures.spec(rounds: 2, pace: PaceState(mode: .step), facilitator: false)
        let debate = try Fixtures.debate(spec)
        let (events, task) = EventCollector.start(debate)
        let run = Task { await debate.run() }
        debate.send(.stepRound)
        await events.waitHeld("pm", round: 2)
        debate.send(.inject(text: "how long would the sync engine take to build?", to: .everyone))
        debate.send(.resume)
        _ = await run.value
        await task.value
        let all = await events.events
        let human = try #require(all.compactMap { event -> Message? in if case .humanMessage(let m) = event { m } else { nil } }.first)
        let round2 = all.messages.filter { $0.round == 2 }
        #expect(round2.map(\.sender) == ["pm", "eng", "cfo"])
        for message in round2 {
            #expect(message.text.hasPrefix("To your question (\u{201C}how long would the sync engine take to build?\u{201D})"), "\(message.text)")
            #expect(message.replyTo == human.id, "\(message.sender) answers the person's message")
        }
        #expect(round2[1].text.contains("A sync engine with conflict resolution takes two quarters to build."))
        #expect(round2[0].text.contains("I have nothing on that exactly"), "no pm argument bears on it, and pm says so")
    }

    @Test("a model is asked with the person's message last, and told to answer it first")
    func modelPromptEndsWithThePerson() async throws {
        let spec = Fixtures.spec(["pm", "eng"], rounds: 2, pace: PaceState(mode: .step), facilitator: false)
        let pm = TestModel { _ in "Build it." }
        let eng = TestModel { _ in "Two quarters." }
        let debate = try TestDebate.make(spec, models: ["pm": pm, "eng": eng])
        let (events, task) = EventCollector.start(debate)
        let run = Task { await debate.run() }
        debate.send(.stepTurn)
        await events.waitHeld("eng", round: 1)
        debate.send(.inject(text: "what breaks first under load?", to: .peer("eng")))
        debate.send(.resume)
        _ = await run.value
        await task.value
        let cue = try #require(eng.requests.first?.messages.last)
        #expect(cue.kind == .instruction)
        #expect(cue.content.contains("To you: what breaks first under load?"))
        #expect(cue.content.contains("Answer them first"))
        #expect(eng.requests.count == 2)
        #expect(!(eng.requests.last?.messages.last?.content.contains("what breaks first") ?? true), "answered once")
    }
}
