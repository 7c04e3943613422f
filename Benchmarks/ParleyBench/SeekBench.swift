import Foundation
import ParleyCore
import ParleyEngine
import ParleyObserver

/// How fast the observer's timeline jumps to a turn of a long debate: a recorded scripted
/// debate of `events` events (the streamed pieces left out, as a recording leaves them) taken
/// into the observer's state, then shown at turns all along it.
enum SeekBench {
    /// The figures of one run.
    struct Figures: CustomStringConvertible {
        var events: Int
        var turns: Int
        var checkpoints: Int
        var seeks: [Duration]
        var intake: Duration
        var residentGrowthMB: Double

        var description: String {
            let sorted = seeks.sorted()
            let median = sorted[sorted.count / 2], worst = sorted[sorted.count - 1]
            return "\(events.formatted()) events, \(turns.formatted()) turns, a checkpoint every "
                + "\(Timeline.checkpointInterval.formatted()) events (\(checkpoints)): a jump to a turn takes "
                + "\(milliseconds(median)) ms (median), \(milliseconds(worst)) ms at worst, over \(seeks.count.formatted()) jumps; "
                + "taking the events in: \(milliseconds(intake)) ms, resident memory +\(String(format: "%.1f", residentGrowthMB)) MB"
        }

        private func milliseconds(_ duration: Duration) -> String {
            String(format: "%.2f", duration.inSeconds * 1000)
        }
    }

    /// Runs a scripted debate of 8 peers long enough for `events` recorded events, takes them
    /// into an observer's state, then jumps to 2,000 turns spread along it and to the turn
    /// farthest from each checkpoint (the slowest to reach), timing each jump.
    static func measure(events wanted: Int) async throws -> Figures {
        let spec = BenchDebate.spec(agents: 8, rounds: max(1, wanted / 25), floor: .roundRobin, facilitator: true)
        let debate = try Debate(spec: spec, models: ModelProvider(scriptedPace: 0), policy: .stop)
        let recorded = debate.events()
        let collecting = Task {
            var records: [EventRecord] = []
            for await record in recorded where !record.event.isDelta { records.append(record) }
            return records
        }
        await debate.run()
        let records = await collecting.value.prefix(wanted)

        let clock = ContinuousClock()
        let before = residentMB()
        var state = ObserverState(columns: 200, rows: 60)
        let intake = clock.measure {
            for record in records { state.apply(record) }
        }
        let growth = residentMB() - before
        let timeline = state.timeline
        let turns = timeline.turnCount
        var targets = stride(from: 0, to: turns, by: max(1, turns / 2000)).map { $0 }
        // The turn that ends last before each checkpoint: the most events to reduce.
        for boundary in stride(from: timeline.interval, through: timeline.records.count, by: timeline.interval) {
            if let turn = timeline.stops.lastIndex(where: { $0 < boundary }) { targets.append(turn) }
        }
        var seeks: [Duration] = []
        for turn in targets {
            state.show(turn: turns)  // back to now, so that every jump reduces afresh
            seeks.append(clock.measure { state.show(turn: turn) })
            precondition(state.viewed?.turn == turn || turn == turns)
        }
        return Figures(
            events: records.count, turns: turns, checkpoints: timeline.records.count / timeline.interval + 1, seeks: seeks,
            intake: intake, residentGrowthMB: growth)
    }

    /// The process's resident memory now, in megabytes (Linux; 0 elsewhere).
    static func residentMB() -> Double {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
            let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
        else { return 0 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }
}
