import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// A real HTTP/1.1 server on 127.0.0.1 for backend tests. It writes raw response bytes exactly
/// as a script says — status line, headers, chunked or close-delimited body, pauses between
/// writes — records every request (method, path, headers, body) and reports when a client
/// closes its connection.
final class LoopbackServer: Sendable {
    /// One thing the server does while answering.
    enum Step: Sendable {
        /// Write these bytes (and flush).
        case write([UInt8])
        /// Wait this long before the next step: a real gap on the wire.
        case pause(Duration)
        /// Close the connection now.
        case close
        /// Send nothing more; wait for the client to close the connection.
        case hang
    }

    /// A request as it arrived.
    struct Request: Sendable {
        var method: String
        var path: String
        var headers: [(name: String, value: String)]
        var body: [UInt8]
        /// Which connection it came on, counting from 0.
        var connection: Int

        /// The first value of a header, by case-insensitive name.
        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        /// The body as a JSON object.
        func json() -> [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
        }
    }

    /// What the server saw happen.
    enum Event: Sendable, Equatable {
        case request(index: Int)
        case clientClosed(connection: Int)
    }

    /// The port it listens on.
    let port: Int
    /// `http://127.0.0.1:PORT/v1`.
    var baseURL: String { "http://127.0.0.1:\(port)/v1" }

    private let recorded = Mutex<[Request]>([])
    private let seen = Mutex<[Event]>([])
    private let waiters = Mutex<[UUID: (condition: @Sendable (Event) -> Bool, continuation: CheckedContinuation<Bool, Never>)]>([:])
    private let accepting = Mutex<Task<Void, Never>?>(nil)
    private let channel: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>

    /// Starts a server answering request number `index` (from 0) with `script(request, index)`.
    static func start(_ script: @escaping @Sendable (Request, Int) -> [Step]) async throws -> LoopbackServer {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { child in
                child.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: child)
                }
            }
        let server = LoopbackServer(channel: channel)
        server.accepting.withLock { $0 = Task { await server.accept(script: script) } }
        return server
    }

    private init(channel: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>) {
        self.channel = channel
        port = channel.channel.localAddress?.port ?? 0
    }

    private func accept(script: @escaping @Sendable (Request, Int) -> [Step]) async {
        let connections = Atomic<Int>(0)
        try? await channel.executeThenClose { inbound in
            try await withThrowingDiscardingTaskGroup { group in
                for try await connection in inbound {
                    let number = connections.add(1, ordering: .relaxed).oldValue
                    group.addTask { await self.serve(connection, number: number, script: script) }
                }
            }
        }
    }

    private func serve(_ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>, number: Int, script: @escaping @Sendable (Request, Int) -> [Step]) async {
        try? await connection.executeThenClose { inbound, outbound in
            var iterator = inbound.makeAsyncIterator()
            var pending: [UInt8] = []
            do {
                while let request = try await Self.readRequest(from: &iterator, pending: &pending, connection: number) {
                    let index = record(request)
                    for step in script(request, index) {
                        switch step {
                        case .write(let bytes): try await outbound.write(ByteBuffer(bytes: bytes))
                        case .pause(let duration): try await Task.sleep(for: duration)
                        case .close: return
                        case .hang:
                            while try await iterator.next() != nil {}
                            notice(.clientClosed(connection: number))
                            return
                        }
                    }
                }
                notice(.clientClosed(connection: number))
            } catch {
                notice(.clientClosed(connection: number))
            }
        }
    }

    private static func readRequest(
        from iterator: inout NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator, pending: inout [UInt8], connection: Int
    ) async throws -> Request? {
        while true {
            if let end = pending.firstRange(of: [13, 10, 13, 10]) {
                let head = String(decoding: pending[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
                let requestLine = head[0].split(separator: " ")
                let headers = head.dropFirst().compactMap { line -> (name: String, value: String)? in
                    guard let colon = line.firstIndex(of: ":") else { return nil }
                    return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
                }
                let length = headers.first { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) } ?? 0
                let bodyStart = end.upperBound
                if pending.count - bodyStart >= length {
                    let request = Request(
                        method: String(requestLine.first ?? ""), path: String(requestLine.dropFirst().first ?? ""),
                        headers: headers, body: Array(pending[bodyStart..<(bodyStart + length)]), connection: connection)
                    pending.removeFirst(bodyStart + length)
                    return request
                }
            }
            guard let buffer = try await iterator.next() else { return nil }
            pending += buffer.readableBytesView
        }
    }

    private func record(_ request: Request) -> Int {
        let index = recorded.withLock { requests in
            requests.append(request)
            return requests.count - 1
        }
        notice(.request(index: index))
        return index
    }

    private func notice(_ event: Event) {
        seen.withLock { $0.append(event) }
        let ready = waiters.withLock { waiters in
            let matching = waiters.filter { $0.value.condition(event) }
            for key in matching.keys { waiters.removeValue(forKey: key) }
            return matching.values.map(\.continuation)
        }
        for continuation in ready { continuation.resume(returning: true) }
    }

    /// The requests so far, in order.
    var requests: [Request] { recorded.withLock { $0 } }

    /// Waits until the server sees an event matching `condition` (or has seen one); false if
    /// none comes within `limit` (a failure guard, not a timing assumption).
    func waitFor(_ condition: @escaping @Sendable (Event) -> Bool, limit: Duration = .seconds(20)) async -> Bool {
        let id = UUID()
        return await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await withCheckedContinuation { continuation in
                    let already = self.seen.withLock { $0.contains(where: condition) }
                    if already { return continuation.resume(returning: true) }
                    self.waiters.withLock { $0[id] = (condition, continuation) }
                    // An event may have arrived between the check and the registration.
                    if self.seen.withLock({ $0.contains(where: condition) }),
                        let waiter = self.waiters.withLock({ $0.removeValue(forKey: id) })
                    {
                        waiter.continuation.resume(returning: true)
                    }
                }
            }
            group.addTask {
                try? await Task.sleep(for: limit)
                return false
            }
            let first = await group.next() ?? false
            if !first, let waiter = waiters.withLock({ $0.removeValue(forKey: id) }) {
                waiter.continuation.resume(returning: false)
            }
            group.cancelAll()
            return first
        }
    }

    /// Stops listening and closes the connections.
    func stop() async {
        let task = accepting.withLock { $0 }
        task?.cancel()
        try? await channel.channel.close()
        await task?.value
    }
}
