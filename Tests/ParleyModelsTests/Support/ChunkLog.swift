import ParleyCore
import Synchronization
@testable import ParleyModels

/// Collects the chunks a backend hands out, from any task.
final class ChunkLog: Sendable {
    private let chunks = Mutex<[ChatChunk]>([])
    private let firstTextWaiter = Mutex<(seen: Bool, continuation: CheckedContinuation<Void, Never>?)>((false, nil))

    /// The closure to pass as `onChunk`.
    var record: @Sendable (ChatChunk) -> Void {
        { chunk in
            self.chunks.withLock { $0.append(chunk) }
            if case .text = chunk {
                let waiting = self.firstTextWaiter.withLock { state -> CheckedContinuation<Void, Never>? in
                    state.seen = true
                    defer { state.continuation = nil }
                    return state.continuation
                }
                waiting?.resume()
            }
        }
    }

    /// Every chunk so far.
    var all: [ChatChunk] { chunks.withLock { $0 } }
    /// The reply text.
    var text: String { all.compactMap { if case .text(let text) = $0 { text } else { nil } }.joined() }
    /// The reasoning text.
    var reasoning: String { all.compactMap { if case .reasoning(let text) = $0 { text } else { nil } }.joined() }
    /// The last usage reported.
    var usage: Usage? { all.compactMap { if case .usage(let usage) = $0 { usage } else { nil } }.last }
    /// The retries reported.
    var retries: [(attempt: Int, delay: Double, reason: String)] {
        all.compactMap { if case .retrying(let attempt, let delay, let reason) = $0 { (attempt, delay, reason) } else { nil } }
    }

    /// Returns once some text has arrived.
    func firstText() async {
        await withCheckedContinuation { continuation in
            let seen = firstTextWaiter.withLock { state -> Bool in
                if !state.seen { state.continuation = continuation }
                return state.seen
            }
            if seen { continuation.resume() }
        }
    }
}
