import Foundation
import Hummingbird
import ParleyCore

/// A debate's events as Server-Sent Events: every record after the client's `Last-Event-ID`
/// (all of them without one), then each new one as it comes, until the debate finishes or the
/// client goes. Each event is `id: SEQ`, `event: TYPE`, `data:` the record's event-log line.
enum EventStream {
    /// How many records go out in one write.
    static let batch = 256
    /// How long a stream with nothing to send stays silent before a comment line says it is
    /// still there, so that a client can tell a quiet debate from a lost connection.
    static let heartbeat = Duration.seconds(15)

    /// Waits for a record after `seq`. - Returns: false when `atMost` passed first.
    static func wait(_ history: EventHistory, after seq: Int, atMost: Duration) async -> Bool {
        // While the debate streams, a record has nearly always come since the last write: no
        // timer is armed for it.
        if history.hasNews(after: seq) { return true }
        return await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await history.wait(after: seq)
                return true
            }
            group.addTask { (try? await Task.sleep(for: atMost)) == nil }
            let first = await group.next() ?? true
            group.cancelAll()
            return first
        }
    }

    /// The response streaming `history` after seq `after`.
    static func response(_ history: EventHistory, after: Int) -> Response {
        let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-cache"]
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                var sent = after
                var json = JSONWriter(capacity: 1024)
                // Clients wait a second before reconnecting.
                try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
                while !Task.isCancelled {
                    let (records, ended) = history.records(after: sent, limit: batch)
                    if !records.isEmpty {
                        var buffer = ByteBuffer()
                        for record in records { frame(record, into: &buffer, json: &json) }
                        try await writer.write(buffer)
                        sent = records.last!.seq
                    }
                    if ended { break }
                    if records.count < batch, await !wait(history, after: sent, atMost: heartbeat) {
                        // A comment line, which clients skip: it tells them the line still works.
                        try await writer.write(ByteBuffer(string: ":\n\n"))
                    }
                }
                try await writer.finish(nil)
            })
    }

    /// One record as an SSE event.
    static func frame(_ record: EventRecord, into buffer: inout ByteBuffer, json: inout JSONWriter) {
        buffer.writeString("id: \(record.seq)\nevent: \(record.event.type)\ndata: ")
        var line = EventLog.line(record, into: &json)
        line.removeLast()  // its newline; the JSON has none inside
        buffer.writeBytes(line)
        buffer.writeString("\n\n")
    }

    /// The seq a client saw last, from its `Last-Event-ID` header (or `?after=`); 0 for none.
    /// - Throws: ``BadRequest`` when it is not a whole number.
    static func lastSeen(_ header: String?) throws(BadRequest) -> Int {
        guard let header, !header.isEmpty else { return 0 }
        guard let seq = Int(header.trimmingCharacters(in: .whitespaces)), seq >= 0 else {
            throw BadRequest("Last-Event-ID must be the seq of the last event received (a whole number), not '\(header)'")
        }
        return seq
    }
}
