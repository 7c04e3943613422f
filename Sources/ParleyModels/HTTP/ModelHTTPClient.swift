import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import Synchronization

/// The HTTP client model calls go through: one for the process (one per distinct connect
/// timeout, in practice a single one), made on first use and shut down once at exit, awaited
/// as the last thing before the process ends (a `defer { Task { ... } }` would start a task
/// that never gets to run):
///
/// ```swift
/// try await debate.run()
/// await ModelHTTPClient.shutdown()
/// ```
public enum ModelHTTPClient {
    private static let clients = Mutex<[Int64: HTTPClient]>([:])

    /// The shared client for calls with this connect timeout (seconds, at most a day), made on
    /// first use.
    public static func shared(connectTimeout: Double = HTTPSettings().connectTimeout) -> HTTPClient {
        let key = TimeoutSeconds.milliseconds(connectTimeout)
        return clients.withLock { clients in
            if let client = clients[key] { return client }
            let client = make(connectTimeout: connectTimeout)
            clients[key] = client
            return client
        }
    }

    /// A new client configured for model calls (no redirects, no decompression, no silent
    /// reconnecting; the connect timeout in seconds, at most a day), owned by the caller, who
    /// must shut it down.
    public static func make(connectTimeout: Double = HTTPSettings().connectTimeout) -> HTTPClient {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: TimeoutSeconds.timeAmount(connectTimeout)),
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

    /// Whether a request failed while it was being written, so the server cannot have received
    /// all of it: written to a channel already closed, or a write the peer refused (`EPIPE`).
    /// A reset or close while waiting for the answer (`remoteConnectionClosed`, `ECONNRESET`,
    /// end of file) does not count: the whole request may have arrived.
    static func wasNotSent(_ error: any Error) -> Bool {
        switch error {
        case let error as ChannelError: error == .ioOnClosedChannel
        case let error as IOError: error.errnoCode == EPIPE
        default: false
        }
    }

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
    /// Sends a model request. When it could not be written because the kept-alive connection
    /// it was given had already closed (a server closes an idle connection while it sits in the
    /// pool — llama-server closes its connection after every stream — and the client had not
    /// noticed yet), it is sent once more at once on another connection, and an info line naming
    /// `url` (already scrubbed) says so: the server cannot have received the whole request, so
    /// nothing is repeated. Any other failure — a reset or close after the request went out,
    /// which the server may have read — is thrown, for the caller's retry policy, which
    /// reports each retry.
    func executeModelRequest(_ request: HTTPClientRequest, deadline: NIODeadline, url: String, logger: Logger) async throws -> HTTPClientResponse {
        do {
            return try await execute(request, deadline: deadline, logger: ModelHTTPClient.quietLogger)
        } catch where ModelHTTPClient.wasNotSent(error) && !_Concurrency.Task.isCancelled {
            logger.info(
                "\(request.method.rawValue) \(url): the kept-alive connection had closed before the request was written (\(error)); sending it again")
            return try await execute(request, deadline: deadline, logger: ModelHTTPClient.quietLogger)
        }
    }
}
