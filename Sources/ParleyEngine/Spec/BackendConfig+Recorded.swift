import Foundation
import ParleyCore
import ParleyModels

/// A backend as the event log keeps it: its settings without secrets (see ``DebateSpec/recorded``).
extension BackendConfig {
    var recorded: JSONValue {
        switch self {
        case .scripted(let config):
            return .object(["type": .string(type), "words_per_second": .number(config.wordsPerSecond)])
        case .openai(let config):
            var fields = Self.recorded(
                baseURL: config.baseURL, model: config.model, sampling: config.sampling, contextTokens: config.contextTokens,
                price: config.price, showReasoning: config.showReasoning, http: config.http)
            fields["type"] = .string(type)
            fields["api_key_env"] = config.apiKeyEnv.map(JSONValue.string)
            return .object(fields)
        case .anthropic(let config):
            var fields = Self.recorded(
                baseURL: config.baseURL, model: config.model, sampling: config.sampling, contextTokens: config.contextTokens,
                price: config.price, showReasoning: config.showReasoning, http: config.http)
            fields["type"] = .string(type)
            fields["api_key_env"] = .string(config.apiKeyEnv)
            fields["version"] = .string(config.version)
            return .object(fields)
        }
    }

    private static func recorded(
        baseURL: String, model: String, sampling: Sampling, contextTokens: Int?, price: Price?, showReasoning: Bool,
        http: HTTPSettings
    ) -> [String: JSONValue] {
        var fields: [String: JSONValue] = [
            "base_url": .string(RecordedURL.withoutCredentials(baseURL)), "model": .string(model),
            "sampling": sampling.recorded, "show_reasoning": .bool(showReasoning),
            "headers": .object(RecordedURL.safeHeaders(http.headers).mapValues(JSONValue.string)),
            "max_attempts": .number(Double(http.maxAttempts)), "idle_timeout": .number(http.idleTimeout),
            "connect_timeout": .number(http.connectTimeout),
        ]
        fields["context_tokens"] = contextTokens.map { .number(Double($0)) }
        fields["price"] = price.map { .object(["prompt": .number($0.promptPerMillion), "completion": .number($0.completionPerMillion)]) }
        return fields
    }

    init(recorded fields: RecordedFields) throws {
        let type = try fields.string("type")
        switch type {
        case "scripted":
            self = .scripted(ScriptedConfig(wordsPerSecond: try fields.number("words_per_second")))
        case "openai":
            self = .openai(
                OpenAIConfig(
                    baseURL: try fields.string("base_url"), model: try fields.string("model"),
                    apiKeyEnv: try fields.optionalString("api_key_env"), sampling: try Sampling(recorded: try fields.fields("sampling")),
                    contextTokens: try fields.optionalInt("context_tokens"), price: try Self.price(fields),
                    showReasoning: try fields.bool("show_reasoning"), http: try Self.http(fields)))
        case "anthropic":
            self = .anthropic(
                AnthropicConfig(
                    baseURL: try fields.string("base_url"), model: try fields.string("model"),
                    apiKeyEnv: try fields.string("api_key_env"), version: try fields.string("version"),
                    sampling: try Sampling(recorded: try fields.fields("sampling")),
                    contextTokens: try fields.optionalInt("context_tokens"), price: try Self.price(fields),
                    showReasoning: try fields.bool("show_reasoning"), http: try Self.http(fields)))
        default:
            throw fields.wrong("type", type)
        }
    }

    private static func price(_ fields: RecordedFields) throws -> Price? {
        try fields.optionalFields("price").map {
            Price(promptPerMillion: try $0.number("prompt"), completionPerMillion: try $0.number("completion"))
        }
    }

    private static func http(_ fields: RecordedFields) throws -> HTTPSettings {
        HTTPSettings(
            headers: try fields.fields("headers").entries().mapValues { try $0.text() },
            maxAttempts: try fields.int("max_attempts"), idleTimeout: try fields.number("idle_timeout"),
            connectTimeout: try fields.number("connect_timeout"))
    }
}

extension Sampling {
    var recorded: JSONValue {
        var fields: [String: JSONValue] = [:]
        fields["temperature"] = temperature.map(JSONValue.number)
        fields["max_tokens"] = maxTokens.map { .number(Double($0)) }
        fields["seed"] = seed.map { .number(Double($0)) }
        fields["top_p"] = topP.map(JSONValue.number)
        fields["frequency_penalty"] = frequencyPenalty.map(JSONValue.number)
        fields["presence_penalty"] = presencePenalty.map(JSONValue.number)
        fields["stop"] = stop.map { .array($0.map(JSONValue.string)) }
        fields["repeat_penalty"] = repeatPenalty.map(JSONValue.number)
        return .object(fields)
    }

    init(recorded fields: RecordedFields) throws {
        self.init(
            temperature: try fields.optionalNumber("temperature"), maxTokens: try fields.optionalInt("max_tokens"),
            seed: try fields.optionalInt("seed"), topP: try fields.optionalNumber("top_p"),
            frequencyPenalty: try fields.optionalNumber("frequency_penalty"),
            presencePenalty: try fields.optionalNumber("presence_penalty"),
            stop: try fields.optionalList("stop")?.map { try $0.text() },
            repeatPenalty: try fields.optionalNumber("repeat_penalty"))
    }
}

/// What of a backend's address and headers may go in a recording.
enum RecordedURL {
    /// The base URL without what may be a credential: user name and password, query items that
    /// name or look like a key, a fragment. (The backend refuses such a URL anyway; a recording
    /// never keeps one.)
    static func withoutCredentials(_ url: String) -> String {
        guard var components = URLComponents(string: url) else {
            return CredentialShape.looksLikeKey(url) ? "" : url
        }
        components.user = nil
        components.password = nil
        components.fragment = nil
        if let items = components.queryItems {
            let kept = items.filter {
                !CredentialShape.mentionsCredential($0.name) && !CredentialShape.looksLikeKey($0.value ?? $0.name)
            }
            components.queryItems = kept.isEmpty ? nil : kept
        }
        return components.string ?? ""
    }

    /// The headers whose name and value say nothing of a credential.
    static func safeHeaders(_ headers: [String: String]) -> [String: String] {
        headers.filter { !CredentialShape.mentionsCredential($0.key) && !CredentialShape.looksLikeKey($0.value) }
    }
}
