#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A loopback OpenAI-compatible chat-completions server that streams every reply as one-token
/// SSE chunks, as fast as the socket takes them: the load benchmark's model. Plain POSIX
/// sockets, a thread per connection, keep-alive and chunked transfer encoding both ways.
final class TokenServer: Sendable {
    /// The port it listens on (127.0.0.1).
    let port: Int
    private let listener: Int32
    private let tokensPerReply: Int

    /// Starts listening on a free loopback port.
    /// - Throws: ``BenchError`` when no socket can be bound.
    init(tokensPerReply: Int) throws {
        self.tokensPerReply = tokensPerReply
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && listen(fd, 64) == 0 }
        }
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) == 0 }
        }
        guard fd >= 0, bound, named else { throw BenchError("cannot listen on a loopback port (errno \(errno))") }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread { [self] in acceptConnections() }.start()
    }

    /// The base URL to give an OpenAI backend.
    var baseURL: String { "http://127.0.0.1:\(port)/v1" }

    /// Stops accepting connections.
    func stop() {
        _ = shutdown(listener, Int32(SHUT_RDWR))
    }

    private func acceptConnections() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else {
                if errno == EINTR { continue }
                return
            }
            var on: Int32 = 1
            _ = setsockopt(connection, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
            Thread { [self] in serve(connection) }.start()
        }
    }

    /// Answers requests on one connection until the client closes it.
    private func serve(_ connection: Int32) {
        defer { _ = close(connection) }
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var replies = 0
        while true {
            // The head, then the body (by length, or chunked), then the reply.
            var headEnd: Int?
            while headEnd == nil {
                headEnd = Self.end(of: [13, 10, 13, 10], in: pending)
                if headEnd == nil {
                    let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
                    guard count > 0 else { return }
                    pending += buffer.prefix(count)
                }
            }
            guard let headEnd else { return }
            let head = String(decoding: pending[..<headEnd], as: UTF8.self).lowercased()
            pending.removeFirst(headEnd + 4)
            if head.contains("transfer-encoding: chunked") {
                var body = ChunkedBody()
                while true {
                    let taken = pending
                    pending = []
                    guard (try? body.feed(taken)) != nil else { return }
                    if body.isDone { break }
                    let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
                    guard count > 0 else { return }
                    pending += buffer.prefix(count)
                }
            } else {
                let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                while pending.count < length {
                    let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
                    guard count > 0 else { return }
                    pending += buffer.prefix(count)
                }
                pending.removeFirst(length)
            }
            replies += 1
            guard reply(on: connection, variant: replies) else { return }
        }
    }

    private static let words = [
        "margin ", "churn ", "latency ", "quarter ", "pricing ", "sync ", "users ", "cost ", "risk ", "plan ",
        "ship ", "flag ", "team ", "scope ", "revenue ", "support ",
    ]

    /// Streams one reply of ``tokensPerReply`` one-word chunks. - Returns: false when the client went away.
    private func reply(on connection: Int32, variant: Int) -> Bool {
        var out = Array("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
        func event(_ json: String) {
            let line = Array("data: \(json)\n\n".utf8)
            out += Array(String(line.count, radix: 16).utf8) + [13, 10] + line + [13, 10]
        }
        for index in 0..<tokensPerReply {
            let word = Self.words[(index * 7 + variant) % Self.words.count]
            event(#"{"choices":[{"index":0,"delta":{"content":"\#(word)"},"finish_reason":null}]}"#)
            if out.count >= 16 * 1024 {
                guard send(out, on: connection) else { return false }
                out.removeAll(keepingCapacity: true)
            }
        }
        event(#"{"choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":100,"completion_tokens":\#(tokensPerReply)}}"#)
        event("[DONE]")
        out += Array("0\r\n\r\n".utf8)
        return send(out, on: connection)
    }

    private func send(_ bytes: [UInt8], on connection: Int32) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                #if canImport(Glibc)
                Glibc.send(connection, buffer.baseAddress! + sent, buffer.count - sent, Int32(MSG_NOSIGNAL))
                #else
                Darwin.send(connection, buffer.baseAddress! + sent, buffer.count - sent, 0)
                #endif
            }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { return false }
            sent += result
        }
        return true
    }

    private static func end(of marker: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= marker.count else { return nil }
        for index in 0...(bytes.count - marker.count) where bytes[index..<(index + marker.count)].elementsEqual(marker) {
            return index
        }
        return nil
    }
}

/// A benchmark that cannot run, and why.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
