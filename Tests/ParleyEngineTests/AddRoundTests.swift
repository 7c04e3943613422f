import ParleyCore
import ParleyModels
import Testing
@testable import ParleyEngine

@Suite("A person's message to a peer with no turn left, and one more round")
struct AddRoundTests {
    /// A one-round debate held after pm's only turn, before eng's: pm has no turn left.
    static func afterFirstTurn() async throws -> (Debate, EventCollector, Task<Void, Never>, Task<FinishReason, Never>) {
        let debate = try Fixtures.debate(Fixtures.spec(rounds: 1, pace: PaceState(mode: .step), facilitator: false))
        let (events, task) = EventCollector.start(debate)
        let run = Task { await debate.run() }
        debate.send(.stepTurn)
        await events.waitHeld("eng", round: 1)
        return (debate, events, task, run)
    }

    @Test("a message to a peer whose last turn has begun is told unheard at once; one to a peer still to speak is not")
    func unheardAtOnce() async throws {
        let (debate, events, task, run) = try await Self.afterFirstTurn()
        debate.send(.inject(text: "pm, are you sure?", to: .peer("pm")))
        debate.send(.inject(text: "cfo, what does it cost?", to: .peer("cfo")))
        await events.wait(forCount: 2) { if case .humanMessage = $0 { true } else { false } }
        debate.send(.stop)
        _ = await run.value
        await task.value
        let all = await events.events
        let unheard = all.compactMap { event -> [AgentID]? in if case .unheard(let peers, _) = event { peers } else { nil } }
        #expect(unheard == [["pm"]], "pm spoke its only turn; cfo has one to come")
    }

    @Test("one more round, asked in the last round, is held: the unheard peer answers the person in it")
    func addedRoundAnswers() async throws {
        let (debate, events, task, run) = try await Self.afterFirstTurn()
        debate.send(.inject(text: "pm, what would users lose without it?", to: .peer("pm")))
        await events.wait(forCount: 1) { if case .unheard = $0 { true } else { false } }
        debate.send(.addRound)
        debate.send(.resume)
        #expect(await run.value == .completed)
        await task.value
        let all = await events.events
        #expect(all.contains(.roundsChanged(rounds: 2)))
        #expect(all.messages.map(\.round) == [1, 1, 1, 2, 2, 2])
        let pm = all.messages.filter { $0.sender == "pm" }
        #expect(pm.last?.text.hasPrefix("To your question") == true, "\(pm.last?.text ?? "")")
    }

    @Test("the floor takes no round more once the debate is over; until then it does, and says so")
    func floorAfterTheEnd() {
        let bus = EventBus()
        let floor = Floor(ring: ["pm", "eng"], rule: .roundRobin, rounds: 1, bus: bus, shouldEnd: { false }, onRoundEnded: { _, _ in })
        #expect(floor.addRound() == 2)
        #expect(floor.rounds == 2)
        floor.end()
        #expect(floor.addRound() == nil)
        #expect(floor.rounds == 2)
    }

    @Test("a round cannot be added once the debate is over")
    func notAfterTheEnd() async throws {
        let debate = try Fixtures.debate(Fixtures.spec(rounds: 1, facilitator: false))
        let (events, task) = EventCollector.start(debate)
        #expect(await debate.run() == .completed)
        debate.send(.addRound)
        await task.value
        #expect(!(await events.events).contains { if case .roundsChanged = $0 { true } else { false } })
    }
}
