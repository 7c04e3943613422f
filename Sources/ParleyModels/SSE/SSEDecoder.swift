/// Decodes a `text/event-stream` body fed in byte chunks split anywhere: inside a line, between
/// a CR and its LF, inside a multi-byte UTF-8 character.
///
/// It follows the WHATWG event-stream rules (LF, CR or CRLF line ends, `:` comments, multi-line
/// `data:`, a leading byte-order mark, empty frames dispatch nothing; `id:` and `retry:`, which
/// serve only to resume a stream, are skipped) and is lenient where real
/// model servers are not standard:
/// - an `error: {...}` line (older llama.cpp) becomes data of an event of type `error`;
/// - a bare JSON line (`{"error":...}`, as Ollama writes once a stream has started) is taken as
///   a `data:` line;
/// - ``finish()`` dispatches a last event the server did not end with a blank line.
package struct SSEDecoder: Sendable {
    private var partialLine: [UInt8] = []
    private var lastByteWasCR = false
    private var atStreamStart = true
    private var data = ""
    private var hasData = false
    private var eventType = ""

    /// Makes a decoder at the start of a stream.
    package init() {}

    /// Feeds the next bytes of the stream and returns the events they complete, in order.
    package mutating func feed(_ bytes: some Collection<UInt8>) -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        let handled: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            scan(buffer, into: &events)
        }
        if handled == nil {
            Array(bytes).withUnsafeBufferPointer { scan($0, into: &events) }
        }
        return events
    }

    /// Whether the bytes fed so far end inside a line (no line end after the last bytes), so a
    /// body ending here was cut off mid-line, unless the server merely left out the last line end.
    var endsMidLine: Bool { !partialLine.isEmpty }

    /// Ends the stream and returns the event a last unterminated line or frame completes, if any.
    mutating func finish() -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        if !partialLine.isEmpty {
            let line = partialLine
            partialLine.removeAll()
            line.withUnsafeBufferPointer { process(line: $0, into: &events) }
        }
        dispatch(into: &events)
        lastByteWasCR = false
        return events
    }

    private mutating func scan(_ buffer: UnsafeBufferPointer<UInt8>, into events: inout [ServerSentEvent]) {
        var start = 0
        var index = 0
        while index < buffer.count {
            let byte = buffer[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                let isLFAfterCR = byte == UInt8(ascii: "\n") && lastByteWasCR && index == start && partialLine.isEmpty
                if !isLFAfterCR {
                    endLine(UnsafeBufferPointer(rebasing: buffer[start..<index]), into: &events)
                }
                lastByteWasCR = byte == UInt8(ascii: "\r")
                start = index + 1
            } else {
                lastByteWasCR = false
            }
            index += 1
        }
        if start < buffer.count {
            partialLine.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<buffer.count]))
        }
    }

    private mutating func endLine(_ tail: UnsafeBufferPointer<UInt8>, into events: inout [ServerSentEvent]) {
        if partialLine.isEmpty {
            process(line: tail, into: &events)
        } else {
            partialLine.append(contentsOf: tail)
            let line = partialLine
            partialLine.removeAll(keepingCapacity: true)
            line.withUnsafeBufferPointer { process(line: $0, into: &events) }
        }
    }

    private mutating func process(line rawLine: UnsafeBufferPointer<UInt8>, into events: inout [ServerSentEvent]) {
        var line = rawLine
        if atStreamStart {
            atStreamStart = false
            if line.starts(with: [0xEF, 0xBB, 0xBF]) { line = UnsafeBufferPointer(rebasing: line[3...]) }
        }
        guard let first = line.first else { return dispatch(into: &events) }
        if first == UInt8(ascii: ":") { return }
        if first == UInt8(ascii: "{") { return appendData(String(decoding: line, as: UTF8.self)) }

        let colon = line.firstIndex(of: UInt8(ascii: ":"))
        let field = String(decoding: UnsafeBufferPointer(rebasing: line[..<(colon ?? line.count)]), as: UTF8.self)
        var valueStart = colon.map { $0 + 1 } ?? line.count
        if valueStart < line.count, line[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
        let value = String(decoding: UnsafeBufferPointer(rebasing: line[valueStart...]), as: UTF8.self)

        switch field {
        case "data": appendData(value)
        case "event": eventType = value
        case "error":
            eventType = "error"
            appendData(value)
        // `id` and `retry` only matter to a client that reconnects and resumes a stream with
        // `Last-Event-ID`; a model reply is never resumed (a retry sends the request again),
        // so they are skipped like unknown fields.
        default: break
        }
    }

    private mutating func appendData(_ value: String) {
        if hasData { data += "\n" }
        data += value
        hasData = true
    }

    private mutating func dispatch(into events: inout [ServerSentEvent]) {
        defer {
            data = ""
            hasData = false
            eventType = ""
        }
        guard hasData else { return }
        events.append(ServerSentEvent(type: eventType.isEmpty ? "message" : eventType, data: data))
    }
}
