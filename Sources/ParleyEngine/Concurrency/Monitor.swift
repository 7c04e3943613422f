import Synchronization

/// Shared state that tasks wait on until a condition holds: the one synchronisation primitive
/// the engine's pace gate, floor and round barrier are built from.
///
/// `wait(until:)` suspends until its `decide` closure returns a value for the current state;
/// every `update` re-asks the waiting closures in the order they began to wait. Waiting ends
/// with `CancellationError` when the waiting task is cancelled, and with ``Closed`` once the
/// monitor is closed — nothing stays suspended after a debate stops.
final class Monitor<State: Sendable>: Sendable {
    /// Thrown to waiters once the monitor is closed.
    struct Closed: Error {}

    private struct Waiter {
        let id: Int
        /// Asks the waiter's condition; resumes it and returns true when it holds.
        let poll: @Sendable (inout State) -> Bool
        let fail: @Sendable (any Error) -> Void
    }

    private struct Box: ~Copyable {
        var state: State
        var waiters: [Waiter] = []
        var nextID = 0
        var starting: Set<Int> = []
        var cancelledEarly: Set<Int> = []
        var closed = false
    }

    private let box: Mutex<Box>

    init(_ state: State) {
        box = Mutex(Box(state: state))
    }

    /// Reads the state.
    func read<T>(_ body: (State) -> T) -> T {
        box.withLock { body($0.state) }
    }

    /// Changes the state, then resumes every waiter whose condition now holds.
    @discardableResult
    func update<T>(_ body: (inout State) -> T) -> T {
        box.withLock { box in
            let result = body(&box.state)
            Self.pollWaiters(&box)
            return result
        }
    }

    /// Returns `decide`'s value at once when it has one for the current state, without suspending.
    func now<T>(_ decide: (inout State) -> T?) -> T? {
        box.withLock { box in
            let value = decide(&box.state)
            if value != nil { Self.pollWaiters(&box) }
            return value
        }
    }

    /// Suspends until `decide` returns a value for the state; `decide` may change the state
    /// (take a permit, say) when it returns one. `onWait` runs, under the lock, when the
    /// caller has to wait at all.
    /// - Throws: `CancellationError` when the task is cancelled, ``Closed`` once closed.
    ///
    /// The waiting task resumes on the caller's executor (`isolation`).
    func wait<T: Sendable>(
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
                box.withLock { box in
                    box.starting.remove(id)
                    if box.cancelledEarly.remove(id) != nil {
                        continuation.resume(throwing: CancellationError())
                    } else if box.closed {
                        continuation.resume(throwing: Closed())
                    } else if let value = decide(&box.state) {
                        continuation.resume(returning: value)
                        Self.pollWaiters(&box)
                    } else {
                        onWait?(box.state)
                        box.waiters.append(
                            Waiter(
                                id: id,
                                poll: { state in
                                    guard let value = decide(&state) else { return false }
                                    continuation.resume(returning: value)
                                    return true
                                },
                                fail: { continuation.resume(throwing: $0) }))
                    }
                }
            }
        }, onCancel: {
            box.withLock { box in
                if let index = box.waiters.firstIndex(where: { $0.id == id }) {
                    box.waiters.remove(at: index).fail(CancellationError())
                } else if box.starting.contains(id) {
                    box.cancelledEarly.insert(id)
                }
            }
        }, isolation: isolation)
    }

    /// Ends every wait with ``Closed``, now and later.
    func close() {
        box.withLock { box in
            box.closed = true
            let waiters = box.waiters
            box.waiters.removeAll()
            for waiter in waiters { waiter.fail(Closed()) }
        }
    }

    /// How many tasks are waiting now.
    var waiting: Int { box.withLock { $0.waiters.count } }

    private static func pollWaiters(_ box: inout Box) {
        var index = 0
        while index < box.waiters.count {
            if box.waiters[index].poll(&box.state) {
                box.waiters.remove(at: index)
                // A resumed waiter may have changed the state: ask the earlier ones again.
                index = 0
            } else {
                index += 1
            }
        }
    }
}
