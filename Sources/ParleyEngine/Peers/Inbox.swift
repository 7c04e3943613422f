import ParleyCore
import ParleyModels
import Synchronization

/// A message delivered, with the entry it makes in its reader's memory.
struct Delivery: Sendable {
    /// The message.
    let message: Message
    /// The message as its reader's model sees it.
    let entry: ChatMessage
}

/// Messages delivered to a peer that it has not read yet. The mesh puts them in at any moment;
/// the peer takes them out at the start of its next turn.
final class Inbox: Sendable {
    private let messages = Mutex<[Delivery]>([])

    /// Delivers a message.
    func put(_ delivery: Delivery) {
        messages.withLock { $0.append(delivery) }
    }

    /// Takes out the messages that `isReady` accepts, in delivery order; the rest stay.
    func take(where isReady: (Message) -> Bool = { _ in true }) -> [Delivery] {
        messages.withLock { messages in
            guard !messages.isEmpty else { return [] }
            var ready: [Delivery] = []
            var rest: [Delivery] = []
            for delivery in messages {
                if isReady(delivery.message) { ready.append(delivery) } else { rest.append(delivery) }
            }
            messages = rest
            return ready
        }
    }

    /// How many messages wait.
    var count: Int { messages.withLock { $0.count } }
}
