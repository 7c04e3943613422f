/// The exact bytes a backend POSTs for a request, for the inspector to show (and `curl` to send
/// again): built by the same code the backend sends with.
public enum WireBody {
    /// The chat-completions body an OpenAI-compatible backend sends for `request`.
    /// - Throws: ``ModelError`` of kind `configuration` when the config's `base_url` is not one
    ///   the backend would call.
    public static func openAI(_ request: ChatRequest, config: OpenAIConfig) throws(ModelError) -> [UInt8] {
        let address = try ServerAddress(config.baseURL)
        return OpenAIRequestBody(request, model: config.model, sampling: config.sampling, host: address.host).encoded()
    }

    /// The Messages API body an Anthropic backend sends for `request`.
    public static func anthropic(_ request: ChatRequest, config: AnthropicConfig) -> [UInt8] {
        AnthropicRequestBody(request, model: config.model, sampling: config.sampling).encoded()
    }
}
