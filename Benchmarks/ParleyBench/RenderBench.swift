import Foundation
import ParleyCore
import ParleyEngine
import ParleyObserver
import TerminalKit

/// How fast the observer turns events into frames: the state reducer, the views and the frame
/// diff, on a debate of nine peers streaming word by word.
enum RenderBench {
    /// The figures of one run.
    struct Figures: CustomStringConvertible {
        var events: Int
        var reduceSeconds: Double
        var frames: Int
        var renderSeconds: Double
        var cellsChanged: Int
        var size: (Int, Int)

        var description: String {
            "\(Int(Double(events) / reduceSeconds).formatted()) events/s reduced; "
                + "\(Int(Double(frames) / renderSeconds).formatted()) frames/s drawn and diffed at \(size.0)×\(size.1)"
                + " (\(cellsChanged / max(frames, 1)) cells changed a frame)"
        }
    }

    /// Records a nine-peer debate's events (streamed word by word), then reduces them into the
    /// observer's state, drawing and diffing a frame every `eventsPerFrame` events.
    static func measure(rounds: Int = 20, columns: Int = 200, rows: Int = 60, eventsPerFrame: Int = 25) async throws -> Figures {
        let spec = BenchDebate.spec(agents: 9, rounds: rounds, floor: .roundRobin, facilitator: true)
        let debate = try Debate(spec: spec, models: ModelProvider(scriptedPace: 1_000_000), policy: .stop)
        let recorded = debate.events()
        let collecting = Task {
            var records: [EventRecord] = []
            for await record in recorded { records.append(record) }
            return records
        }
        await debate.run()
        let records = await collecting.value

        let clock = ContinuousClock()
        var state = ObserverState(columns: columns, rows: rows)
        let reduce = clock.measure {
            var reduced = ObserverState(columns: columns, rows: rows)
            for record in records { reduced.apply(record) }
            state = reduced
        }
        _ = state

        let theme = ThemeCatalog.builtIn.theme(at: 0)
        var frames = 0
        var changed = 0
        var frameState = ObserverState(columns: columns, rows: rows)
        var previous: Canvas?
        let render = clock.measure {
            for (index, record) in records.enumerated() {
                frameState.apply(record)
                guard index % eventsPerFrame == 0 else { continue }
                let canvas = ObserverView.render(state: frameState, theme: theme)
                changed += FrameDiff.runs(from: previous, to: canvas).reduce(0) { $0 + $1.cells.count }
                previous = canvas
                frames += 1
            }
        }
        return Figures(
            events: records.count, reduceSeconds: reduce.inSeconds, frames: frames, renderSeconds: render.inSeconds - reduce.inSeconds,
            cellsChanged: changed, size: (columns, rows))
    }

}
