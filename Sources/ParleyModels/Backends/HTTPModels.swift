/// Makes the model for an HTTP backend config: an ``OpenAIBackend`` for `.openai`, an
/// ``AnthropicBackend`` for `.anthropic`, nil for any other backend (scripted).
///
/// Nothing is sent or checked until the model's first call; a missing API key or a bad
/// `base_url` is reported then, before any request, as a ``ModelError`` of kind `configuration`.
public func makeHTTPModel(_ config: BackendConfig, context: HTTPModelContext = HTTPModelContext()) -> (any ChatModel)? {
    switch config {
    case .openai(let settings): OpenAIBackend(config: settings, context: context)
    case .anthropic(let settings): AnthropicBackend(config: settings, context: context)
    case .scripted: nil
    }
}

/// Checks that an HTTP backend's server answers and has its model, for `parley check --ping`;
/// nil for a backend that is not HTTP (scripted). Never throws: failures are in the result's line.
public func pingHTTPModel(_ config: BackendConfig, context: HTTPModelContext = HTTPModelContext()) async -> PingResult? {
    switch config {
    case .openai(let settings): await OpenAIBackend(config: settings, context: context).ping()
    case .anthropic(let settings): await AnthropicBackend(config: settings, context: context).ping()
    case .scripted: nil
    }
}
