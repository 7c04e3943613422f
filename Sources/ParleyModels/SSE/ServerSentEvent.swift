/// One event of a `text/event-stream` body: what model servers stream a reply in.
package struct ServerSentEvent: Sendable, Hashable {
    /// The event's type: `message` unless the server named one (`event: message_start`), and
    /// `error` for the `error: {...}` lines older llama.cpp servers send.
    package var type: String
    /// The event's data: its `data:` lines joined with line feeds.
    package var data: String

    /// Makes an event.
    init(type: String = "message", data: String) {
        self.type = type
        self.data = data
    }
}
