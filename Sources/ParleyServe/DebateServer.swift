import Foundation
import Hummingbird
import HummingbirdTLS
import Logging
import ServiceLifecycle
import ParleyCore
import ParleyEngine
import Synchronization

/// `parley serve`: runs debates headless and serves them over HTTP.
///
/// - `POST /debates` (a debate file's YAML) starts one: 201 `{"id": …}`, or 400 with the file's
///   problems.
/// - `GET /debates` lists them; `GET /debates/{id}/events` streams one's events as Server-Sent
///   Events (history first, then live; `Last-Event-ID` resumes); `GET /debates/{id}/log` is its
///   recording.
/// - `POST /debates/{id}/commands` steers one (`{"command":"pause"}`).
///
/// Every debate is recorded as `{data}/{id}.jsonl`. See README.md, "parley serve".
public final class DebateServer: Sendable {
    /// How it listens and who may talk to it.
    public let settings: ServeSettings
    let hall: DebateHall
    private let logger: Logger

    /// Makes a server; nothing listens until ``run(handlingSignals:onListening:)``. `starting`
    /// is told of every debate the server starts, with its id, before the debate runs.
    public init(
        settings: ServeSettings, models: ModelProvider, logger: Logger = Logger(label: "parley.serve"),
        starting: @escaping @Sendable (Debate, String) -> Void = { _, _ in }
    ) {
        self.settings = settings
        self.logger = logger
        hall = DebateHall(dataDirectory: settings.dataDirectory, models: models, starting: starting)
    }

    /// Listens and serves until the task is cancelled or, with `handlingSignals`, SIGINT or
    /// SIGTERM arrives; then stops every debate (so that every event stream ends after its
    /// `debateFinished`), waits for their recordings to close, and stops listening. A Unix
    /// socket is created 0600 (a stale one replaced) and removed when it stops.
    /// - Parameter onListening: told the port listened on (0 for a Unix socket), once it listens.
    /// - Returns: the signal that stopped it, if one did.
    /// - Throws: ``ServeError`` when a live server holds its Unix socket; NIO's error when the
    ///   address cannot be listened on (in use, not this machine's). Cancelling the task stops the
    ///   server gracefully: responses in flight finish (for up to ``longestShutdown``).
    @discardableResult
    public func run(handlingSignals: Bool = false, onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws
        -> Int32?
    {
        let bind: BindAddress
        var socketMask: mode_t?
        switch settings.address {
        case .network(let host, let port):
            bind = .hostname(host, port: port)
        case .socket(let path):
            try SocketFile.prepare(path)
            bind = .unixDomainSocket(path: path)
            socketMask = SocketFile.createPrivately()
        }
        let restoreMask = Mutex(socketMask)
        let socketCreated: @Sendable () -> Void = {
            guard case .socket(let path) = self.settings.address, let mask = restoreMask.withLock({ mask in
                defer { mask = nil }
                return mask
            }) else { return }
            SocketFile.created(path, previousMask: mask)
        }
        let app = Application(
            router: router(),
            server: try settings.tls.map { try .tls(.http1(), tlsConfiguration: $0.configuration) } ?? .http1(),
            configuration: ApplicationConfiguration(address: bind, serverName: "parley"),
            onServerRunning: { channel in
                socketCreated()
                await onListening(channel.localAddress?.port ?? 0)
            },
            logger: logger)
        // The server runs on its own (not as a child of this task), so that cancelling this task
        // stops it gracefully, as a signal does: no new connection, every response in flight
        // (an event stream up to its debate's end) sent whole, idle connections closed.
        var configuration = ServiceGroupConfiguration(services: [app], logger: logger)
        configuration.maximumGracefulShutdownDuration = Self.longestShutdown
        let services = ServiceGroup(configuration: configuration)
        let (ended, end) = AsyncStream.makeStream(of: Never.self)
        let serving = Task {
            defer { end.finish() }
            try await services.run()
        }
        defer {
            socketCreated()
            if case .socket(let path) = settings.address { unlink(path) }
        }
        // Until the server ends by itself (it could not listen), a signal comes, or this task is
        // cancelled: each wait returns on cancellation, so that the group ends with the first.
        let stopped = await withTaskGroup(of: Int32?.self) { group in
            group.addTask {
                for await _ in ended {}
                return nil
            }
            group.addTask { await Self.untilCancelled() }
            if handlingSignals {
                group.addTask { await ShutdownSignal.next() }
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        // Debates stop first: an open event stream ends once its debate has finished.
        await hall.close()
        await services.triggerGracefulShutdown()
        try await serving.value
        return stopped
    }

    /// How long a stopping server waits for its responses in flight (a client that stopped
    /// reading its event stream) before it closes their connections.
    static let longestShutdown = Duration.seconds(5)

    /// Returns when the task is cancelled.
    private static func untilCancelled() async -> Int32? {
        let (never, keep) = AsyncStream.makeStream(of: Never.self)
        for await _ in never {}
        keep.finish()
        return nil
    }

    /// Serves the debates recorded in the data folder by earlier runs (finished, or cut short)
    /// as well, oldest first; call it before ``run(handlingSignals:onListening:)``.
    /// - Returns: for each recording that could not be read, what is wrong with it.
    public func serveRecorded() -> [String] {
        hall.loadRecorded()
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: BearerGate(token: settings.token, readToken: settings.readToken))
        router.post("/debates") { request, _ in
            guard self.settings.startsDebates else { return Self.startsNone }
            return try await self.start(request)
        }
        router.post("/debates/:id/fork") { request, context in
            guard self.settings.startsDebates else { return Self.startsNone }
            return try await self.fork(request, context)
        }
        router.get("/debates") { _, _ in Reply.json(self.hall.all.map(\.summary)) }
        router.get("/debates/:id/events") { request, context in
            guard let debate = self.debate(context) else { return Self.unknown(context) }
            let after: Int
            do {
                after = try EventStream.lastSeen(
                    request.headers[Self.lastEventID] ?? request.uri.queryParameters.get("after"))
            } catch let error as BadRequest {
                return Reply.error(.badRequest, error.reason)
            }
            return EventStream.response(debate.history, after: after)
        }
        router.post("/debates/:id/commands") { request, context in try await self.steer(request, context) }
        router.get("/debates/:id/log") { _, context in
            guard let debate = self.debate(context) else { return Self.unknown(context) }
            guard let path = debate.recordingPath else {
                return Reply.error(.notFound, "debate \(debate.id) is not recorded; run it with --record PATH to keep its log")
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                return Reply.error(.internalServerError, "cannot read the recording \(path)")
            }
            return Response(
                status: .ok, headers: [.contentType: "application/x-ndjson"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        }
        return router
    }

    static let lastEventID = HTTPFields.Element.Name("Last-Event-ID")!
    /// The largest debate file taken.
    static let largestBody = 1 << 20

    /// What a server that starts no debates (`parley run --serve`) answers to a request to start one.
    private static var startsNone: Response {
        Reply.error(.forbidden, "this server shows the one debate `parley run --serve` runs and starts no other; start debates on `parley serve`")
    }

    func debate(_ context: BasicRequestContext) -> ServedDebate? {
        context.parameters.get("id").flatMap { hall.debate($0) }
    }

    static func unknown(_ context: BasicRequestContext) -> Response {
        Reply.error(.notFound, "no debate '\(context.parameters.get("id") ?? "")' on this server; GET /debates lists them")
    }

    private func start(_ request: Request) async throws -> Response {
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: Self.largestBody)
        } catch {
            return Reply.error(.contentTooLarge, "a debate file must be under \(Self.largestBody / 1024) KiB")
        }
        guard let yaml = body.getString(at: body.readerIndex, length: body.readableBytes), !yaml.isEmpty else {
            return Reply.error(.badRequest, "send the debate file's YAML as the request body")
        }
        let name = request.uri.queryParameters.get("name") ?? "debate.yaml"
        do {
            return Self.created(try hall.start(yaml: yaml, name: name))
        } catch {
            switch error {
            case .badFile(let problems):
                let bodies = problems.map {
                    Reply.ProblemBody(
                        file: $0.file, line: $0.line, column: $0.column, key: $0.keyPath, severity: $0.severity.rawValue,
                        message: $0.message, suggestion: $0.suggestion, text: $0.description)
                }
                let first = problems.first?.description ?? "the debate file is not valid"
                return Reply.json(Reply.ErrorBody(error: first, problems: bodies), status: .badRequest)
            case .server, .closing:
                return Self.failed(error)
            }
        }
    }

    /// 201 for a debate just started: its id, and where its events and commands go.
    static func created(_ debate: ServedDebate) -> Response {
        Reply.json(
            ["id": debate.id, "events": "/debates/\(debate.id)/events", "commands": "/debates/\(debate.id)/commands"],
            status: .created)
    }

    /// The server's own trouble starting a debate: 500, or 503 while it stops.
    static func failed(_ failure: DebateHall.StartFailure) -> Response {
        switch failure {
        case .badFile(let problems): Reply.error(.badRequest, problems.first?.description ?? "the debate file is not valid")
        case .server(let reason): Reply.error(.internalServerError, reason)
        case .closing: Reply.error(.serviceUnavailable, "the server is stopping; start the debate once it is back")
        }
    }

    private func steer(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        guard let debate = debate(context) else { return Self.unknown(context) }
        var request = request
        let command: DebateCommand
        do {
            let body = try await request.collectBody(upTo: 64 * 1024)
            let asked = try JSONDecoder().decode(CommandRequest.self, from: Data(buffer: body))
            command = try asked.debateCommand(peers: debate.info.agents.map(\.id))
        } catch let error as BadRequest {
            return Reply.error(.badRequest, error.reason)
        } catch {
            return Reply.error(.badRequest, "send a JSON command like {\"command\":\"pause\"} or {\"command\":\"inject\",\"text\":\"…\",\"to\":[\"cfo\"]}")
        }
        if let refusal = debate.send(command) { return Reply.error(.conflict, refusal) }
        return Reply.json(["accepted": true], status: .accepted)
    }
}
