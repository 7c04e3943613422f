import ParleyCore
import ParleyEngine
import ParleyFiles
import ParleyModels
import Yams

/// `backends`: named model backends that agents and the facilitator refer to.
extension DebateFileReader {
    /// The backends declared under `backends`, and the names agents may use (with `scripted`).
    mutating func backends(_ node: Node?, at path: FieldPath) -> (configs: [String: BackendConfig], catalog: BackendCatalog) {
        var configs: [String: BackendConfig] = [:]
        var catalog = BackendCatalog()
        guard let node, !Self.isNull(node) else { return (configs, catalog) }
        guard case .mapping(let mapping) = node else {
            expected("a mapping from backend names to backends", at: node, path: path)
            return (configs, catalog)
        }
        for (key, value) in mapping {
            guard let name = Self.scalarText(key) else {
                expected("a backend name", at: key, path: path)
                continue
            }
            guard !Self.isSecretKey(name) else { continue }  // a key, not a backend: reported by refuseSecrets(in:)
            let backendPath = path.key(name)
            if !Self.isBackendName(name) {
                report(
                    "\(path.name): \(SourceText.quoted(name)) is not a valid backend name", at: key.position, path: backendPath,
                    suggestion: "use letters, digits, '.', '-' and '_' (like local or claude-sonnet)"
                )
            }
            let (kind, config, style) = backend(value, at: backendPath)
            if name == DebateSpec.scriptedBackend, let kind, kind != .scripted {
                report(
                    "\(backendPath.name): 'scripted' is the name of the built-in scripted backend; it can only be redefined with type: scripted",
                    at: key.position, path: backendPath, suggestion: "give this backend another name"
                )
            }
            catalog.declare(name, as: kind)
            catalog.setPromptStyle(style, of: name)
            configs[name] = config
        }
        return (configs, catalog)
    }

    /// One backend; its type (nil when unreadable), its settings (nil when anything is wrong)
    /// and the prompt style it sets for its agents.
    private mutating func backend(_ node: Node, at path: FieldPath) -> (BackendKind?, BackendConfig?, PromptStyle?) {
        // Keys of another type are reported below, saying whose they are; a key of no type is
        // reported with the keys of this backend's type, when it can be told.
        let declared = BackendKind.declared(in: node)
        guard let fields = fields(
            of: node, at: path, expecting: "a backend (a mapping with type, model, ...)",
            keys: declared?.keys ?? BackendKind.allKeys, elsewhere: declared?.othersKeys ?? [:]
        ) else { return (nil, nil, nil) }
        let kind = required(
            "type", in: fields, suggestion: "add type: openai (Ollama, llama-server, vLLM, LM Studio, OpenAI), anthropic or scripted"
        ) { reader, node, path in
            reader.choice(node, at: path, among: BackendKind.allCases.map { ($0.rawValue, $0) }, hints: Self.backendTypeHints)
        }
        guard let kind else { return (nil, nil, nil) }
        for entry in fields.entries where !kind.keys.contains(entry.key) {
            report(
                "unknown key \(SourceText.quoted(entry.key)) at \(path.name)", at: entry.keyPosition, path: path.key(entry.key),
                suggestion: kind.othersKeys[entry.key]
            )
        }
        let before = problems.count
        let config: BackendConfig
        switch kind {
        case .scripted:
            var scripted = ScriptedConfig()
            scripted.wordsPerSecond = optional("words_per_second", in: fields) { reader, node, path in
                let limits = DebateFile.wordsPerSecondLimits
                let range = "0, or from \(limits.lowerBound) to \(Int(limits.upperBound))"
                return reader.number(node, at: path, expecting: "a number of words per second: \(range) (0 streams each reply at once)") {
                    $0 == 0 || limits.contains($0)
                }
            } ?? scripted.wordsPerSecond
            config = .scripted(scripted)
        case .openai:
            var remote = remote(fields, defaultURL: OpenAIConfig.defaultBaseURL, temperatures: 0...2, exampleModel: "llama3.2")
            readSampling(fields, kind: kind, into: &remote.sampling)
            config = .openai(
                OpenAIConfig(
                    baseURL: remote.baseURL, model: remote.model, apiKeyEnv: remote.apiKeyEnv, sampling: remote.sampling,
                    contextTokens: remote.contextTokens, price: remote.price, showReasoning: remote.showReasoning,
                    http: remote.http
                )
            )
        case .anthropic:
            let remote = remote(
                fields, defaultURL: AnthropicConfig.defaultBaseURL, temperatures: 0...1, exampleModel: "claude-sonnet-4-5"
            )
            let defaults = AnthropicConfig(model: "")
            var sampling = remote.sampling
            readSampling(fields, kind: kind, into: &sampling)
            sampling.maxTokens = sampling.maxTokens ?? defaults.sampling.maxTokens
            config = .anthropic(
                AnthropicConfig(
                    baseURL: remote.baseURL, model: remote.model, apiKeyEnv: remote.apiKeyEnv ?? defaults.apiKeyEnv,
                    version: optional("version", in: fields) { $0.text($1, at: $2) } ?? defaults.version,
                    sampling: sampling, contextTokens: remote.contextTokens, price: remote.price,
                    showReasoning: remote.showReasoning, http: remote.http
                )
            )
        }
        let style = kind == .scripted ? nil : optional("prompt_style", in: fields) { $0.promptStyle($1, at: $2) }
        return (kind, problems.count == before ? config : nil, style)
    }

    /// What the HTTP backends share.
    private struct Remote {
        var baseURL: String
        var model = ""
        var apiKeyEnv: String?
        var sampling = Sampling()
        var contextTokens: Int?
        var price: Price?
        var showReasoning = true
        var http = HTTPSettings()
    }

    /// The settings the HTTP backends share.
    private mutating func remote(
        _ fields: Fields, defaultURL: String, temperatures: ClosedRange<Double>, exampleModel: String
    ) -> Remote {
        var remote = Remote(baseURL: defaultURL)
        remote.baseURL = optional("base_url", in: fields) { $0.baseURL($1, at: $2) } ?? defaultURL
        remote.model = required(
            "model", in: fields, suggestion: "name the model to ask, like model: \(exampleModel)"
        ) { $0.text($1, at: $2) } ?? ""
        remote.apiKeyEnv = optional("api_key_env", in: fields) { $0.environmentName($1, at: $2) }
        remote.http.headers = optional("headers", in: fields) { $0.headers($1, at: $2) } ?? [:]
        remote.sampling.temperature = optional("temperature", in: fields) { reader, node, path in
            let bounds = "from \(Int(temperatures.lowerBound)) to \(Int(temperatures.upperBound))"
            return reader.number(node, at: path, expecting: "a temperature \(bounds)") { temperatures.contains($0) }
        }
        remote.sampling.maxTokens = optional("max_tokens", in: fields) { reader, node, path in
            reader.wholeNumber(node, at: path, expecting: "a whole number of tokens greater than 0") { $0 > 0 }
        }
        remote.sampling.seed = optional("seed", in: fields) { reader, node, path in
            reader.wholeNumber(node, at: path, expecting: "a whole number") { _ in true }
        }
        remote.contextTokens = optional("context_tokens", in: fields) { reader, node, path in
            reader.wholeNumber(node, at: path, expecting: "a whole number of tokens greater than 0") { $0 > 0 }
        }
        remote.price = optional("price", in: fields) { $0.price($1, at: $2) }
        remote.showReasoning = optional("show_reasoning", in: fields) { $0.flag($1, at: $2) } ?? true
        remote.http.maxAttempts = optional("retries", in: fields) { reader, node, path in
            reader.wholeNumber(node, at: path, expecting: "a whole number of tries from 1 to 20 (the first one included)") {
                (1...20).contains($0)
            }
        } ?? remote.http.maxAttempts
        remote.http.idleTimeout = optional("idle_timeout", in: fields) { reader, node, path in
            reader.seconds(node, at: path, expecting: "a timeout", within: DebateFile.timeoutLimits)
        } ?? remote.http.idleTimeout
        remote.http.connectTimeout = optional("connect_timeout", in: fields) { reader, node, path in
            reader.seconds(node, at: path, expecting: "a timeout", within: DebateFile.timeoutLimits)
        } ?? remote.http.connectTimeout
        return remote
    }

    /// Whether a backend name is letters, digits, `.`, `-` and `_`.
    private static func isBackendName(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    }

    /// What to say about backend types people write for the servers they know.
    private static let backendTypeHints: [String: String] = {
        var hints: [String: String] = [:]
        for server in ["ollama", "llama-server", "llama.cpp", "llamacpp", "llama-cpp", "vllm", "lmstudio", "lm-studio",
                       "openrouter", "groq", "together", "mistral", "deepseek", "gpt", "chatgpt", "openai-compatible"] {
            hints[server] = "\(SourceText.quoted(server)) speaks the OpenAI API: use type: openai and set its base_url"
        }
        hints["claude"] = "use type: anthropic for Claude models"
        hints["offline"] = "use type: scripted for offline personas"
        return hints
    }()
}
