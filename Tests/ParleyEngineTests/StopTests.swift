import ParleyCore
import ParleyModels
import Testing
@testable import ParleyEngine

@Suite("Stopping")
struct StopTests {
    @Test("stop mid-turn cancels the model call and every task; nothing is emitted after the end")
    func stopLeavesNothingRunning() async throws {
        let slow = TestModel { _, onChunk in
            onChunk(.text("I will talk forever"))
            try await Latch().wait()
        }
        let debate = try TestDebate.make(Fixtures.spec(rounds: 3), models: ["eng": slow])
        let (events, task) = EventCollector.start(debate)
        let run = Task { await debate.run() }
        await events.wait(forCount: 1) { if case .textDelta(let agent, _, _) = $0 { agent == "eng" } else { false } }
        debate.send(.stop)
        #expect(await run.value == .stopped)
        await task.value
        #expect(slow.running == 0)
        #expect(slow.cancelled == 1)
        let all = await events.events
        #expect(all.last == .debateFinished(.stopped, usage: all.messages.reduce(.zero) { $0 + $1.usage }))
        let count = debate.bus.count
        debate.send(.inject(text: "anyone there?", to: .everyone))
        debate.send(.stepTurn)
        #expect(debate.bus.count == count, "no event after debateFinished")
    }

    @Test("stop while held at the gate, or waiting for the floor, ends every peer")
    func stopWhilePaused() async throws {
        let debate = try Fixtures.debate(Fixtures.spec(floor: .simultaneous, rounds: 3, pace: PaceState(mode: .paused)))
        let (events, task) = EventCollector.start(debate)
        let run = Task { await debate.run() }
        await events.wait { $0.filter { $0.event.isHeld }.count == 3 }
        debate.send(.stop)
        #expect(await run.value == .stopped)
        await task.value
        #expect(await events.events.turns.isEmpty)
    }

    @Test("a failed turn holds the debate, shown as paused, until the person retries it")
    func failureHoldsUntilRetried() async throws {
        let calls = Counter()
        let flaky = TestModel { _, onChunk in
            if calls.increment() == 1 {
                throw ModelError(kind: .http(status: 503), url: "http://127.0.0.1:1/v1", message: "overloaded", retryable: true)
            }
            onChunk(.text("Second time lucky."))
        }
        let debate = try TestDebate.make(Fixtures.spec(rounds: 1, facilitator: false), models: ["eng": flaky], policy: .hold)
        let (events, task) = EventCollector.start(debate)
        let run = Task { await debate.run() }
        await events.wait(forCount: 1) { $0 == .paceChanged(PaceState(mode: .paused)) }
        #expect(await events.events.messages.map(\.sender) == ["pm"])
        debate.send(.retryTurn)
        #expect(await run.value == .completed)
        await task.value
        let all = await events.events
        let failure = all.compactMap { event -> PeerFailure? in if case .peerFailed(let f) = event { f } else { nil } }
        #expect(failure.map(\.error) == ["ENG (@eng): overloaded"])
        #expect(failure.first?.retryable == true)
        #expect(all.turns == ["pm", "eng", "eng", "cfo"])
        #expect(all.messages.map(\.sender) == ["pm", "eng", "cfo"])
    }

    @Test("skipping a failed turn goes on without it; under the stop policy a failure ends the debate")
    func failureSkippedOrFatal() async throws {
        let broken = TestModel { _, _ in
            throw ModelError(kind: .http(status: 401), url: "http://127.0.0.1:1/v1", message: "bad key", retryable: false)
        }
        let held = try TestDebate.make(Fixtures.spec(rounds: 1, facilitator: false), models: ["eng": broken], policy: .hold)
        let (events, task) = EventCollector.start(held)
        let run = Task { await held.run() }
        await events.wait(forCount: 1) { if case .peerFailed = $0 { true } else { false } }
        held.send(.skipTurn)
        #expect(await run.value == .completed)
        await task.value
        #expect(await events.events.messages.map(\.sender) == ["pm", "cfo"])

        let fatal = try TestDebate.make(Fixtures.spec(rounds: 1, facilitator: false), models: ["eng": broken], policy: .stop)
        #expect(await fatal.run() == .failed("ENG (@eng): bad key"))
    }
}

@Suite("Cancelling a turn")
struct CancelTurnTests {
    @Test("cancelTurn ends the model call in flight; the turn fails as cancelled, held until retried")
    func cancelTurn() async throws {
        let latch = Latch()
        let calls = Counter()
        let slow = TestModel { _, onChunk in
            if calls.increment() == 1 {
                onChunk(.text("I was saying"))
                try await Latch().wait()  // never opened: only cancelling ends it
            }
            try await latch.wait()
            onChunk(.text("As I was saying."))
        }
        let debate = try TestDebate.make(Fixtures.spec(rounds: 1, facilitator: false), models: ["eng": slow])
        let (events, task) = EventCollector.start(debate)
        let run = Task { await debate.run() }
        await events.wait(forCount: 1) { if case .textDelta(let agent, _, _) = $0 { agent == "eng" } else { false } }
        debate.send(.cancelTurn)
        await events.wait(forCount: 1) { if case .peerFailed = $0 { true } else { false } }
        #expect(slow.cancelled == 1)
        let failure = await events.events.compactMap { event -> PeerFailure? in if case .peerFailed(let f) = event { f } else { nil } }.first
        #expect(failure?.error == "ENG (@eng): the turn was cancelled by you")
        #expect(failure?.cancelled == true, "a cancel by the person is marked as such, not as a model's failure")
        debate.send(.retryTurn)
        latch.open()
        #expect(await run.value == .completed)
        await task.value
        #expect(await events.events.messages.map(\.text) == ["Users churn because collaboration is missing; feature X closes the gap.", "As I was saying.", await events.events.messages[2].text])
        #expect(slow.running == 0)
    }
}

@Suite("Empty replies")
struct EmptyReplyTests {
    @Test("a model that replies nothing fails its turn instead of saying nothing")
    func emptyReply() async throws {
        let silent = TestModel { _ in "  \n " }
        let debate = try TestDebate.make(Fixtures.spec(rounds: 1, facilitator: false), models: ["eng": silent], policy: .skip)
        let (events, task) = EventCollector.start(debate)
        #expect(await debate.run() == .completed)
        await task.value
        let failures = await events.events.compactMap { event -> PeerFailure? in if case .peerFailed(let f) = event { f } else { nil } }
        #expect(failures.map(\.error) == ["ENG (@eng): the model's reply was empty"])
        #expect(await events.events.messages.map(\.sender) == ["pm", "cfo"])
    }
}
