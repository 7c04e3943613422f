import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import ParleyEngine
import ParleyServe

/// A real `parley serve` started in this process on a loopback port of its own, with a data
/// folder of its own, and a real HTTP client talking to it.
final class ServedParley: Sendable {
    let base: String
    let data: String
    private let keepsData: Bool
    private let serving: Task<Void, any Error>
    /// The client requests go through.
    let client: HTTPClient

    /// Runs `body` with a server started with `environment` (tokens), listening on `listen` with
    /// `tls` (a certificate and key) when given, and stops the server after it, however it ends.
    /// Its data folder is a new one, removed after, unless given. Requests go through `client`.
    static func with(
        environment: [String: String] = [:], data: String? = nil, keepingData: Bool = false, listen: String = "127.0.0.1:0",
        tls: (certificate: String, key: String)? = nil, client: HTTPClient = .shared,
        _ body: (ServedParley) async throws -> Void
    ) async throws {
        let settings = try ServeSettings(
            listen: listen, data: data ?? FileManager.default.temporaryDirectory.appendingPathComponent("parley-serve-\(UUID().uuidString)").path,
            certificate: tls?.certificate, key: tls?.key, environment: environment)
        let server = try await start(settings, keepingData: keepingData, client: client)
        do {
            try await body(server)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// Starts a server with `settings` and waits until it listens.
    private static func start(_ settings: ServeSettings, keepingData: Bool, client: HTTPClient) async throws -> ServedParley {
        let quiet = Logger(label: "parley.serve.test") { _ in SwiftLogNoOpLogHandler() }
        let server = DebateServer(settings: settings, models: ModelProvider(), logger: quiet)
        _ = server.serveRecorded()
        let (ports, port) = AsyncStream.makeStream(of: Int.self)
        let serving = Task {
            defer { port.finish() }
            _ = try await server.run { port.yield($0) }
        }
        var listening = ports.makeAsyncIterator()
        guard let number = await listening.next() else {
            serving.cancel()
            throw ServeTestError("the server did not listen: \(await serving.result)")
        }
        return ServedParley(
            base: settings.url(port: number), data: settings.dataDirectory, keepsData: keepingData, serving: serving, client: client)
    }

    private init(base: String, data: String, keepsData: Bool, serving: Task<Void, any Error>, client: HTTPClient) {
        self.base = base
        self.data = data
        self.keepsData = keepsData
        self.serving = serving
        self.client = client
    }

    /// Stops the server (and its debates) and removes its data folder.
    func stop() async {
        serving.cancel()
        _ = try? await serving.value
        if !keepsData { try? FileManager.default.removeItem(atPath: data) }
    }

    /// A request and its whole answer.
    func send(
        _ method: HTTPMethod, _ path: String, body: String? = nil, token: String? = nil, headers: [(String, String)] = []
    ) async throws -> (status: Int, body: String) {
        var request = HTTPClientRequest(url: base + path)
        request.method = method
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let response = try await client.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 16 << 20)
        return (Int(response.status.code), String(buffer: bytes))
    }

    /// A JSON answer's object.
    func json(_ method: HTTPMethod, _ path: String, body: String? = nil, token: String? = nil) async throws -> (
        status: Int, object: Any
    ) {
        let (status, text) = try await send(method, path, body: body, token: token)
        return (status, try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]))
    }

    /// Starts a debate from `yaml` and returns its id.
    func startDebate(_ yaml: String, token: String? = nil) async throws -> String {
        let (status, object) = try await json(.POST, "/debates", body: yaml, token: token)
        guard status == 201, let id = (object as? [String: Any])?["id"] as? String else {
            throw ServeTestError("POST /debates answered \(status): \(object)")
        }
        return id
    }

    /// Opens a debate's event stream (after `lastEventID`, when given).
    func events(_ id: String, lastEventID: Int? = nil, token: String? = nil) async throws -> EventStreamReader {
        var request = HTTPClientRequest(url: base + "/debates/\(id)/events")
        if let lastEventID { request.headers.add(name: "Last-Event-ID", value: "\(lastEventID)") }
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        let response = try await client.execute(request, timeout: .seconds(60))
        guard response.status == .ok, response.headers.first(name: "Content-Type") == "text/event-stream" else {
            throw ServeTestError("GET events answered \(response.status) \(response.headers)")
        }
        return EventStreamReader(body: response.body.makeAsyncIterator())
    }
}

/// One Server-Sent Event.
struct StreamedEvent: Sendable {
    var id: Int
    var type: String
    var data: String
}

/// Reads Server-Sent Events off a response body. Bytes are kept until a whole event has come,
/// since a chunk may end inside a character.
struct EventStreamReader {
    var body: HTTPClientResponse.Body.AsyncIterator
    var pending: [UInt8] = []

    /// The next event with an id (`retry:` lines skipped), or nil when the stream ended.
    mutating func next() async throws -> StreamedEvent? {
        while true {
            if let end = pending.indices.dropLast().first(where: { pending[$0] == 0x0A && pending[$0 + 1] == 0x0A }) {
                let block = String(decoding: pending[..<end], as: UTF8.self)
                pending.removeSubrange(...(end + 1))
                var event = StreamedEvent(id: -1, type: "message", data: "")
                for line in block.split(separator: "\n", omittingEmptySubsequences: true) {
                    if line.hasPrefix("id: ") { event.id = Int(line.dropFirst(4)) ?? -2 }
                    if line.hasPrefix("event: ") { event.type = String(line.dropFirst(7)) }
                    if line.hasPrefix("data: ") { event.data += line.dropFirst(6) }
                }
                if event.id != -1 { return event }
                continue
            }
            guard let buffer = try await body.next() else { return nil }
            pending += buffer.readableBytesView
        }
    }

    /// Events up to and including the first of `type`.
    mutating func read(through type: String) async throws -> [StreamedEvent] {
        var events: [StreamedEvent] = []
        while let event = try await next() {
            events.append(event)
            if event.type == type { return events }
        }
        throw ServeTestError("the stream ended before a \(type) event; got \(events.map(\.type))")
    }
}

struct ServeTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Small debate files for the tests.
enum ServedDebates {
    /// Two scripted peers, one round, no facilitator, `pace` as given (paused: nothing happens
    /// until it is resumed or stepped).
    static func small(pace: String = "paused", rounds: Int = 1) -> String {
        """
        title: Served
        question: Should we serve debates?
        rounds: \(rounds)
        pace:
          mode: \(pace)
        backends:
          scripted:
            type: scripted
            words_per_second: 1000
        agents:
          - id: pm
            role: Product
            arguments: [Users want it]
          - id: eng
            role: Engineering
            arguments: [It takes a quarter]
        """
    }
}
