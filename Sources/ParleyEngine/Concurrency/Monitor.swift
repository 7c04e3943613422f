import Synchronization

/// Shared state that tasks wait on until a condition holds: the one synchronisation primitive
/// the engine's pace gate, floor and round barrier are built from.
///
/// `wait(until:)` suspends until its `decide` closure returns a value for the current state;
/// every `update` re-asks the waiting closures in the order they began to wait. Waiting ends
/// with `CancellationError` when the waiting task is cancelled, and with ``Closed`` once the
/// monitor is closed — nothing stays suspended after a debate stops.
package final class Monitor<State: Sendable>: Sendable {
    /// Thrown to waiters once the monitor is closed.
    package struct Closed: Error {}

    private struct Waiter: Sendable {
        let id: Int
        /// Asks the waiter's condition; when it holds, returns how to resume the waiter.
        let poll: @Sendable (inout State) -> Resumption?
        let fail: @Sendable (any Error) -> Void
    }

    /// Resumes a waiter. Always called after the lock is released: resuming a task takes the
    /// runtime's lock on it, and a task being cancelled holds that lock while its cancellation
    /// handler takes this monitor's — resuming under the lock could deadlock the two.
    private typealias Resumption = @Sendable () -> Void

    private struct Box: ~Copyable {
        var state: State
        var waiters: [Waiter] = []
        var nextID = 0
        var starting: Set<Int> = []
        var cancelledEarly: Set<Int> = []
        var closed = false
    }

    private let box: Mutex<Box>

    package init(_ state: State) {
        box = Mutex(Box(state: state))
    }

    /// Reads the state.
    package func read<T>(_ body: (State) -> T) -> T {
        box.withLock { body($0.state) }
    }

    /// Changes the state, then resumes every waiter whose condition now holds.
    @discardableResult
    package func update<T>(_ body: (inout State) -> T) -> T {
        var ready: [Resumption] = []
        let result = box.withLock { box in
            let result = body(&box.state)
            ready = Self.pollWaiters(&box)
            return result
        }
        for resume in ready { resume() }
        return result
    }

    /// Returns `decide`'s value at once when it has one for the current state, without suspending.
    package func now<T>(_ decide: (inout State) -> T?) -> T? {
        var ready: [Resumption] = []
        let value = box.withLock { box in
            let value = decide(&box.state)
            if value != nil { ready = Self.pollWaiters(&box) }
            return value
        }
        for resume in ready { resume() }
        return value
    }

    /// Suspends until `decide` returns a value for the state; `decide` may change the state
    /// (take a permit, say) when it returns one. `onWait` runs, under the lock, when the
    /// caller has to wait at all.
    /// - Throws: `CancellationError` when the task is cancelled, ``Closed`` once closed.
    ///
    /// The waiting task resumes on the caller's executor (`isolation`).
    package func wait<T: Sendable>(
        until decide: @escaping @Sendable (inout State) -> T?,
        onWait: (@Sendable (State) -> Void)? = nil,
        isolation: isolated (any Actor)? = #isolation
    ) async throws -> T {
        let id: Int = box.withLock { box in
            box.nextID += 1
            box.starting.insert(box.nextID)
            return box.nextID
        }
        return try await withTaskCancellationHandler(operation: {
            try await withCheckedThrowingContinuation(isolation: isolation) { (continuation: CheckedContinuation<T, any Error>) in
                var outcome: Result<T, any Error>?
                var ready: [Resumption] = []
                box.withLock { box in
                    box.starting.remove(id)
                    if box.cancelledEarly.remove(id) != nil {
                        outcome = .failure(CancellationError())
                    } else if box.closed {
                        outcome = .failure(Closed())
                    } else if let value = decide(&box.state) {
                        outcome = .success(value)
                        ready = Self.pollWaiters(&box)
                    } else {
                        onWait?(box.state)
                        box.waiters.append(
                            Waiter(
                                id: id,
                                poll: { state in
                                    guard let value = decide(&state) else { return nil }
                                    return { continuation.resume(returning: value) }
                                },
                                fail: { continuation.resume(throwing: $0) }))
                    }
                }
                if let outcome { continuation.resume(with: outcome) }
                for resume in ready { resume() }
            }
        }, onCancel: {
            let cancelled: Waiter? = box.withLock { box in
                if let index = box.waiters.firstIndex(where: { $0.id == id }) {
                    return box.waiters.remove(at: index)
                }
                if box.starting.contains(id) { box.cancelledEarly.insert(id) }
                return nil
            }
            cancelled?.fail(CancellationError())
        }, isolation: isolation)
    }

    /// Ends every wait with ``Closed``, now and later.
    package func close() {
        let waiters: [Waiter] = box.withLock { box in
            box.closed = true
            defer { box.waiters.removeAll() }
            return box.waiters
        }
        for waiter in waiters { waiter.fail(Closed()) }
    }

    /// How many tasks are waiting now.
    var waiting: Int { box.withLock { $0.waiters.count } }

    /// Asks the waiters in order whether their condition holds now, removes those it holds for,
    /// and returns how to resume them (after the lock is released).
    private static func pollWaiters(_ box: inout Box) -> [Resumption] {
        var ready: [Resumption] = []
        var index = 0
        while index < box.waiters.count {
            if let resume = box.waiters[index].poll(&box.state) {
                ready.append(resume)
                box.waiters.remove(at: index)
                // A waiter that took its value may have changed the state: ask the earlier ones again.
                index = 0
            } else {
                index += 1
            }
        }
        return ready
    }
}
