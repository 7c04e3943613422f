import ParleyCore
import Synchronization

/// A served debate's events, every one kept in order as the debate emits it (deltas too), shared
/// by every client that streams it.
///
/// The debate only appends (under its bus's lock, without waiting); each client reads at its own
/// pace from where it is (``records(after:limit:)``) and waits for more (``wait(after:)``). So a
/// client holds no queue of its own: a slow or vanished client costs the debate nothing, and one
/// that reconnects reads on from the last seq it saw, with no gap and no duplicate.
final class EventHistory: Sendable {
    private struct State: ~Copyable {
        var records: [EventRecord] = []
        var finished = false
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
        var nextWaiter = 0
    }

    private let state = Mutex(State())

    /// Keeps a record and wakes the clients waiting for it.
    func append(_ record: EventRecord) {
        wake {
            $0.records.append(record)
            if case .debateFinished = record.event { $0.finished = true }
        }
    }

    /// Marks the history whole, with no `debateFinished`: a recording cut short.
    func end() {
        wake { $0.finished = true }
    }

    /// Changes the state, then wakes every reader waiting.
    private func wake(after change: (inout State) -> Void) {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            change(&state)
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Up to `limit` records with a seq above `seq`, in order, and whether the debate has
    /// finished with no record after them.
    func records(after seq: Int, limit: Int) -> (records: [EventRecord], ended: Bool) {
        state.withLock { state in
            let start = Self.index(after: seq, in: state.records)
            let end = min(state.records.count, start + limit)
            return (Array(state.records[start..<end]), state.finished && end == state.records.count)
        }
    }

    /// Returns once there is a record with a seq above `seq`, the debate finished, or the task
    /// was cancelled.
    func wait(after seq: Int) async {
        let id = state.withLock { state -> Int? in
            guard !state.finished, (state.records.last?.seq ?? 0) <= seq else { return nil }
            state.nextWaiter += 1
            return state.nextWaiter
        }
        guard let id else { return }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let waits = state.withLock { state in
                    guard !Task.isCancelled, !state.finished, (state.records.last?.seq ?? 0) <= seq else { return false }
                    state.waiters[id] = continuation
                    return true
                }
                if !waits { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }

    /// Whether there is a record with a seq above `seq`, or the debate finished: a wait would
    /// return at once.
    func hasNews(after seq: Int) -> Bool {
        state.withLock { $0.finished || ($0.records.last?.seq ?? 0) > seq }
    }

    /// How many records are kept.
    var count: Int { state.withLock { $0.records.count } }

    /// The index of the first record with a seq above `seq`. Seqs run 1, 2, 3 … without a gap
    /// (the bus numbers every event and the history keeps every one), so it is `seq` itself;
    /// the search is for a history that would start elsewhere.
    private static func index(after seq: Int, in records: [EventRecord]) -> Int {
        let guess = max(0, seq)
        if guess < records.count, records[guess].seq == seq + 1 { return guess }
        if guess >= records.count, records.last.map({ $0.seq <= seq }) ?? true { return records.count }
        return records.firstIndex { $0.seq > seq } ?? records.count
    }
}
