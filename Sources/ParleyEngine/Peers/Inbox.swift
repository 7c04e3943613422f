import ParleyCore
import Synchronization

/// Messages delivered to a peer that it has not read yet. The mesh puts them in at any moment;
/// the peer takes them out at the start of its next turn.
final class Inbox: Sendable {
    private let messages = Mutex<[Message]>([])

    /// Delivers a message.
    func put(_ message: Message) {
        messages.withLock { $0.append(message) }
    }

    /// Takes out the messages that `isReady` accepts, in delivery order; the rest stay.
    func take(where isReady: (Message) -> Bool = { _ in true }) -> [Message] {
        messages.withLock { messages in
            guard !messages.isEmpty else { return [] }
            var ready: [Message] = []
            var rest: [Message] = []
            for message in messages {
                if isReady(message) { ready.append(message) } else { rest.append(message) }
            }
            messages = rest
            return ready
        }
    }

    /// How many messages wait.
    var count: Int { messages.withLock { $0.count } }
}
