import ParleyCore
import Synchronization

/// The debate's one ordered stream of events. `emit` numbers and timestamps each event and
/// hands it, in order and under one lock, to the sinks (the recorder) and to every subscriber.
public final class EventBus: Sendable {
    private struct State: ~Copyable {
        var seq = 0
        var sinks: [@Sendable (EventRecord) -> Void] = []
        var flushes: [@Sendable () -> Void] = []
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
        var flushes: [@Sendable () -> Void] = []
        let ended: [AsyncStream<EventRecord>.Continuation] = state.withLock { state in
            guard !state.finished else { return [] }
            flushes = state.flushes
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
        if !Self.batching { for flush in flushes { flush() } }
        for subscriber in ended { subscriber.finish() }
    }

    /// Whether the current task is inside ``batch(_:)``: its events' sinks flush at the end.
    @TaskLocal private static var batching = false

    /// Runs `body`, flushing the sinks once at its end instead of after each event it emits: a
    /// message and what it sets off (its blackboard notes, the round ending, the floor passing)
    /// reach the recording in one write.
    public func batch<T>(_ body: () throws -> T) rethrows -> T {
        if Self.batching { return try body() }
        defer {
            let flushes = state.withLock { $0.flushes }
            for flush in flushes { flush() }
        }
        return try Self.$batching.withValue(true) { try body() }
    }

    /// Adds a sink called synchronously, in order, for every later event (the recorder).
    /// `flush`, when given, runs after each event once the bus's lock is released, before `emit`
    /// returns: the place for slow work such as a system call, which the sink only prepares.
    public func addSink(_ sink: @escaping @Sendable (EventRecord) -> Void, flush: (@Sendable () -> Void)? = nil) {
        state.withLock { state in
            state.sinks.append(sink)
            if let flush { state.flushes.append(flush) }
        }
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
