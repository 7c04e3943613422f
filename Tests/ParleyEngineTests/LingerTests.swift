import ParleyCore
import ParleyModels
import Testing
@testable import ParleyEngine

@Suite("A debate that lingers when its rounds are done, for one more round")
struct LingerTests {
    static func isConcluded(_ event: DebateEvent) -> Bool {
        if case .debateConcluded = event { true } else { false }
    }

    static func finals(_ events: [DebateEvent]) -> [Int] {
        events.indices.filter { if case .summaryCompleted(let summary) = events[$0] { summary.scope == .final } else { false } }
    }

    @Test("it concludes after the final summary and keeps going: e holds a round in which peers answer the person with their whole memory, then it concludes again; quitting finishes it as completed")
    func concludeThenOneMoreRound() async throws {
        let eng = TestModel { request in
            guard case .turn(let round) = request.purpose else { return "" }
            return "Engineering view, round \(round)."
        }
        let debate = try TestDebate.make(Fixtures.spec(rounds: 1), models: ["eng": eng], lingers: true)
        let (events, task) = EventCollector.start(debate)
        let run = Task { await debate.run() }
        await events.wait(forCount: 1, of: Self.isConcluded)
        let concluded = await events.events
        #expect(concluded.last == .debateConcluded(round: 1), "nothing after it while it lingers")
        #expect(Self.finals(concluded).count == 1 && Self.finals(concluded)[0] < concluded.count - 1, "the final summary came first")
        #expect(!concluded.contains { if case .debateFinished = $0 { true } else { false } })

        debate.send(.inject(text: "pm, what would users lose without it?", to: .peer("pm")))
        await events.wait(forCount: 1) { if case .unheard = $0 { true } else { false } }
        let unheard = (await events.events).compactMap { event -> [AgentID]? in if case .unheard(let peers, _) = event { peers } else { nil } }
        #expect(unheard == [["pm"]], "pm has no turn left until a round is added: the warning is true")
        debate.send(.addRound)
        await events.wait(forCount: 2, of: Self.isConcluded)
        let all = await events.events
        #expect(all.last == .debateConcluded(round: 2))
        #expect(all.contains(.roundsChanged(rounds: 2)) && all.contains(.roundStarted(round: 2)))
        #expect(all.messages.map(\.round) == [1, 1, 1, 2, 2, 2])
        let pm = all.messages.filter { $0.sender == "pm" }
        #expect(pm.last?.text.hasPrefix("To your question") == true, "pm answers the person first: \(pm.last?.text ?? "")")
        let roundTwo = try #require(eng.requests.last)
        let said = roundTwo.messages.map(\.content).joined(separator: "\n")
        for earlier in all.messages where earlier.round == 1 && earlier.sender != "eng" {
            #expect(said.contains(earlier.text), "eng's memory keeps round 1: \(earlier.text)")
        }
        #expect(said.contains("Engineering view, round 1."), "and its own round-1 message")
        let finals = Self.finals(all)
        #expect(finals.count == 2, "new final tradeoffs after the round added")
        let lastMessage = try #require(all.lastIndex { $0.completedMessage != nil })
        #expect(finals[1] > lastMessage)

        debate.send(.stop)
        #expect(await run.value == .completed)
        await task.value
        let ended = await events.events
        #expect(ended.last == .debateFinished(.completed, usage: ended.messages.reduce(.zero) { $0 + $1.usage } + ended.summaryUsage))
    }

    @Test("without a facilitator it concludes as the last round ends; every floor protocol opens the round added", arguments: FloorProtocol.allCases)
    func concludeWithoutFacilitator(rule: FloorProtocol) async throws {
        let debate = try Fixtures.debate(Fixtures.spec(floor: rule, rounds: 1, facilitator: false), lingers: true)
        let (events, task) = EventCollector.start(debate)
        let run = Task { await debate.run() }
        await events.wait(forCount: 1, of: Self.isConcluded)
        #expect((await events.events).messages.count == 3)
        debate.send(.addRound)
        await events.wait(forCount: 2, of: Self.isConcluded)
        let all = await events.events
        #expect(all.messages.map(\.round) == [1, 1, 1, 2, 2, 2])
        #expect(Set(all.messages.filter { $0.round == 2 }.map(\.sender)) == ["pm", "eng", "cfo"], "each peer once in the round added")
        debate.send(.stop)
        #expect(await run.value == .completed)
        await task.value
    }

    @Test("stopped mid-round it ends as stopped; a guard that stops it ends it for good, lingering or not")
    func endsForGood() async throws {
        let held = try Fixtures.debate(Fixtures.spec(rounds: 2, pace: PaceState(mode: .step)), lingers: true)
        let (heldEvents, heldTask) = EventCollector.start(held)
        let heldRun = Task { await held.run() }
        held.send(.stepTurn)
        await heldEvents.waitHeld("eng", round: 1)
        held.send(.stop)
        #expect(await heldRun.value == .stopped)
        await heldTask.value

        let budget = try Fixtures.debate(Fixtures.spec(rounds: 3, guards: GuardSpec(tokenBudget: 1, repetition: nil)), lingers: true)
        let (events, task) = EventCollector.start(budget)
        #expect(await budget.run() == .guardTripped(.tokenBudget), "it ended by itself, not lingering")
        await task.value
        #expect(!(await events.events).contains(where: Self.isConcluded))
    }

    @Test("a lingering debate's recording replays whole: the round added, the second conclusion, the end")
    func replayOfALingeringDebate() async throws {
        let debate = try Fixtures.debate(Fixtures.spec(rounds: 1), lingers: true)
        let (events, task) = EventCollector.start(debate)
        let run = Task { await debate.run() }
        await events.wait(forCount: 1, of: Self.isConcluded)
        debate.send(.addRound)
        await events.wait(forCount: 2, of: Self.isConcluded)
        debate.send(.stop)
        _ = await run.value
        await task.value
        let records = await events.records
        let replay = Replay(records: records, speed: 0)
        let replayed = replay.events()
        let playing = Task {
            var seen: [DebateEvent] = []
            for await record in replayed { seen.append(record.event) }
            return seen
        }
        #expect(await replay.run() == .completed)
        // The replay leaves out the session's own pace, and says its own.
        let paced = { (event: DebateEvent) -> Bool in if case .paceChanged = event { true } else { event.isHeld } }
        #expect((await playing.value).filter { !paced($0) } == records.map(\.event).filter { !paced($0) })
    }
}

extension Array where Element == DebateEvent {
    /// What the summaries used.
    var summaryUsage: Usage {
        reduce(.zero) { total, event in if case .summaryCompleted(let summary) = event { total + summary.usage } else { total } }
    }
}
