/// A model behind an OpenAI-compatible chat-completions API: Ollama, llama.cpp's llama-server,
/// vLLM, LM Studio, OpenAI. Streams with `stream: true` and `stream_options.include_usage`.
public struct OpenAIBackend: ChatModel {
    /// The backend's settings.
    public let config: OpenAIConfig
    /// Client, logger, environment and sleep.
    public let context: HTTPModelContext

    /// Makes a backend. Nothing is checked or sent until the first call.
    public init(config: OpenAIConfig, context: HTTPModelContext = HTTPModelContext()) {
        self.config = config
        self.context = context
    }

    /// `llama3.2 @ 127.0.0.1:11434`.
    public var label: String { ServerAddress.label(model: config.model, baseURL: config.baseURL) }

    /// The context size the config gives.
    public var contextTokens: Int? { config.contextTokens }

    /// Streams the reply: reasoning as ``ChatChunk/reasoning(_:)``, text as ``ChatChunk/text(_:)``,
    /// the final usage (with its cost when a price is configured) as ``ChatChunk/usage(_:)``,
    /// and each retry as ``ChatChunk/retrying(attempt:delay:reason:)`` before its wait.
    /// - Throws: ``ModelError`` (a bad `base_url` or a missing API key before any request; the
    ///   server's errors, unreachable server, idle timeout, broken stream after);
    ///   `CancellationError` when the calling task is cancelled.
    nonisolated(nonsending) public func reply(to request: ChatRequest, onChunk: @escaping @Sendable (ChatChunk) -> Void) async throws {
        let server = try prepared()
        let body = OpenAIRequestBody(request, model: config.model, sampling: config.sampling, host: server.address.host)
        let price = config.price
        try await StreamedCall(request, to: "chat/completions", on: server, body: body, settings: config.http, context: context) {
            OpenAIStreamReader(price: price)
        }.run(onChunk: onChunk)
    }

    /// Checks that the server answers and has the model: GETs `{base_url}/models` and looks for
    /// the id (Ollama's `name:latest` ids and llama-server's aliases count).
    public func ping() async -> PingResult {
        let server: ModelServer
        do { server = try prepared() } catch { return .failure(error) }
        let url = server.address.url("models")
        do {
            let answer = try await ServerCheck(server: server, settings: config.http, context: context)
                .get(url, headers: server.headers(streaming: false))
            let listed = ModelList(body: answer.body)
            guard listed.contains(config.model) else {
                return .failure(listed.missing(config.model, on: server, url: url), after: answer.roundTrip)
            }
            return .success(label, after: answer.roundTrip)
        } catch {
            return .failure(error)
        }
    }

    /// The server description, with the API key read from the environment.
    /// - Throws: ``ModelError`` of kind `configuration` for a bad `base_url` or a named key
    ///   variable that is not set.
    package func prepared() throws(ModelError) -> ModelServer {
        try ModelServer.prepare(
            .openAI, baseURL: config.baseURL, model: config.model, keyVariable: config.apiKeyEnv,
            settings: config.http, context: context)
    }
}
