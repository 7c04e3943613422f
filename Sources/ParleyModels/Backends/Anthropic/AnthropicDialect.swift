import Foundation

/// A model behind Anthropic's Messages API, streamed with `stream: true`.
public typealias AnthropicBackend = HTTPChatBackend<AnthropicDialect>

/// Anthropic's Messages wire format: `POST {base_url}/messages`, server-sent events from
/// `message_start` to `message_stop`; the server check is `GET {base_url}/models/{model}`, which
/// checks the key and the model.
public enum AnthropicDialect: ChatDialect {
    public static var wire: ChatWire<AnthropicConfig> {
        ChatWire(
            server: .anthropic, endpoint: "messages",
            body: { request, config, _ in AnthropicRequestBody(request, model: config.model, sampling: config.sampling) },
            reader: { config in AnyReplyReader(base: AnthropicStreamReader(price: config.price)) },
            ping: { check, config, label in
                let path = config.model.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? config.model
                do throws(ModelError) {
                    let answer = try await check.get(
                        check.server.address.url("models/\(path)"), headers: check.server.headers(streaming: false))
                    return .success(label, after: answer.roundTrip)
                } catch {
                    return .failure(error)
                }
            })
    }
}

extension AnthropicConfig: HTTPChatConfig {
    /// ``apiKeyEnv``.
    public var apiKeyVariable: String? { apiKeyEnv }
    /// ``version``, sent as `anthropic-version`.
    public var apiVersion: String? { version }
}
