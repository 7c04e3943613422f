import ParleyCore
import ParleyModels

/// Delivers messages peer to peer: to one peer, several, or everyone, straight into their
/// inboxes, and lets listeners tap every message. It routes; it never decides who speaks.
final class Mesh: Sendable {
    private let inboxes: [AgentID: Inbox]
    private let taps: [@Sendable (Message, ChatMessage) -> Void]
    /// The ids of the peers on the mesh.
    let peers: Set<AgentID>

    /// Makes a mesh between these inboxes; `taps` hear every message (the facilitator does),
    /// with the entry its addressees' memory holds.
    init(inboxes: [AgentID: Inbox], taps: [@Sendable (Message, ChatMessage) -> Void]) {
        self.inboxes = inboxes
        self.taps = taps
        peers = Set(inboxes.keys)
    }

    /// Delivers a message to each addressee other than its sender, then to the taps. `entry`
    /// is how the addressees' models will see it.
    func deliver(_ message: Message, as entry: ChatMessage) {
        let delivery = Delivery(message: message, entry: entry)
        for (id, inbox) in inboxes where Self.reaches(message, id) {
            inbox.put(delivery)
        }
        for tap in taps { tap(message, entry) }
    }

    /// Whether a message goes to peer `id`: it is addressed to it and not its own.
    static func reaches(_ message: Message, _ id: AgentID) -> Bool {
        id != message.sender && message.to.includes(id)
    }

}
