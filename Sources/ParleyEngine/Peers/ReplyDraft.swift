import ParleyCore
import ParleyModels
import Synchronization

/// A reply as it streams in: its text, its reasoning and its latest usage.
final class ReplyDraft: Sendable {
    private struct State {
        var text = ""
        var reasoning = ""
        var usage = Usage.zero
    }

    private let state = Mutex(State())

    /// Adds a chunk of the reply.
    func take(_ chunk: ChatChunk) {
        state.withLock { state in
            switch chunk {
            case .text(let text): state.text += text
            case .reasoning(let text): state.reasoning += text
            case .usage(let usage): state.usage = usage
            case .retrying: break
            }
        }
    }

    /// The text so far.
    var text: String { state.withLock(\.text) }
    /// The reasoning so far, nil when there was none.
    var reasoning: String? { state.withLock { $0.reasoning.isEmpty ? nil : $0.reasoning } }
    /// The latest usage.
    var usage: Usage { state.withLock(\.usage) }
}
