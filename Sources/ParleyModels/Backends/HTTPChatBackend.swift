/// A model behind an HTTP chat API, spoken in one wire dialect: ``OpenAIBackend`` (any
/// OpenAI-compatible chat-completions server) or ``AnthropicBackend`` (the Messages API).
/// Everything but the wire format is shared: preparing the server (base URL, key from the
/// environment), the streamed call with its retries, and the server check.
public struct HTTPChatBackend<Dialect: ChatDialect>: ChatModel {
    /// The backend's settings.
    public let config: Dialect.Config
    /// Client, logger, environment and sleep.
    public let context: HTTPModelContext

    /// Makes a backend. Nothing is checked or sent until the first call.
    public init(config: Dialect.Config, context: HTTPModelContext = HTTPModelContext()) {
        self.config = config
        self.context = context
    }

    /// `llama3.2 @ 127.0.0.1:11434`.
    public var label: String { ServerAddress.label(model: config.model, baseURL: config.baseURL) }

    /// The context size the config gives.
    public var contextTokens: Int? { config.contextTokens }

    /// Streams the reply: reasoning (`reasoning_content`, thinking blocks) as
    /// ``ChatChunk/reasoning(_:)``, text as ``ChatChunk/text(_:)``, usage (with its cost when a
    /// price is configured) as ``ChatChunk/usage(_:)``, and each retry as
    /// ``ChatChunk/retrying(attempt:delay:reason:)`` before its wait.
    /// - Throws: ``ModelError`` (a bad `base_url` or an unset key variable before any request;
    ///   the server's errors, unreachable server, idle timeout, broken stream after);
    ///   `CancellationError` when the calling task is cancelled.
    nonisolated(nonsending) public func reply(to request: ChatRequest, onChunk: @escaping @Sendable (ChatChunk) -> Void) async throws {
        let wire = Dialect.wire
        let server = try prepared()
        let body = wire.body(request, config, server)
        let config = self.config
        try await StreamedCall(request, to: wire.endpoint, on: server, body: body, settings: config.http, context: context) {
            wire.reader(config)
        }.run(onChunk: onChunk)
    }

    /// Checks that the server answers and has the model (OpenAI-compatible: `GET /models`;
    /// Anthropic: the model's own entry).
    public func ping() async -> PingResult {
        let server: ModelServer
        do { server = try prepared() } catch { return .failure(error) }
        return await Dialect.wire.ping(ServerCheck(server: server, settings: config.http, context: context), config, label)
    }

    /// The server description, with the API key read from the environment.
    /// - Throws: ``ModelError`` of kind `configuration` for a bad `base_url` or a named key
    ///   variable that is not set.
    package func prepared() throws(ModelError) -> ModelServer {
        try ModelServer.prepare(
            Dialect.wire.server, baseURL: config.baseURL, model: config.model, keyVariable: config.apiKeyVariable,
            apiVersion: config.apiVersion, settings: config.http, context: context)
    }
}

/// The settings every HTTP chat backend has, whatever its dialect.
public protocol HTTPChatConfig: Sendable, Hashable {
    /// The API's base URL, like `http://127.0.0.1:11434/v1`.
    var baseURL: String { get }
    /// The model's name on the server.
    var model: String { get }
    /// The model's context size in tokens, when known.
    var contextTokens: Int? { get }
    /// Retries, timeouts and extra headers.
    var http: HTTPSettings { get }
    /// The environment variable the API key is read from; nil for a server without a key.
    var apiKeyVariable: String? { get }
    /// The API version header's value, for APIs that take one.
    var apiVersion: String? { get }
}

/// A chat wire format: its config and how it is spoken (``ChatWire``).
public protocol ChatDialect: Sendable {
    /// The backend settings this dialect takes.
    associatedtype Config: HTTPChatConfig
    /// How the dialect is spoken: endpoint, request body, stream reader and server check.
    static var wire: ChatWire<Config> { get }
}

/// How one dialect is spoken over HTTP; made inside ParleyModels for each dialect.
public struct ChatWire<Config: HTTPChatConfig>: Sendable {
    /// Which API it is, for headers and messages.
    let server: ModelServer.Dialect
    /// The path below the base URL that replies are POSTed to.
    let endpoint: String
    /// The request body for a request.
    let body: @Sendable (ChatRequest, Config, ModelServer) -> any RequestBody
    /// A fresh stream reader, for each try of a call.
    let reader: @Sendable (Config) -> AnyReplyReader
    /// The server check: given the check, the config and the backend's label.
    let ping: @Sendable (ServerCheck, Config, String) async -> PingResult
}

/// A dialect's stream reader, whatever its type.
struct AnyReplyReader: ReplyReader {
    var base: any ReplyReader

    var isComplete: Bool { base.isComplete }
    var canEndHere: Bool { base.canEndHere }

    mutating func read(_ event: ServerSentEvent, emit: (ChatChunk) -> Void) throws(ReplyReadError) {
        try base.read(event, emit: emit)
    }

    mutating func takeNotes() -> [String] { base.takeNotes() }
}
