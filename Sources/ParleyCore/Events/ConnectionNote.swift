/// What an observer attached to a served debate (`parley attach`) says of its line to the
/// server: lost and being made again, made again, or a command the server would not take.
///
/// It comes from the observer's side, never from the debate: a served debate's events and its
/// recording hold none.
public enum ConnectionNote: Sendable, Hashable, CustomStringConvertible {
    /// The events stopped coming (`reason`); the observer is connecting again and will go on
    /// from the last event it saw.
    case lost(reason: String)
    /// The events come again, from the one after the last seen: nothing was missed.
    case restored
    /// The server did not carry out a command, and why (`409`: the debate's state refuses it;
    /// `403`: a read-only token; the server could not be reached).
    case refused(command: String, reason: String)

    /// What the person is told: `Connection lost (…); reconnecting…`.
    public var description: String {
        switch self {
        case .lost(let reason): "Connection lost (\(reason)); reconnecting…"
        case .restored: "Reconnected: the events go on from the last one seen."
        case .refused(let command, let reason): "The server did not \(command): \(reason)"
        }
    }

    /// The note's name in the event log's `connection` field.
    public var name: String {
        switch self {
        case .lost: "lost"
        case .restored: "restored"
        case .refused: "refused"
        }
    }
}
