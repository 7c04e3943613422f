import Foundation
import ParleyModels

/// One chat-completions request written by hand over a ``RawSocket``: the probe's baseline.
/// The same headers and body as ``OpenAIBackend`` sends, `Connection: close`, and the reply read
/// to its end with the same SSE decoder and stream reader, timing its first text.
struct DirectRequest: Sendable {
    /// The server, with its key.
    let server: ModelServer
    /// The JSON body.
    let body: [UInt8]
    /// Seconds each receive may wait.
    let timeout: Double

    /// The time from connecting to the first text of the reply, measured on a thread of its own.
    /// - Throws: ``ModelError`` when the server cannot be reached, answers with an error, or
    ///   sends no text.
    func timeToFirstToken() async throws -> Duration {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { () throws(ModelError) -> Duration in try self.run() }) }.start()
        }
    }

    private var url: String { server.address.url("chat/completions") }

    private func requestBytes() -> [UInt8] {
        // The request target as the backend sends it: the escaped path, and the base URL's query if any.
        let target = URLComponents(string: url)
        let path = (target?.percentEncodedPath ?? "/v1/chat/completions") + (target?.percentEncodedQuery.map { "?" + $0 } ?? "")
        var head = "POST \(path) HTTP/1.1\r\nHost: \(server.address.hostAndPort)\r\n"
        for header in server.headers(streaming: true) { head += "\(header.name): \(header.value)\r\n" }
        head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        return Array(head.utf8) + body
    }

    private func run() throws(ModelError) -> Duration {
        let started = ContinuousClock.now
        let socket = try RawSocket(host: server.address.host, port: server.address.effectivePort, timeout: timeout)
        try socket.send(requestBytes())

        var head: [UInt8] = []
        var chunked: ChunkedBody?
        var headDone = false
        var decoder = SSEDecoder()
        var reader = OpenAIStreamReader(price: nil)
        var firstText: ContinuousClock.Instant?
        while true {
            let received = try socket.receive()
            if received.isEmpty {
                guard let firstText else { throw FirstTokenProbe.noText(url) }
                return firstText - started
            }
            var bodyBytes = received[...]
            if !headDone {
                head += received
                guard let end = Self.endOfHead(head) else { continue }
                headDone = true
                let headText = String(decoding: head[..<end], as: UTF8.self).lowercased()
                let status = headText.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) } ?? 0
                guard status == 200 else {
                    throw server.httpFailure(status: status, body: head[(end + 4)...], url: url)
                }
                if headText.contains("transfer-encoding: chunked") { chunked = ChunkedBody() }
                bodyBytes = head[(end + 4)...]
            }
            let payload: [UInt8]
            do throws(ChunkedBody.MalformedSize) {
                payload = try chunked?.feed(bodyBytes) ?? Array(bodyBytes)
            } catch {
                throw server.malformedChunk(url: url, sizeLine: error.sizeLine)
            }
            for event in decoder.feed(payload) {
                do throws(ReplyReadError) {
                    try reader.read(event) { chunk in
                        if case .text = chunk, firstText == nil { firstText = ContinuousClock.now }
                    }
                } catch {
                    throw server.failure(error, url: url)
                }
            }
            // Read the reply to its end, as the other way does, so the server is idle (and its
            // prompt cache free) when the next request comes.
            if reader.isComplete || chunked?.isDone == true {
                guard let firstText else { throw FirstTokenProbe.noText(url) }
                return firstText - started
            }
        }
    }

    /// Where the blank line ending a response head starts.
    private static func endOfHead(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index
        }
        return nil
    }
}
