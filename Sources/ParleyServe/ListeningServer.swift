import Foundation

/// A server listening in the background (`parley run --serve`) until it is stopped.
public final class ListeningServer: Sendable {
    /// The server.
    public let server: DebateServer
    /// Its base URL, with the port it listens on: `http://127.0.0.1:7878`.
    public let url: String
    /// Where it listens, as a person names it, with the port it listens on (the one asked for may
    /// be 0): `127.0.0.1:7878`, `unix:/run/parley.sock`.
    public let listening: String
    private let serving: Task<Void, any Error>

    /// Starts `server` and returns once it listens.
    /// - Throws: what ``DebateServer/run(handlingSignals:onListening:)`` throws when it cannot
    ///   listen (the address in use, not this machine's, a live server on the socket).
    public static func start(_ server: DebateServer) async throws -> ListeningServer {
        let (outcomes, outcome) = AsyncStream.makeStream(of: Result<Int, any Error>.self)
        let serving = Task {
            do {
                try await server.run { outcome.yield(.success($0)) }
                outcome.finish()
            } catch {
                outcome.yield(.failure(error))
                outcome.finish()
                throw error
            }
        }
        var first = outcomes.makeAsyncIterator()
        switch await first.next() {
        case .success(let port): return ListeningServer(server: server, port: port, serving: serving)
        case .failure(let error): throw error
        case nil: throw ServeError("the server stopped before it listened on \(server.settings.address.text)")
        }
    }

    private init(server: DebateServer, port: Int, serving: Task<Void, any Error>) {
        self.server = server
        url = server.settings.url(port: port)
        listening = switch server.settings.address {
        case .network(let host, _): ServeAddress.network(host: host, port: port).text
        case .socket: server.settings.address.text
        }
        self.serving = serving
    }

    /// Stops listening (ending every open event stream of a debate it started) and waits until
    /// it has.
    public func stop() async {
        serving.cancel()
        _ = try? await serving.value
    }
}
