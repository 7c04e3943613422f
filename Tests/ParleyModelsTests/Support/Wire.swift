import Foundation

/// Raw HTTP/1.1 response bytes, written the way model servers write them.
enum Wire {
    /// A status line and headers, ending with the blank line.
    static func head(_ status: Int, _ reason: String, _ headers: [(String, String)]) -> [UInt8] {
        var text = "HTTP/1.1 \(status) \(reason)\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        return Array((text + "\r\n").utf8)
    }

    /// One chunk of a chunked body.
    static func chunk(_ bytes: some Collection<UInt8>) -> [UInt8] {
        Array(String(bytes.count, radix: 16).utf8) + [13, 10] + Array(bytes) + [13, 10]
    }

    /// The chunk that ends a chunked body.
    static let lastChunk = Array("0\r\n\r\n".utf8)

    /// The response headers of an event stream, as llama-server sends them.
    static let streamHeaders = [
        ("Server", "llama.cpp"), ("Content-Type", "text/event-stream"), ("Transfer-Encoding", "chunked"),
        ("Keep-Alive", "timeout=5, max=100"),
    ]

    /// A 200 event-stream response replaying `body` as chunks of `pieceSize` bytes (so pieces
    /// split lines and multi-byte characters) with a real `gap` between them.
    static func streamed(
        _ body: [UInt8], pieceSize: Int = 41, gap: Duration = .milliseconds(2), headers: [(String, String)] = streamHeaders,
        end: LoopbackServer.Step? = .write(lastChunk)
    ) -> [LoopbackServer.Step] {
        var steps: [LoopbackServer.Step] = [.write(head(200, "OK", headers))]
        for piece in pieces(body, size: pieceSize) {
            steps.append(.write(chunk(piece)))
            steps.append(.pause(gap))
        }
        if let end { steps.append(end) }
        return steps
    }

    /// A 200 event-stream response without chunking: the body ends when the server closes.
    static func closeDelimited(_ body: [UInt8], pieceSize: Int = 53, gap: Duration = .milliseconds(2)) -> [LoopbackServer.Step] {
        var steps: [LoopbackServer.Step] = [.write(head(200, "OK", [("Content-Type", "text/event-stream"), ("Connection", "close")]))]
        for piece in pieces(body, size: pieceSize) {
            steps.append(.write(Array(piece)))
            steps.append(.pause(gap))
        }
        steps.append(.close)
        return steps
    }

    /// A whole response with a JSON body and a content length.
    static func json(_ status: Int, _ reason: String, _ body: String, headers: [(String, String)] = []) -> [LoopbackServer.Step] {
        let bytes = Array(body.utf8)
        let all = [("Content-Type", "application/json; charset=utf-8"), ("Content-Length", "\(bytes.count)")] + headers
        return [.write(head(status, reason, all) + bytes)]
    }

    private static func pieces(_ body: [UInt8], size: Int) -> [ArraySlice<UInt8>] {
        stride(from: 0, to: body.count, by: size).map { body[$0..<min($0 + size, body.count)] }
    }
}

/// The captured streams in `Captures/`, found relative to this file.
enum Captures {
    /// The raw bytes of `Captures/NAME`.
    static func bytes(_ name: String) -> [UInt8] {
        let here: String = #filePath  // this file, in Support/
        let url = URL(fileURLWithPath: here).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Captures").appendingPathComponent(name)
        return Array((try? Data(contentsOf: url)) ?? Data())
    }

    /// Every stream capture.
    static let streams = [
        "openai.sse", "ollama.sse", "ollama-0.1.sse", "llamacpp.sse", "vllm.sse", "anthropic.sse", "framing-crlf.sse",
        "vllm-error.sse", "llamacpp-error.sse", "ollama-error.sse", "anthropic-error.sse",
    ]
}
