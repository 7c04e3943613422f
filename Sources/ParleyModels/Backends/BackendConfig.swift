/// A backend as the debate file names it: which wire protocol, where, and its settings.
public enum BackendConfig: Sendable, Hashable {
    /// Deterministic offline personas and an extractive facilitator.
    case scripted(ScriptedConfig)
    /// An OpenAI-compatible chat-completions server (Ollama, llama-server, vLLM, LM Studio, OpenAI).
    case openai(OpenAIConfig)
    /// Anthropic's Messages API.
    case anthropic(AnthropicConfig)

    /// Whether the agents on it show their reasoning text.
    public var showsReasoning: Bool {
        switch self {
        case .scripted: true
        case .openai(let config): config.showReasoning
        case .anthropic(let config): config.showReasoning
        }
    }

    /// The backend type as written in the debate file.
    public var type: String {
        switch self {
        case .scripted: "scripted"
        case .openai: "openai"
        case .anthropic: "anthropic"
        }
    }
}

/// The scripted backend's settings.
public struct ScriptedConfig: Sendable, Hashable {
    /// Words streamed per second; 0 streams each reply at once (for benchmarks).
    public var wordsPerSecond: Double

    /// Makes a config.
    public init(wordsPerSecond: Double = 12) {
        self.wordsPerSecond = wordsPerSecond
    }
}

/// Price per million tokens, for a cost estimate.
public struct Price: Sendable, Hashable {
    /// US dollars per million prompt tokens.
    public var promptPerMillion: Double
    /// US dollars per million completion tokens.
    public var completionPerMillion: Double

    /// Makes a price.
    public init(promptPerMillion: Double, completionPerMillion: Double) {
        self.promptPerMillion = promptPerMillion
        self.completionPerMillion = completionPerMillion
    }

    /// The cost of some tokens in US dollars.
    public func cost(promptTokens: Int, completionTokens: Int) -> Double {
        (Double(promptTokens) * promptPerMillion + Double(completionTokens) * completionPerMillion) / 1_000_000
    }
}

/// Settings shared by the HTTP backends.
public struct HTTPSettings: Sendable, Hashable {
    /// Extra headers sent with every request (values never logged).
    public var headers: [String: String]
    /// Tries per call, the first included, for errors worth retrying.
    public var maxAttempts: Int
    /// Seconds without a byte from the server before the call fails.
    public var idleTimeout: Double
    /// Seconds to wait for a connection.
    public var connectTimeout: Double

    /// Makes settings.
    public init(headers: [String: String] = [:], maxAttempts: Int = 4, idleTimeout: Double = 60, connectTimeout: Double = 10) {
        self.headers = headers
        self.maxAttempts = maxAttempts
        self.idleTimeout = idleTimeout
        self.connectTimeout = connectTimeout
    }
}

/// Sampling options a request may carry.
public struct Sampling: Sendable, Hashable {
    /// Sampling temperature.
    public var temperature: Double?
    /// Most tokens to write.
    public var maxTokens: Int?
    /// Seed, for servers that honour one.
    public var seed: Int?
    /// Nucleus sampling: only the most likely tokens whose probabilities add up to this (0–1).
    public var topP: Double?
    /// Penalty for tokens by how often they came already (-2–2; OpenAI-compatible only).
    public var frequencyPenalty: Double?
    /// Penalty for tokens that came at all (-2–2; OpenAI-compatible only).
    public var presencePenalty: Double?
    /// Texts that end the reply where they would appear (`stop`, Anthropic's `stop_sequences`).
    public var stop: [String]?
    /// llama.cpp's repetition penalty (`repeat_penalty`; 1 is none), for llama-server.
    public var repeatPenalty: Double?

    /// Makes sampling options.
    public init(
        temperature: Double? = nil, maxTokens: Int? = nil, seed: Int? = nil, topP: Double? = nil,
        frequencyPenalty: Double? = nil, presencePenalty: Double? = nil, stop: [String]? = nil, repeatPenalty: Double? = nil
    ) {
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.seed = seed
        self.topP = topP
        self.frequencyPenalty = frequencyPenalty
        self.presencePenalty = presencePenalty
        self.stop = stop
        self.repeatPenalty = repeatPenalty
    }
}

/// An OpenAI-compatible backend's settings.
public struct OpenAIConfig: Sendable, Hashable {
    /// The API's base URL, up to and including `/v1`.
    public var baseURL: String
    /// The model id sent in each request.
    public var model: String
    /// The environment variable holding the API key; nil sends none (local servers).
    public var apiKeyEnv: String?
    /// Sampling options.
    public var sampling: Sampling
    /// The model's context size in tokens, for the context guard.
    public var contextTokens: Int?
    /// The price table, for a cost estimate.
    public var price: Price?
    /// Whether reasoning text is shown (dimmed) in the agent's pane.
    public var showReasoning: Bool
    /// Headers, retries and timeouts.
    public var http: HTTPSettings

    /// Ollama's address, the default.
    public static let defaultBaseURL = "http://127.0.0.1:11434/v1"

    /// Makes a config.
    public init(
        baseURL: String = OpenAIConfig.defaultBaseURL, model: String, apiKeyEnv: String? = nil,
        sampling: Sampling = Sampling(), contextTokens: Int? = nil, price: Price? = nil,
        showReasoning: Bool = true, http: HTTPSettings = HTTPSettings()
    ) {
        self.baseURL = baseURL
        self.model = model
        self.apiKeyEnv = apiKeyEnv
        self.sampling = sampling
        self.contextTokens = contextTokens
        self.price = price
        self.showReasoning = showReasoning
        self.http = http
    }
}

/// An Anthropic backend's settings.
public struct AnthropicConfig: Sendable, Hashable {
    /// The API's base URL, up to and including `/v1`.
    public var baseURL: String
    /// The model id sent in each request.
    public var model: String
    /// The environment variable holding the API key.
    public var apiKeyEnv: String
    /// The `anthropic-version` header.
    public var version: String
    /// Sampling options; `maxTokens` defaults to ``defaultMaxTokens`` since the API requires it.
    public var sampling: Sampling
    /// The model's context size in tokens, for the context guard.
    public var contextTokens: Int?
    /// The price table, for a cost estimate.
    public var price: Price?
    /// Whether thinking text is shown (dimmed) in the agent's pane.
    public var showReasoning: Bool
    /// Headers, retries and timeouts.
    public var http: HTTPSettings

    /// Anthropic's API.
    public static let defaultBaseURL = "https://api.anthropic.com/v1"
    /// The most tokens per reply when the config sets none: 1024 (the API requires a limit).
    public static let defaultMaxTokens = 1024

    /// Makes a config.
    public init(
        baseURL: String = AnthropicConfig.defaultBaseURL, model: String,
        apiKeyEnv: String = "ANTHROPIC_API_KEY", version: String = "2023-06-01",
        sampling: Sampling = Sampling(maxTokens: AnthropicConfig.defaultMaxTokens), contextTokens: Int? = nil, price: Price? = nil,
        showReasoning: Bool = true, http: HTTPSettings = HTTPSettings()
    ) {
        self.baseURL = baseURL
        self.model = model
        self.apiKeyEnv = apiKeyEnv
        self.version = version
        self.sampling = sampling
        self.contextTokens = contextTokens
        self.price = price
        self.showReasoning = showReasoning
        self.http = http
    }
}
