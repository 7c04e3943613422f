import ParleyCore
import Synchronization

/// One consumer's view of a debate's events (``EventBus/subscribe()``): every event in order,
/// the streamed pieces of a message merged while the consumer is busy (``EventQueue``). It ends
/// after `debateFinished`, and when the consumer's task is cancelled or it lets the feed go.
///
/// The queue is bounded: while it holds ``capacity`` records or more, peers wait before their
/// next turn (``EventBus/room()``) until the consumer has caught up to half of that.
public struct EventFeed: AsyncSequence, Sendable {
    public typealias Element = EventRecord

    /// The records a consumer may fall behind by before peers wait for it.
    public static let capacity = 1024

    let channel: Channel
    private let handle: Handle

    init(channel: Channel) {
        self.channel = channel
        handle = Handle(channel: channel)
    }

    /// Reads the feed's records one by one.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let channel: Channel
        // Keeps the feed open while the iterator lives.
        let handle: Handle

        /// The next record, or nil once the debate finished (or the task was cancelled).
        public mutating func next() async -> EventRecord? {
            await channel.next()
        }

        public mutating func next(isolation actor: isolated (any Actor)?) async -> EventRecord? {
            await channel.next()
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(channel: channel, handle: handle)
    }

    /// Closes the channel when the last copy of the feed and its iterators is gone, so that a
    /// consumer that stopped reading never holds the debate up.
    final class Handle: Sendable {
        let channel: Channel
        init(channel: Channel) { self.channel = channel }
        deinit { channel.close() }
    }

    /// The queue between the bus and one consumer.
    final class Channel: Sendable {
        private struct State {
            var queue = EventQueue()
            var waiter: CheckedContinuation<EventRecord?, Never>?
            var finished = false
            var closed = false
            /// Whether the bus found the queue full, so a peer may be waiting for room.
            var wasFull = false
        }

        private let state = Mutex(State())
        /// Called (outside this channel's lock) when a full queue has made room.
        private let madeRoom: @Sendable () -> Void

        init(madeRoom: @escaping @Sendable () -> Void) {
            self.madeRoom = madeRoom
        }

        /// Queues a record (the bus calls it in order). - Returns: false once the consumer is gone.
        func push(_ record: EventRecord) -> Bool {
            let (open, waiter) = state.withLock { state -> (Bool, CheckedContinuation<EventRecord?, Never>?) in
                guard !state.closed else { return (false, nil) }
                if let waiter = state.waiter {
                    state.waiter = nil
                    return (true, waiter)
                }
                state.queue.append(record)
                return (true, nil)
            }
            waiter?.resume(returning: record)
            return open
        }

        /// No more records come.
        func finish() {
            let waiter = state.withLock { state in
                state.finished = true
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume(returning: nil)
        }

        /// The consumer is gone. Peers waiting for room are woken from a task of its own: this
        /// runs in the consumer's cancellation handler, while the runtime holds the cancelled
        /// task's lock, and the bus's lock must never be taken there (an emit holding it may be
        /// waiting for the task's lock to resume it).
        func close() {
            let waiter = state.withLock { state in
                state.closed = true
                state.queue = EventQueue()
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume(returning: nil)
            let madeRoom = self.madeRoom
            Task.detached { madeRoom() }
        }

        /// Whether the consumer has fallen ``EventFeed/capacity`` records behind; remembers it.
        func isFull() -> Bool {
            state.withLock { state in
                guard !state.closed, state.queue.count >= EventFeed.capacity else { return false }
                state.wasFull = true
                return true
            }
        }

        /// How many records wait.
        var count: Int { state.withLock { $0.queue.count } }

        func next() async -> EventRecord? {
            enum Taken { case record(EventRecord, madeRoom: Bool), end, wait }
            let taken = state.withLock { state -> Taken in
                if let record = state.queue.removeFirst() {
                    let madeRoom = state.wasFull && state.queue.count <= EventFeed.capacity / 2
                    if madeRoom { state.wasFull = false }
                    return .record(record, madeRoom: madeRoom)
                }
                return state.finished || state.closed || Task.isCancelled ? .end : .wait
            }
            switch taken {
            case .record(let record, let madeRoom):
                if madeRoom { self.madeRoom() }
                return record
            case .end:
                return nil
            case .wait:
                return await withTaskCancellationHandler {
                    await withCheckedContinuation { continuation in
                        let ready = state.withLock { state -> EventRecord?? in
                            if let record = state.queue.removeFirst() { return .some(record) }
                            if state.finished || state.closed || Task.isCancelled { return .some(nil) }
                            state.waiter = continuation
                            return nil
                        }
                        if let ready { continuation.resume(returning: ready) }
                    }
                } onCancel: {
                    close()
                }
            }
        }
    }
}
