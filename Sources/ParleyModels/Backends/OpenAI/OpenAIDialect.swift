/// A model behind an OpenAI-compatible chat-completions API: Ollama, llama.cpp's llama-server,
/// vLLM, LM Studio, OpenAI. Streams with `stream: true` and `stream_options.include_usage`.
public typealias OpenAIBackend = HTTPChatBackend<OpenAIDialect>

/// The OpenAI chat-completions wire format: `POST {base_url}/chat/completions`, server-sent
/// `chat.completion.chunk`s ending with `[DONE]`; the server check is `GET {base_url}/models`
/// looking for the model's id (Ollama's `name:latest` ids and llama-server's aliases count).
public enum OpenAIDialect: ChatDialect {
    public static var wire: ChatWire<OpenAIConfig> {
        ChatWire(
            server: .openAI, endpoint: "chat/completions",
            body: { request, config, server in
                OpenAIRequestBody(request, model: config.model, sampling: config.sampling, host: server.address.host)
            },
            reader: { config in AnyReplyReader(base: OpenAIStreamReader(price: config.price)) },
            ping: { check, config, label in
                let url = check.server.address.url("models")
                do throws(ModelError) {
                    let answer = try await check.get(url, headers: check.server.headers(streaming: false))
                    let listed = ModelList(body: answer.body)
                    guard listed.contains(config.model) else {
                        return .failure(listed.missing(config.model, on: check.server, url: url), after: answer.roundTrip)
                    }
                    return .success(label, after: answer.roundTrip)
                } catch {
                    return .failure(error)
                }
            })
    }
}

extension OpenAIConfig: HTTPChatConfig {
    /// ``apiKeyEnv``: local servers take no key.
    public var apiKeyVariable: String? { apiKeyEnv }
    /// None: the API has no version header.
    public var apiVersion: String? { nil }
}
