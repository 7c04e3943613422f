import ParleyCore
import Synchronization

/// A recorded debate played back through the same event stream and commands as a live one, so
/// the observer and the headless printer show it exactly as they show a live debate.
///
/// Events come at their recorded pace (scaled by `speed`; long gaps shortened), and the pace
/// commands work as live: pause, resume, step one turn, step one round; `setSpeed` changes the
/// speed while it plays (from the next wait on). Messages recorded
/// without their deltas stream again word by word. The original session's own pauses and
/// holds are left out. Injected text and retries have nothing to act on and are ignored.
public final class Replay: DebateSource {
    /// The replayed event stream.
    public let bus = EventBus()
    private let records: [EventRecord]
    private let speed: Mutex<Double>
    private let pace: PaceGate
    private let stopper = Monitor(false)
    /// The longest wait between two events, in recorded seconds.
    private let longestGap = 2.0

    /// Prepares a replay of `records`; `speed` 2 plays twice as fast, 0 as fast as possible.
    public init(records: [EventRecord], speed: Double = 1, stepping: Bool = false) {
        self.records = records
        self.speed = Mutex(Self.valid(speed))
        pace = PaceGate(PaceState(mode: stepping ? .step : .live), bus: bus)
    }

    /// The replayed events; subscribe before `run()`.
    public func events() -> EventFeed { bus.subscribe() }

    /// Applies a pace command (pause, resume, step, stop); others are ignored.
    public func send(_ command: DebateCommand) {
        switch command {
        case .pause: pace.pause()
        case .resume: pace.resume()
        case .stepTurn: pace.stepTurn()
        case .stepRound: pace.stepRound()
        case .stop: stopper.update { $0 = true }
        case .setSpeed(let speed): self.speed.withLock { $0 = Self.valid(speed) }
        case .inject, .setDelay, .retryTurn, .skipTurn, .cancelTurn, .addRound: break
        }
    }

    /// Plays the recording to its end (or until stopped).
    @discardableResult
    public func run() async -> FinishReason {
        let stopper = self.stopper
        let finished = await withTaskGroup(of: FinishReason?.self) { group in
            group.addTask { (try? await stopper.wait { $0 ? FinishReason.stopped : nil }) ?? nil }
            group.addTask { await self.play() }
            let first = await group.next() ?? nil
            group.cancelAll()
            pace.close()
            stopper.close()
            return first
        }
        let reason = finished ?? .stopped
        bus.emit(.debateFinished(reason, usage: usage))
        return reason
    }

    private var usage: Usage {
        for record in records.reversed() {
            if case .debateFinished(_, let usage) = record.event { return usage }
        }
        return records.reduce(.zero) { total, record in
            if case .messageCompleted(let message) = record.event { total + message.usage } else { total }
        }
    }

    /// Emits every recorded event but the last `debateFinished`; returns how the recording ended.
    private func play() async -> FinishReason? {
        let streamed = Set(records.compactMap { record -> MessageID? in
            if case .textDelta(_, let id, _) = record.event { id } else { nil }
        })
        var previous = records.first?.time ?? 0
        do {
            for (index, record) in records.enumerated() {
                try await wait(record.time - previous)
                // Room is waited for at turns, as a live debate does: within one, pieces merge.
                if case .turnStarted = record.event { await bus.room() }
                previous = record.time
                switch record.event {
                case .held, .paceChanged:
                    continue
                case .debateFinished(let reason, _):
                    return reason
                case .debateStarted:
                    // The original session's pace is not the replay's: say how the replay goes.
                    bus.emit(record.event)
                    bus.emit(.paceChanged(pace.pace))
                case .turnStarted(let agent, let round, let id):
                    try await pace.admit(agent, round: round)
                    bus.emit(record.event)
                    if !streamed.contains(id) { previous += try await restream(from: index, id: id) }
                default:
                    bus.emit(record.event)
                }
            }
        } catch {
            return .stopped
        }
        return .failed("the recording ends here: it was cut short")
    }

    /// Streams a message recorded whole word by word, over the time its turn took (at most the
    /// longest gap); returns that time in recorded seconds.
    private func restream(from index: Int, id: MessageID) async throws -> Double {
        guard let completion = records[index...].first(where: {
            if case .messageCompleted(let message) = $0.event { message.id == id } else { false }
        }), case .messageCompleted(let message) = completion.event else { return 0 }
        let words = message.text.split(separator: " ", omittingEmptySubsequences: false)
        let span = min(completion.time - records[index].time, longestGap)
        let each = span / Double(max(words.count, 1))
        for (position, word) in words.enumerated() {
            let piece = position == words.count - 1 ? String(word) : word + " "
            bus.emit(.textDelta(agent: message.sender, message: id, text: piece))
            if position < words.count - 1 { try await wait(each, capped: false) }
        }
        return span
    }

    /// Waits a recorded time at the replay's speed: never longer than ``longestWait`` however slow
    /// the speed (`--speed 1e-300` would otherwise ask the clock for more seconds than it holds),
    /// and not at all for a time that is no number.
    private func wait(_ recorded: Double, capped: Bool = true) async throws {
        let speed = self.speed.withLock { $0 }
        guard speed > 0, recorded > 0 else { return try Task.checkCancellation() }
        let seconds = (capped ? min(recorded, longestGap) : recorded) / speed
        guard !seconds.isNaN else { return try Task.checkCancellation() }
        try await Task.sleep(for: .seconds(min(seconds, Self.longestWait)))
    }

    /// The speed as played: a negative one, or one that is no number, plays as fast as it can.
    private static func valid(_ speed: Double) -> Double {
        speed.isNaN || speed < 0 ? 0 : speed
    }

    /// The speed the replay plays at now: 2 is twice as fast as recorded, 0 as fast as it can.
    public var currentSpeed: Double { speed.withLock { $0 } }

    /// The longest a replay waits between two events, in seconds, however slow its speed: an hour.
    static let longestWait = 3600.0
}
