import ParleyCore
import ParleyModels
import Testing
@testable import ParleyEngine

@Suite("Pace")
struct PaceTests {
    static let stepping = PaceState(mode: .step)

    @Test("concurrent step commands let exactly that many turns through")
    func concurrentSteps() async throws {
        let debate = try Fixtures.debate(Fixtures.spec(rounds: 5, pace: Self.stepping))
        let (events, task) = EventCollector.start(debate)
        let run = Task { await debate.run() }
        await events.waitHeld("pm", round: 1)
        #expect(await events.events.turns.isEmpty)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<5 { group.addTask { debate.send(.stepTurn) } }
        }
        // After five turns the sixth peer arrives at the gate and is held.
        await events.waitHeld("cfo", round: 2)
        #expect(await events.events.turns == ["pm", "eng", "cfo", "pm", "eng"])
        debate.send(.stop)
        #expect(await run.value == .stopped)
        await task.value
        #expect(await events.events.turns.count == 5)
    }

    @Test("a step sent mid-turn counts for the next turn: one step is one turn, never two")
    func stepMidTurn() async throws {
        let latch = Latch()
        let pm = TestModel { _, onChunk in
            try await latch.wait()
            onChunk(.text("done"))
        }
        let debate = try TestDebate.make(Fixtures.spec(rounds: 2, pace: Self.stepping, facilitator: false), models: ["pm": pm])
        let (events, task) = EventCollector.start(debate)
        let run = Task { await debate.run() }
        debate.send(.stepTurn)
        await events.wait(forCount: 1) { $0.turnAgent != nil }
        while latch.waiting == 0 { await Task.yield() }
        debate.send(.stepTurn)  // mid-turn: lets exactly one more turn through
        latch.open()
        await events.waitHeld("cfo", round: 1)
        #expect(await events.events.turns == ["pm", "eng"])
        debate.send(.stop)
        _ = await run.value
        await task.value
    }

    @Test("step round lets the rest of the round through, then holds")
    func stepRound() async throws {
        let debate = try Fixtures.debate(Fixtures.spec(rounds: 3, pace: Self.stepping, facilitator: false))
        let (events, task) = EventCollector.start(debate)
        let run = Task { await debate.run() }
        debate.send(.stepTurn)
        await events.waitHeld("eng", round: 1)
        debate.send(.stepRound)  // finishes round 1
        await events.waitHeld("pm", round: 2)
        #expect(await events.events.turns == ["pm", "eng", "cfo"])
        debate.send(.stepRound)  // the whole of round 2
        await events.waitHeld("pm", round: 3)
        #expect(await events.events.messages.map(\.round) == [1, 1, 1, 2, 2, 2])
        debate.send(.resume)
        #expect(await run.value == .completed)
        await task.value
        #expect(await events.events.turns.count == 9)
    }

    @Test("pause holds the next turn; resume goes live; both are events")
    func pauseAndResume() async throws {
        let latch = Latch()
        let eng = TestModel { _, onChunk in
            try await latch.wait()
            onChunk(.text("engineering view"))
        }
        let debate = try TestDebate.make(Fixtures.spec(rounds: 1, facilitator: false), models: ["eng": eng])
        let (events, task) = EventCollector.start(debate)
        let run = Task { await debate.run() }
        await events.wait(forCount: 1) { $0.turnAgent == "eng" }
        debate.send(.pause)  // mid-turn: eng finishes, cfo is held
        latch.open()
        await events.waitHeld("cfo", round: 1)
        #expect(await events.events.turns == ["pm", "eng"])
        debate.send(.resume)
        #expect(await run.value == .completed)
        await task.value
        let paces = await events.events.compactMap { event -> PaceMode? in
            if case .paceChanged(let pace) = event { pace.mode } else { nil }
        }
        #expect(paces == [.paused, .live])
    }
}
