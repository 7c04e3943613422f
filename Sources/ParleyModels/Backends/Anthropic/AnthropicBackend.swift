import Foundation

/// A model behind Anthropic's Messages API, streamed with `stream: true`.
public struct AnthropicBackend: ChatModel {
    /// The backend's settings.
    public let config: AnthropicConfig
    /// Client, logger, environment and sleep.
    public let context: HTTPModelContext

    /// Makes a backend. Nothing is checked or sent until the first call.
    public init(config: AnthropicConfig, context: HTTPModelContext = HTTPModelContext()) {
        self.config = config
        self.context = context
    }

    /// `claude-sonnet-4-5 @ api.anthropic.com`.
    public var label: String { ServerAddress.label(model: config.model, baseURL: config.baseURL) }

    /// The context size the config gives.
    public var contextTokens: Int? { config.contextTokens }

    /// Streams the reply: thinking as ``ChatChunk/reasoning(_:)``, text as ``ChatChunk/text(_:)``,
    /// usage (input tokens from `message_start`, the running output total from `message_delta`,
    /// with the cost when a price is configured) as ``ChatChunk/usage(_:)``, and each retry as
    /// ``ChatChunk/retrying(attempt:delay:reason:)`` before its wait.
    /// - Throws: ``ModelError`` (a bad `base_url` or an unset key variable before any request;
    ///   the server's errors, unreachable server, idle timeout, broken stream after);
    ///   `CancellationError` when the calling task is cancelled.
    nonisolated(nonsending) public func reply(to request: ChatRequest, onChunk: @escaping @Sendable (ChatChunk) -> Void) async throws {
        let server = try prepared()
        let body = AnthropicRequestBody(request, model: config.model, sampling: config.sampling)
        let price = config.price
        try await StreamedCall(request, to: "messages", on: server, body: body, settings: config.http, context: context) {
            AnthropicStreamReader(price: price)
        }.run(onChunk: onChunk)
    }

    /// Checks the key and the model: GETs `{base_url}/models/{model}`.
    public func ping() async -> PingResult {
        let server: ModelServer
        do { server = try prepared() } catch { return .failure(error) }
        let path = config.model.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? config.model
        do {
            let answer = try await ServerCheck(server: server, settings: config.http, context: context)
                .get(server.address.url("models/\(path)"), headers: server.headers(streaming: false))
            return .success(label, after: answer.roundTrip)
        } catch {
            return .failure(error)
        }
    }

    /// The server description, with the API key read from the environment.
    /// - Throws: ``ModelError`` of kind `configuration` for a bad `base_url` or an unset key.
    func prepared() throws(ModelError) -> ModelServer {
        try ModelServer.prepare(
            .anthropic, baseURL: config.baseURL, model: config.model, keyVariable: config.apiKeyEnv,
            apiVersion: config.version, settings: config.http, context: context)
    }
}
