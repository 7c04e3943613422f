import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import Synchronization

/// The HTTP client model calls go through: one for the process (one per distinct connect
/// timeout, in practice a single one), made on first use and shut down once at exit.
///
/// ```swift
/// defer { Task { await ModelHTTPClient.shutdown() } }   // or, better, await it before exiting
/// ```
public enum ModelHTTPClient {
    private static let clients = Mutex<[Int: HTTPClient]>([:])

    /// The shared client for calls with this connect timeout (seconds), made on first use.
    public static func shared(connectTimeout: Double = HTTPSettings().connectTimeout) -> HTTPClient {
        let key = Int((connectTimeout * 1000).rounded())
        return clients.withLock { clients in
            if let client = clients[key] { return client }
            let client = make(connectTimeout: connectTimeout)
            clients[key] = client
            return client
        }
    }

    /// A new client configured for model calls (no redirects, no decompression, no silent
    /// reconnecting), owned by the caller, who must shut it down.
    public static func make(connectTimeout: Double = HTTPSettings().connectTimeout) -> HTTPClient {
        let milliseconds = Int64(max(1, (connectTimeout * 1000).rounded()))
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .milliseconds(milliseconds)),
            decompression: .disabled)
        configuration.httpVersion = .automatic
        // Fail at once when nothing listens (Ollama not started) instead of retrying the
        // connection until the connect timeout; calls retry passing failures themselves.
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    /// Runs `body` with a client of its own, shut down when `body` returns or throws: for
    /// commands and tests that want no shared state.
    /// - Throws: what `body` throws, or the client's shutdown error.
    public static func withOwnClient<Result>(
        connectTimeout: Double = HTTPSettings().connectTimeout, _ body: (HTTPClient) async throws -> Result
    ) async throws -> Result {
        let client = make(connectTimeout: connectTimeout)
        let result: Result
        do {
            result = try await body(client)
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
        return result
    }

    /// The logger handed to the client: silent, since the backends log each call themselves
    /// (and the client's own trace could carry request details).
    static let quietLogger = Logger(label: "parley.http", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Shuts down every shared client made so far, closing their connections. Safe to call
    /// more than once; a later ``shared(connectTimeout:)`` makes a new client.
    public static func shutdown() async {
        let made = clients.withLock { clients in
            defer { clients.removeAll() }
            return Array(clients.values)
        }
        for client in made {
            try? await client.shutdown()
        }
    }
}

extension HTTPClient {
    /// Sends a model request. When the kept-alive connection it went out on turns out to have
    /// been closed by the server before any answer (llama-server closes its connection after
    /// every stream, and the client may not have noticed yet), it is sent once more at once on a
    /// new connection: the server never saw it, so nothing is repeated or reported.
    func executeModelRequest(_ request: HTTPClientRequest, deadline: NIODeadline) async throws -> HTTPClientResponse {
        do {
            return try await execute(request, deadline: deadline, logger: ModelHTTPClient.quietLogger)
        } catch where Self.isStaleConnection(error) && !_Concurrency.Task.isCancelled {
            return try await execute(request, deadline: deadline, logger: ModelHTTPClient.quietLogger)
        }
    }

    /// Whether a request failed because its connection was already closed.
    static func isStaleConnection(_ error: any Error) -> Bool {
        switch error {
        case let error as HTTPClientError: error == .remoteConnectionClosed
        case let error as ChannelError: error == .ioOnClosedChannel || error == .alreadyClosed || error == .eof
        case let error as IOError: error.errnoCode == ECONNRESET || error.errnoCode == EPIPE
        default: false
        }
    }
}
