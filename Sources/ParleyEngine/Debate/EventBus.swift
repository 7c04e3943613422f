import ParleyCore
import Synchronization

/// The debate's one ordered stream of events. `emit` numbers and timestamps each event and
/// hands it, in order and under one lock, to the sinks (the recorder, which gets every event
/// as it happens) and to every subscriber's ``EventFeed`` (bounded, merging streamed pieces
/// while its consumer is busy; peers wait in ``room()`` while a consumer is far behind).
public final class EventBus: Sendable {
    private struct State: ~Copyable {
        var seq = 0
        var sinks: [@Sendable (EventRecord) -> Void] = []
        var flushes: [@Sendable () -> Void] = []
        var subscribers: [Int: EventFeed.Channel] = [:]
        var nextSubscriber = 0
        var finished = false
        /// Who waits in ``room()``, by a number of their own.
        var roomWaiters: [Int: CheckedContinuation<Void, Never>] = [:]
        var nextRoomWaiter = 0
    }

    private let state = Mutex(State())
    private let start: ContinuousClock.Instant

    /// Makes a bus; time 0 is now, or `elapsed` seconds ago (a fork goes on from its parent's
    /// clock).
    public init(elapsed: Double = 0) {
        start = ContinuousClock.now - .seconds(max(0, elapsed))
    }

    /// Emits an event: numbers it, stamps it with the seconds since the bus was made, and
    /// delivers it. Events after ``DebateEvent/debateFinished(_:usage:)`` are dropped.
    public func emit(_ event: DebateEvent) {
        emit(event, at: (ContinuousClock.now - start).inSeconds)
    }

    /// Emits an event stamped with a time of its own: one of a recorded history shown again, or
    /// one of a debate served elsewhere.
    public func emit(_ event: DebateEvent, at time: Double) {
        var flushes: [@Sendable () -> Void] = []
        let ended: [EventFeed.Channel] = state.withLock { state in
            guard !state.finished else { return [] }
            flushes = state.flushes
            state.seq += 1
            let record = EventRecord(seq: state.seq, time: time, event: event)
            for sink in state.sinks { sink(record) }
            // A subscriber that stopped listening is dropped here, when a push says so.
            for (id, subscriber) in state.subscribers where !subscriber.push(record) {
                state.subscribers[id] = nil
            }
            guard case .debateFinished = event else { return [] }
            state.finished = true
            defer { state.subscribers.removeAll() }
            return Array(state.subscribers.values)
        }
        if !Self.batching { for flush in flushes { flush() } }
        for subscriber in ended { subscriber.finish() }
        if case .debateFinished = event { madeRoom() }
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

    /// A feed of every later event, ending after the debate finished. Its queue is bounded:
    /// see ``EventFeed``.
    public func subscribe() -> EventFeed {
        let channel = EventFeed.Channel(madeRoom: { [weak self] in self?.madeRoom() })
        let subscribed = state.withLock { state in
            guard !state.finished else { return false }
            state.nextSubscriber += 1
            state.subscribers[state.nextSubscriber] = channel
            return true
        }
        if !subscribed { channel.finish() }
        return EventFeed(channel: channel)
    }

    /// Returns once no subscriber is ``EventFeed/capacity`` records behind (at once, nearly
    /// always), or the task is cancelled, or the debate finished: a peer waits here before its
    /// turn, so that no consumer falls further behind the debate than that.
    public func room() async {
        let id = state.withLock { state -> Int? in
            guard !state.finished, state.subscribers.values.contains(where: { $0.isFull() }) else { return nil }
            state.nextRoomWaiter += 1
            return state.nextRoomWaiter
        }
        guard let id else { return }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let waits = state.withLock { state in
                    guard !Task.isCancelled, !state.finished, state.subscribers.values.contains(where: { $0.isFull() }) else {
                        return false
                    }
                    state.roomWaiters[id] = continuation
                    return true
                }
                if !waits { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.roomWaiters.removeValue(forKey: id) }?.resume()
        }
    }

    /// A consumer caught up (or went away): wakes the peers waiting for room, if there is room now.
    private func madeRoom() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard !state.roomWaiters.isEmpty else { return [] }
            guard state.finished || !state.subscribers.values.contains(where: { $0.isFull() }) else { return [] }
            defer { state.roomWaiters.removeAll() }
            return Array(state.roomWaiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// How many events were emitted.
    public var count: Int { state.withLock { $0.seq } }
}
