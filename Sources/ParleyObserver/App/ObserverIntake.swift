import ParleyCore
import Synchronization
import TerminalKit

/// What waits for the observer's loop: the keys typed, the debate's events (a bounded
/// ``EventQueue``, its streamed pieces merged while the loop is busy) and the timers that came
/// due. The loop takes everything at once and handles the keys first, so a key never waits
/// behind events; and the feed of events waits while ``capacity`` of them are queued, so the
/// debate waits for the observer instead of the observer's memory growing.
final class ObserverIntake: Sendable {
    /// Everything that waited, taken at once.
    struct Batch {
        var keys: [Key] = []
        var records: [EventRecord] = []
        /// The events ended.
        var eventsEnded = false
        /// What ended them, when they failed.
        var eventsFailure: String?
        var inputEnded = false
        var frameDue = false
        var tickDue = false
        /// The notice shown is due to fade.
        var fadeDue = false
    }

    /// The most events queued before the feed waits.
    static let capacity = 1024

    private struct State {
        var waiting = Batch()
        var events = EventQueue()
        var loop: CheckedContinuation<Void, Never>?
        var feed: CheckedContinuation<Void, Never>?
        var closed = false

        var isEmpty: Bool {
            waiting.keys.isEmpty && events.isEmpty && !waiting.eventsEnded && !waiting.inputEnded
                && !waiting.frameDue && !waiting.tickDue && !waiting.fadeDue
        }
    }

    private let state = Mutex(State())

    /// Queues a debate event, first waiting while ``capacity`` events are queued (or until the
    /// task is cancelled, or the intake closed).
    func post(_ record: EventRecord) async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let full = state.withLock { state in
                    guard state.events.count >= Self.capacity, !state.closed, !Task.isCancelled else { return false }
                    state.feed = continuation
                    return true
                }
                if !full { continuation.resume() }
            }
        } onCancel: {
            state.withLock { state in defer { state.feed = nil }; return state.feed }?.resume()
        }
        update { $0.events.append(record) }
    }

    /// Queues keys as typed.
    func post(keys: [Key]) { update { $0.waiting.keys += keys } }

    /// Says that the events ended, with the failure that ended them.
    func eventsEnded(failure: String?) {
        update {
            $0.waiting.eventsEnded = true
            $0.waiting.eventsFailure = failure
        }
    }

    /// Says that the terminal's input ended.
    func inputEnded() { update { $0.waiting.inputEnded = true } }

    /// The frame deadline came.
    func frameDue() { update { $0.waiting.frameDue = true } }

    /// The clock's next second came.
    func tickDue() { update { $0.waiting.tickDue = true } }

    /// The notice shown is due to fade.
    func fadeDue() { update { $0.waiting.fadeDue = true } }

    /// Wakes no one any more: a waiting feed goes on (its task is being cancelled).
    func close() {
        state.withLock { state in
            state.closed = true
            defer { state.feed = nil }
            return state.feed
        }?.resume()
    }

    /// Everything that waits, once something does.
    func next() async -> Batch {
        while true {
            if let batch = take() { return batch }
            await withCheckedContinuation { continuation in
                let ready = state.withLock { state in
                    guard state.isEmpty else { return true }
                    state.loop = continuation
                    return false
                }
                if ready { continuation.resume() }
            }
        }
    }

    /// Everything that waits, if anything does; frees a feed waiting for room.
    func take() -> Batch? {
        let (batch, feed) = state.withLock { state -> (Batch?, CheckedContinuation<Void, Never>?) in
            guard !state.isEmpty else { return (nil, nil) }
            var batch = state.waiting
            batch.records = state.events.removeAll()
            state.waiting = Batch()
            defer { state.feed = nil }
            return (batch, state.feed)
        }
        feed?.resume()
        return batch
    }

    private func update(_ change: (inout State) -> Void) {
        state.withLock { state in
            change(&state)
            defer { state.loop = nil }
            return state.loop
        }?.resume()
    }
}
