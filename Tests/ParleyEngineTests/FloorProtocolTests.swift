import ParleyCore
import ParleyModels
import Testing
@testable import ParleyEngine

@Suite("Floor protocols")
struct FloorProtocolTests {
    @Test("round-robin passes the floor around the ring once a round")
    func roundRobinOrder() async throws {
        let debate = try Fixtures.debate(Fixtures.spec(rounds: 3))
        let (events, task) = EventCollector.start(debate)
        let reason = await debate.run()
        await task.value
        #expect(reason == .completed)
        let all = await events.events
        #expect(all.turns == ["pm", "eng", "cfo", "pm", "eng", "cfo", "pm", "eng", "cfo"])
        #expect(all.messages.map(\.round) == [1, 1, 1, 2, 2, 2, 3, 3, 3])
        let passes = all.compactMap { event -> String? in
            if case .floorPassed(let from, let to, _) = event { "\(from?.rawValue ?? "-")>\(to)" } else { nil }
        }
        #expect(passes == ["->pm", "pm>eng", "eng>cfo", "cfo>pm", "pm>eng", "eng>cfo", "cfo>pm", "pm>eng", "eng>cfo"])
    }

    @Test("mention passes the floor to the named peer if it has not spoken this round, else to the successor")
    func mentionRouting() async throws {
        let pm = TestModel { _ in "@cfo what would it cost us?" }
        let cfo = TestModel { _ in "Too much, and @pm knows it." }
        let eng = TestModel { _ in "Let me ask @ux about design." }
        let ux = TestModel { _ in "I'd ask @eng again." }
        let spec = Fixtures.spec(["pm", "eng", "cfo", "ux"], floor: .mention, rounds: 2, facilitator: false)
        let debate = try TestDebate.make(spec, models: ["pm": pm, "eng": eng, "cfo": cfo, "ux": ux])
        let (events, task) = EventCollector.start(debate)
        await debate.run()
        await task.value
        let turns = await events.events.turns
        // Round 1: pm names cfo → cfo; cfo names pm (spoken) → its successor ux; ux names eng → eng.
        // Round 2 opens with whom eng named (ux), then ux names eng → eng, eng names ux (spoken) → cfo, then pm.
        #expect(turns == ["pm", "cfo", "ux", "eng", "ux", "eng", "cfo", "pm"])
    }

    @Test("simultaneous: every peer answers the previous round, and none starts a round before all of the last arrived")
    func simultaneousBarrier() async throws {
        let latch = Latch()
        let models = Dictionary(uniqueKeysWithValues: ["pm", "eng", "cfo"].map { id in
            (AgentID(id), TestModel { request, onChunk in
                if case .turn(let round) = request.purpose, round == 1, id == "cfo" { try await latch.wait() }
                onChunk(.text("\(id) speaks"))
            })
        })
        let spec = Fixtures.spec(floor: .simultaneous, rounds: 2, facilitator: false)
        let debate = try TestDebate.make(spec, models: models)
        let (events, task) = EventCollector.start(debate)
        let run = Task { await debate.run() }
        // pm and eng finish round 1; cfo is held inside its turn.
        await events.wait(forCount: 2) { $0.completedMessage != nil }
        while latch.waiting == 0 { await Task.yield() }
        let before = await events.events
        #expect(!before.contains { if case .turnStarted(_, 2, _) = $0 { true } else { false } })
        latch.open()
        _ = await run.value
        await task.value
        let all = await events.events
        let firstRound2 = all.firstIndex { if case .turnStarted(_, 2, _) = $0 { true } else { false } }!
        let lastRound1 = all.lastIndex { $0.completedMessage?.round == 1 }!
        #expect(lastRound1 < firstRound2)
        for id in ["pm", "eng", "cfo"] {
            let request = models[AgentID(id)]!.requests.first { $0.purpose == .turn(round: 2) }!
            let heard = request.messages.filter { $0.kind == .peer }
            #expect(heard.count == 2, "\(id) should see both other peers' round-1 messages")
            #expect(heard.allSatisfy { $0.round == 1 })
        }
    }

    @Test("a message starting with @ids goes only to those peers")
    func deliveryToAddresseesOnly() async throws {
        let pm = TestModel { _ in "@eng between us: the launch date is fixed." }
        let eng = TestModel { _ in "Noted." }
        let cfo = TestModel { _ in "What did I miss?" }
        let debate = try TestDebate.make(Fixtures.spec(rounds: 2, facilitator: false), models: ["pm": pm, "eng": eng, "cfo": cfo])
        let (events, task) = EventCollector.start(debate)
        await debate.run()
        await task.value
        let first = await events.events.messages.first!
        #expect(first.to == .peers(["eng"]))
        let secret = "@eng between us: the launch date is fixed."
        #expect(eng.requests[0].messages.contains { $0.text == secret && $0.addressedToMe })
        #expect(cfo.requests.allSatisfy { request in !request.messages.contains { $0.text == secret } })
        // Broadcasts reach everyone: pm hears eng's and cfo's round-1 messages in round 2.
        #expect(pm.requests[1].messages.filter { $0.kind == .peer }.map(\.text) == ["Noted.", "What did I miss?"])
    }
}

@Suite("Replay")
struct ReplayTests {
    @Test("a replay emits the recorded events in order, with its own pace, and obeys step commands")
    func replaySteps() async throws {
        let live = try Fixtures.debate(Fixtures.spec(rounds: 1, facilitator: false))
        let (recorded, recording) = EventCollector.start(live)
        await live.run()
        await recording.value
        let records = await recorded.records.filter { !$0.event.isDelta }

        let replay = Replay(records: records, speed: 0, stepping: true)
        let stream = replay.events()
        let collector = EventCollector()
        let feeding = Task {
            for await record in stream { await collector.add(record) }
            await collector.finish()
        }
        let run = Task { await replay.run() }
        await collector.waitHeld("pm", round: 1)
        let before = await collector.events
        #expect(before.contains(.paceChanged(PaceState(mode: .step))), "the replay says it is stepping")
        #expect(before.turns.isEmpty)
        replay.send(.stepTurn)
        await collector.waitHeld("eng", round: 1)
        #expect(await collector.events.messages.map(\.sender) == ["pm"])
        replay.send(.resume)
        #expect(await run.value == .completed)
        await feeding.value
        let replayed = await collector.events
        #expect(replayed.messages == records.map(\.event).messages)
        let words = replayed.filter { if case .textDelta = $0 { true } else { false } }
        #expect(!words.isEmpty, "messages recorded whole stream again")
    }

    @Test("under simultaneous a message of this round waits for the next, the human's excepted; turn-taking hears all")
    func roundBarrier() {
        func floor(_ rule: FloorProtocol) -> Floor {
            Floor(ring: ["pm", "eng"], rule: rule, rounds: 3, bus: EventBus(), shouldEnd: { false }, onRoundEnded: { _, _ in })
        }
        func message(from sender: AgentID, round: Int) -> Message {
            Message(id: MessageID(1), sender: sender, to: .everyone, round: round, text: "t", startedAt: .now, completedAt: .now)
        }
        let simultaneous = floor(.simultaneous)
        #expect(!simultaneous.isHeard(message(from: "eng", round: 2), inTurnOf: 2))
        #expect(simultaneous.isHeard(message(from: "eng", round: 1), inTurnOf: 2))
        #expect(simultaneous.isHeard(message(from: .human, round: 2), inTurnOf: 2))
        for rule in [FloorProtocol.roundRobin, .mention] {
            #expect(floor(rule).isHeard(message(from: "eng", round: 2), inTurnOf: 2))
        }
    }

    @Test("a replay at a speed too slow for the clock waits, and stops when told, rather than crashing")
    func slowestSpeed() async throws {
        let records = [
            EventRecord(seq: 1, time: 0, event: .roundStarted(round: 1)),
            EventRecord(seq: 2, time: 1, event: .roundEnded(round: 1)),
        ]
        let replay = Replay(records: records, speed: 1e-300)
        let stream = replay.events()
        let run = Task { await replay.run() }
        for await record in stream where record.event == .roundStarted(round: 1) { break }
        replay.send(.stop)  // the wait for the second event is under way: one second at 1e-300
        #expect(await run.value == .stopped)
    }
}
