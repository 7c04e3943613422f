import Foundation
import Hummingbird
import Logging
import ParleyCore
import ParleyEngine

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
    /// The event streams being written.
    let streams = OpenStreams()
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
    /// `debateFinished`), waits for their recordings to close, and stops listening.
    /// - Parameter onListening: told the port listened on, once it listens.
    /// - Returns: the signal that stopped it, if one did.
    /// - Throws: when the address cannot be listened on (in use, not this machine's).
    @discardableResult
    public func run(handlingSignals: Bool = false, onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws
        -> Int32?
    {
        let app = Application(
            router: router(),
            configuration: ApplicationConfiguration(address: .hostname(settings.host, port: settings.port), serverName: "parley"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
        let (hall, streams) = (hall, streams)
        let stopped: Int32?
        do {
            stopped = try await withThrowingTaskGroup(of: Int32?.self) { group in
                group.addTask {
                    try await app.run()
                    return nil
                }
                if handlingSignals {
                    group.addTask { await ShutdownSignal.next() }
                }
                let first = try await group.next() ?? nil
                // Debates stop first: an open event stream ends once its debate has finished and
                // it has sent the last events; then the connections close.
                await hall.close()
                await streams.drained(atMost: .seconds(5))
                group.cancelAll()
                return first
            }
        } catch {
            await hall.close()
            throw error
        }
        return stopped
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
        router.post("/debates") { request, _ in try await self.start(request) }
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
            return EventStream.response(debate.history, after: after, streams: self.streams)
        }
        router.post("/debates/:id/commands") { request, context in try await self.steer(request, context) }
        router.get("/debates/:id/log") { _, context in
            guard let debate = self.debate(context) else { return Self.unknown(context) }
            guard let data = FileManager.default.contents(atPath: debate.recordingPath) else {
                return Reply.error(.internalServerError, "cannot read the recording \(debate.recordingPath)")
            }
            return Response(
                status: .ok, headers: [.contentType: "application/x-ndjson"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        }
        return router
    }

    static let lastEventID = HTTPFields.Element.Name("Last-Event-ID")!
    /// The largest debate file taken.
    static let largestBody = 1 << 20

    private func debate(_ context: BasicRequestContext) -> ServedDebate? {
        context.parameters.get("id").flatMap { hall.debate($0) }
    }

    private static func unknown(_ context: BasicRequestContext) -> Response {
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
            let debate = try hall.start(yaml: yaml, name: name)
            return Reply.json(
                ["id": debate.id, "events": "/debates/\(debate.id)/events", "commands": "/debates/\(debate.id)/commands"],
                status: .created)
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
            case .server(let reason):
                return Reply.error(.internalServerError, reason)
            case .closing:
                return Reply.error(.serviceUnavailable, "the server is stopping; start the debate once it is back")
            }
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
