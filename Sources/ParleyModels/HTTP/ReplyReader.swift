/// Turns the events of a streamed reply into ``ChatChunk``s, for one wire dialect. A fresh
/// reader is made for every try of a call.
package protocol ReplyReader: Sendable {
    /// Whether the server said the reply is complete (`[DONE]`, `message_stop`).
    var isComplete: Bool { get }
    /// Whether the reply may be taken as complete if the body ends here, though the server did
    /// not say so (it sent a finish reason, then closed).
    var canEndHere: Bool { get }
    /// Reads one event, handing each chunk it carries to `emit`, in order.
    /// - Throws: ``ReplyReadError`` for an error frame or an event it cannot read.
    mutating func read(_ event: ServerSentEvent, emit: (ChatChunk) -> Void) throws(ReplyReadError)
    /// What the reader noticed and corrected since it was last asked (a token count out of
    /// range), for the diagnostic log; emptied by the call.
    mutating func takeNotes() -> [String]
}

extension ReplyReader {
    mutating func takeNotes() -> [String] { [] }
}

/// Why a reader stopped.
package enum ReplyReadError: Error, Sendable {
    /// The server sent an error inside the stream.
    case server(ServerMessage)
    /// An event was not what the dialect sends; the detail quotes it whole (it is scrubbed of
    /// the API key, cleaned and shortened when it is shown).
    case unreadable(String)

    /// An event that could not be read, and why.
    static func unreadable(event: ServerSentEvent, because reason: String) -> ReplyReadError {
        .unreadable("\(reason): \(event.data)")
    }
}
