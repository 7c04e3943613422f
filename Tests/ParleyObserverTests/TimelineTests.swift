import ParleyCore
import ParleyDebateFile
import ParleyEngine
import ParleyTestSupport
import TerminalKit
import Testing
@testable import ParleyObserver

@Suite("Timeline")
struct TimelineTests {
    /// A random scripted debate, run instantly: its protocol, rounds, peers and facilitator
    /// drawn from `seed`; its recorded events (the streamed pieces included, as live).
    static func recordedDebate(seed: UInt64) async throws -> (records: [EventRecord], about: String) {
        var random = SplitMix64(seed: seed)
        var spec = try DebateFile.parse(BuiltInDebates.featureX, path: BuiltInDebates.featureXName)
        spec.pace.delay = 0
        spec.floor = [FloorProtocol.roundRobin, .mention, .simultaneous].randomElement(using: &random)!
        spec.rounds = Int.random(in: 1...4, using: &random)
        if Bool.random(using: &random) { spec.facilitator = nil }
        if Bool.random(using: &random) { spec.agents.removeLast() }
        let about = "seed \(seed): \(spec.floor), \(spec.rounds) rounds, \(spec.agents.count) peers, facilitator \(spec.facilitator != nil)"
        return (try await records(of: spec), about)
    }

    /// The records of a scripted debate run instantly to its end (the streamed pieces included, as live).
    static func records(of spec: DebateSpec) async throws -> [EventRecord] {
        let debate = try Debate(spec: spec, models: ModelProvider(scriptedPace: 0), policy: .stop)
        let events = debate.events()
        let collecting = Task {
            var records: [EventRecord] = []
            for await record in events { records.append(record) }
            return records
        }
        #expect(await debate.run() == .completed)
        return await collecting.value
    }

    @Test("seeking to every turn of a recorded debate yields the debate reduced over the events up to it", arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func seekEqualsReduce(seed: UInt64) async throws {
        let (records, about) = try await Self.recordedDebate(seed: seed)
        let kept = records.filter { !$0.event.isDelta }
        let turns = records.count { Timeline.endsTurn($0.event) }
        #expect(turns > 0, "\(about)")
        // Checkpoints at every event, every few, and every interval (none in a debate this small).
        for interval in [1, 5, Timeline.checkpointInterval] {
            var timeline = Timeline(isReplay: false, interval: interval)
            for record in records { timeline.append(record) }
            #expect(timeline.records == kept, "\(about): the timeline keeps every event but the streamed pieces, once")
            #expect(timeline.turnCount == turns, "\(about)")
            for turn in 0...turns {
                let seeked = timeline.debate(atTurn: turn)
                let reduced = ShownDebate.reduced(kept.prefix(timeline.stops[turn]), isReplay: false)
                #expect(seeked == reduced, "\(about): turn \(turn) with checkpoints every \(interval) events")
            }
        }
    }

    @Test("stepping the observer through a live debate's turns shows each as the events up to it drew it", arguments: [7, 8] as [UInt64])
    func observerStepsThroughTurns(seed: UInt64) async throws {
        let (records, about) = try await Self.recordedDebate(seed: seed)
        var state = ObserverState(columns: 120, rows: 34)
        for record in records { state.apply(record) }
        let turns = state.timeline.turnCount
        _ = state.apply(.timeline(.start))
        for turn in 0...turns {
            if turn == turns {
                // Past the last turn is now again: the debate as it is.
                #expect(state.viewed == nil, "\(about)")
                break
            }
            let viewed = try #require(state.viewed, "\(about): turn \(turn)")
            #expect(viewed.turn == turn)
            var past = ObserverState(columns: 120, rows: 34)
            for record in state.timeline.records.prefix(state.timeline.stops[turn]) { past.apply(record) }
            #expect(viewed.debate == past.debate, "\(about): turn \(turn)")
            // The panes, graph, blackboard and summaries draw exactly as they did then.
            let body = { (state: ObserverState) in ObserverView.render(state: state, theme: .plain).lines.dropLast(3) }
            #expect(body(state) == body(past), "\(about): turn \(turn) draws otherwise than it did")
            _ = state.apply(.timeline(.turnForward))
        }
    }

    @Test("looking back does not stop a live debate: new turns count in the strip, the view stays, End follows again")
    func liveGoesOn() throws {
        var debate = DebateBuilder.threePeerDebate()
        var state = debate.state(columns: 120, rows: 34)
        #expect(state.timeline.turnCount == 8)
        _ = state.apply(.timeline(.turnBack))
        // Dana is speaking (turn 9 under way): one turn back is the last turn ended.
        #expect(state.viewed?.turn == 8)
        _ = state.apply(.timeline(.turnBack))
        let past = try #require(state.viewed)
        #expect(past.turn == 7)
        #expect(state.shown.pane("eng")?.message(MessageID(8)) == nil, "turn 8 (eng's) is not shown at turn 7")
        #expect(StatusBarView.viewing(state)?.text == " viewing turn 7 of 8 · End follows live ")
        debate = DebateBuilder.threePeerDebate()
        debate.finish("cfo", MessageID(9), round: 3, text: "Budget approved for the flagged release.", to: .everyone, tokens: 40)
        state.apply(debate.events.last!)
        #expect(state.viewed == past, "a new turn leaves the view where it is")
        #expect(state.timeline.turnCount == 9)
        #expect(StatusBarView.viewing(state)?.text == " viewing turn 7 of 9 · End follows live ")
        #expect(state.debate.pane("cfo")?.message(MessageID(9))?.text == "Budget approved for the flagged release.")
        _ = state.apply(.timeline(.now))
        #expect(state.viewed == nil)
        #expect(StatusBarView.viewing(state) == nil)
        #expect(state.shown == state.debate)
    }

    @Test("[ and ] go from round end to round end, Home to the start, → past the last turn to now")
    func roundMoves() {
        var debate = DebateBuilder.threePeerDebate()
        debate.finish("cfo", MessageID(9), round: 3, text: "Budget approved.", to: .everyone, tokens: 40)
        var state = debate.state()
        // Turns 1–3 are round 1's, 4–6 round 2's, 7–9 round 3's; the debate is between turns.
        #expect(state.timeline.rounds == [0, 1, 1, 1, 2, 2, 2, 3, 3, 3])
        _ = state.apply(.timeline(.roundBack))
        #expect(state.viewed?.turn == 6)
        _ = state.apply(.timeline(.roundBack))
        #expect(state.viewed?.turn == 3)
        _ = state.apply(.timeline(.turnForward))
        #expect(state.viewed?.turn == 4)
        _ = state.apply(.timeline(.roundForward))
        #expect(state.viewed?.turn == 6)
        _ = state.apply(.timeline(.roundBack))
        _ = state.apply(.timeline(.roundBack))
        #expect(state.viewed?.turn == 0)
        #expect(state.shown.peers.allSatisfy { $0.entries.isEmpty }, "the start shows no turn")
        #expect(StatusBarView.viewing(state)?.text == " viewing the start of 9 turns · End follows live ")
        _ = state.apply(.timeline(.roundBack))
        #expect(state.viewed?.turn == 0, "the start is as far back as it goes")
        _ = state.apply(.timeline(.roundForward))
        _ = state.apply(.timeline(.roundForward))
        #expect(state.viewed?.turn == 6)
        _ = state.apply(.timeline(.roundForward))
        #expect(state.viewed == nil, "the end of the last round is now")
        _ = state.apply(.timeline(.start))
        #expect(state.viewed?.turn == 0)
        for _ in 0..<8 { _ = state.apply(.timeline(.turnForward)) }
        #expect(state.viewed?.turn == 8)
        _ = state.apply(.timeline(.turnForward))
        #expect(state.viewed == nil)
    }

    @Test("a turn's notes and the round's end belong to it; the next round's start does not")
    func stopsTakeWhatATurnSetsOff() {
        let state = DebateBuilder.threePeerDebate().state()
        let first = state.timeline.debate(atTurn: 1)
        #expect(first?.notes.map(\.text) == ["X is the top user request this year"])
        let third = state.timeline.debate(atTurn: 3)
        #expect(third?.round == 1)
        #expect(third?.summaries.isEmpty == true, "round 1's summary came after its last turn")
    }

    @Test("the strip shows the rounds and turns, where the view is, and how to get back to now")
    func strip() {
        var state = DebateBuilder.threePeerDebate().state(columns: 100, rows: 30)
        let strip = { (state: ObserverState) in ObserverView.render(state: state, theme: .plain).lines[27] }
        #expect(strip(state) == " ◇ 1 ●●● 2 ●●● 3 ●●✎ ▸ now")
        _ = state.apply(.timeline(.roundBack))
        // Dana's turn, still being written now, is on the strip too.
        #expect(strip(state) == " ◇ 1 ●●● 2 ●●◆ 3 ··✎ End ▸ now")
        _ = state.apply(.timeline(.start))
        #expect(strip(state) == " ◇ 1 ··· 2 ··· 3 ··✎ End ▸ now")
        let status = ObserverView.render(state: state, theme: .plain).lines[29]
        #expect(status.contains("viewing the start of 8 turns · End follows live"))
    }

    @Test("a long strip shows the turns around the one viewed, cut with …")
    func longStrip() {
        var debate = DebateBuilder(DebateBuilder.info(rounds: 40))
        for round in 1...40 {
            debate.round(round)
            for peer in ["pm", "eng", "cfo"] as [AgentID] { debate.turn(peer, round: round, says: "Round \(round).") }
        }
        var state = debate.state(columns: 60, rows: 20)
        let strip = { (state: ObserverState) in ObserverView.render(state: state, theme: .plain).lines[17] }
        #expect(strip(state).hasPrefix(" …"))
        #expect(strip(state).hasSuffix("40 ●●◆ ▸ now"))
        for _ in 0..<60 { _ = state.apply(.timeline(.turnBack)) }
        let middle = strip(state)
        #expect(middle.hasPrefix(" …") && middle.contains("◆") && middle.hasSuffix("… End ▸ now"), "\(middle)")
        #expect(TextWidth.columns(middle) <= 60)
    }

    @Test("a replay says so in the status bar: REPLAY, its file, how far it played, its speed")
    func replayStatus() {
        var state = DebateBuilder.threePeerDebate().state(columns: 160, rows: 30, replay: true)
        state.intake.replayName = "run.jsonl"
        state.intake.replayTurns = 12
        let status = { (state: ObserverState) in ObserverView.render(state: state, theme: .plain).lines[29] }
        #expect(status(state).contains("│  REPLAY  │ run.jsonl · turn 8 of 12 · 1× │"))
        _ = state.apply(.faster)
        _ = state.apply(.togglePause)
        #expect(status(state).contains("│  REPLAY · PAUSED  │ run.jsonl · turn 8 of 12 · 2× │"))
        _ = state.apply(.timeline(.turnBack))
        #expect(status(state).contains(" viewing turn 8 of 8 · End follows the replay "))
    }

    @Test("+ past the fastest replay speed plays as fast as it can, and - from there comes back")
    func replaySpeeds() {
        var state = DebateBuilder.threePeerDebate().state(replay: true)
        state.intake.replaySpeed = 3
        #expect(state.apply(.faster) == [.send(.setSpeed(4))])
        for _ in 0..<3 { _ = state.apply(.faster) }
        #expect(state.intake.replaySpeed == 0)
        #expect(state.debate.notice?.text == "Replay speed max.")
        #expect(state.apply(.faster).isEmpty)
        #expect(state.debate.notice?.text == "The replay plays as fast as it can already.")
        #expect(state.apply(.slower) == [.send(.setSpeed(16))])
        state.intake.replaySpeed = 0.25
        #expect(state.apply(.slower).isEmpty)
        #expect(state.debate.notice?.text == "The slowest replay speed is 0.25×.")
    }

    @Test("a replay told to play as fast as it can does not wait out its recorded gaps", .timeLimit(.minutes(1)))
    func replaySpeedChangesTheReplay() async {
        // Recorded an hour apart: at speed 1 each gap waits 2 s (the longest gap), 400 s in all.
        var records = [EventRecord(seq: 1, time: 0, event: .debateStarted(DebateBuilder.info()))]
        for index in 1...200 {
            records.append(EventRecord(seq: index + 1, time: Double(index) * 3600, event: .roundStarted(round: 1)))
        }
        let replay = Replay(records: records, speed: 1)
        #expect(replay.currentSpeed == 1)
        replay.send(.setSpeed(0))
        #expect(replay.currentSpeed == 0)
        #expect(await replay.run() == .failed("the recording ends here: it was cut short"))
    }

    @Test("the timeline keeps each event once, a checkpoint every interval, and a new debate starts it afresh")
    func keepsOnce() {
        let debate = DebateBuilder.threePeerDebate()
        var timeline = Timeline(isReplay: false, interval: 4)
        for event in debate.events { timeline.append(EventRecord(seq: 0, time: 0, event: event)) }
        let kept = debate.events.count { !$0.isDelta }
        #expect(timeline.records.count == kept)
        #expect(timeline.checkpointCount == kept / 4 + 1)
        timeline.append(EventRecord(seq: 0, time: 0, event: .debateStarted(DebateBuilder.info())))
        #expect(timeline.records.count == 1)
        #expect(timeline.turnCount == 0)
        #expect(timeline.checkpointCount == 1)
    }

    @Test("a long debate's timeline keeps at most its capacity: the oldest events go a checkpoint at a time, and the turns kept still show as reduced from the start", arguments: [9, 10] as [UInt64])
    func boundedTimeline(seed: UInt64) async throws {
        let (records, about) = try await Self.recordedDebate(seed: seed)
        let kept = records.filter { !$0.event.isDelta }
        var timeline = Timeline(isReplay: false, interval: 4, capacity: 12)
        for record in records { timeline.append(record) }
        #expect(timeline.records.count <= 12 + 1, "\(about)")
        #expect(timeline.dropped > 0 && timeline.dropped % 4 == 0, "\(about)")
        #expect(Array(timeline.records) == Array(kept.suffix(timeline.records.count)), "\(about)")
        let first = timeline.firstKeptTurn
        #expect(first > 0, "\(about)")
        for turn in first...timeline.turnCount {
            let reduced = ShownDebate.reduced(kept.prefix(timeline.stops[turn]), isReplay: false)
            #expect(timeline.debate(atTurn: turn) == reduced, "\(about): turn \(turn)")
        }
        var state = ObserverState(columns: 120, rows: 34)
        state.timeline = timeline
        _ = state.apply(.timeline(.start))
        #expect(state.viewed?.turn == first, "Home goes to the first turn still kept")
        // Long replies reach the bound on their text first, however few the events.
        var wordy = Timeline(isReplay: false, interval: 4, capacity: 1_000_000, textCapacity: 2_000)
        for record in records { wordy.append(record) }
        #expect(wordy.dropped > 0, "\(about)")
        for turn in wordy.firstKeptTurn...wordy.turnCount {
            #expect(wordy.debate(atTurn: turn) == ShownDebate.reduced(kept.prefix(wordy.stops[turn]), isReplay: false))
        }
    }
}
