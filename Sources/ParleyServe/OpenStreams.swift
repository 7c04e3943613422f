import Synchronization

/// The event streams being written, so that a server stopping lets each one send its
/// debate's last events (`debateFinished`) before the connections close.
final class OpenStreams: Sendable {
    private struct State: ~Copyable {
        var open = 0
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
        var nextWaiter = 0
    }

    private let state = Mutex(State())

    /// A stream starts.
    func opened() { state.withLock { $0.open += 1 } }

    /// A stream ended; wakes whoever waits for none to be open.
    func closed() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.open -= 1
            guard state.open == 0 else { return [] }
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns once no stream is open, or after `atMost` (a client that stopped reading keeps
    /// its stream open).
    func drained(atMost: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.none() }
            group.addTask { try? await Task.sleep(for: atMost) }
            await group.next()
            group.cancelAll()
        }
    }

    /// Returns once no stream is open, or the task is cancelled.
    private func none() async {
        let id = state.withLock { state -> Int? in
            guard state.open > 0 else { return nil }
            state.nextWaiter += 1
            return state.nextWaiter
        }
        guard let id else { return }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let waits = state.withLock { state in
                    guard !Task.isCancelled, state.open > 0 else { return false }
                    state.waiters[id] = continuation
                    return true
                }
                if !waits { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }
}
