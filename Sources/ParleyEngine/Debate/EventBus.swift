import ParleyCore
import Synchronization

/// The debate's one ordered stream of events. `emit` numbers and timestamps each event and
/// hands it, in order and under one lock, to the sinks (the recorder) and to every subscriber.
public final class EventBus: Sendable {
    private struct State: ~Copyable {
        var seq = 0
        var sinks: [@Sendable (EventRecord) -> Void] = []
        var subscribers: [Int: AsyncStream<EventRecord>.Continuation] = [:]
        var nextSubscriber = 0
        var finished = false
    }

    private let state = Mutex(State())
    private let start = ContinuousClock.now

    /// Makes a bus; time 0 is now.
    public init() {}

    /// Emits an event: numbers it, stamps it with the seconds since the bus was made, and
    /// delivers it. Events after ``DebateEvent/debateFinished(_:usage:)`` are dropped.
    public func emit(_ event: DebateEvent) {
        let time = (ContinuousClock.now - start).inSeconds
        let ended: [AsyncStream<EventRecord>.Continuation] = state.withLock { state in
            guard !state.finished else { return [] }
            state.seq += 1
            let record = EventRecord(seq: state.seq, time: time, event: event)
            for sink in state.sinks { sink(record) }
            // A subscriber that stopped listening is dropped here, when a yield says so, and
            // not from the stream's termination handler: that runs while the runtime holds the
            // cancelled task's lock, and yielding under this lock wakes tasks and needs theirs.
            for (id, subscriber) in state.subscribers {
                if case .terminated = subscriber.yield(record) { state.subscribers[id] = nil }
            }
            guard case .debateFinished = event else { return [] }
            state.finished = true
            defer { state.subscribers.removeAll() }
            return Array(state.subscribers.values)
        }
        for subscriber in ended { subscriber.finish() }
    }

    /// Adds a sink called synchronously, in order, for every later event (the recorder).
    public func addSink(_ sink: @escaping @Sendable (EventRecord) -> Void) {
        state.withLock { $0.sinks.append(sink) }
    }

    /// A stream of every later event, ending after the debate finished.
    public func subscribe() -> AsyncStream<EventRecord> {
        let (stream, continuation) = AsyncStream.makeStream(of: EventRecord.self, bufferingPolicy: .unbounded)
        let subscribed = state.withLock { state in
            guard !state.finished else { return false }
            state.nextSubscriber += 1
            state.subscribers[state.nextSubscriber] = continuation
            return true
        }
        if !subscribed { continuation.finish() }
        return stream
    }

    /// How many events were emitted.
    public var count: Int { state.withLock { $0.seq } }
}
