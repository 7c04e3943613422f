import Foundation
import Logging
import NIOHTTP1
import ParleyCore

/// The server a backend talks to, as far as errors and logs need to know: its wire dialect,
/// where it is, which model it is asked for and where the API key comes from.
package struct ModelServer: Sendable {
    /// The wire protocol; its raw value is the backend type as written in debate files.
    enum Dialect: String, Sendable {
        /// OpenAI-compatible chat completions.
        case openAI = "openai"
        /// Anthropic's Messages API.
        case anthropic

        /// The API's name in messages: `OpenAI-compatible`, `Anthropic Messages`.
        var apiName: String {
            switch self {
            case .openAI: "OpenAI-compatible"
            case .anthropic: "Anthropic Messages"
            }
        }
    }

    /// The wire protocol.
    let dialect: Dialect
    /// Where the API is.
    package let address: ServerAddress
    /// The model id asked for.
    let model: String
    /// The environment variable the key comes from, when the backend names one.
    let keyVariable: String?
    /// The key itself, when there is one: sent to authenticate, and scrubbed from any text
    /// that is logged or shown (see ``scrub(_:)``). Never logged.
    let key: String?
    /// The `anthropic-version` sent, for the Messages API.
    let apiVersion: String?
    /// Extra headers the config adds (their values may be secrets and are never logged).
    let extraHeaders: [String: String]

    /// Checks a backend's base URL and reads its API key from the environment, before any request.
    /// - Throws: ``ModelError`` of kind `configuration` for a base URL that is not http(s), or a
    ///   named key variable that is unset, empty or only white space.
    static func prepare(
        _ dialect: Dialect, baseURL: String, model: String, keyVariable: String?, apiVersion: String? = nil,
        settings: HTTPSettings, context: HTTPModelContext
    ) throws(ModelError) -> ModelServer {
        do throws(ModelError) {
            let address = try ServerAddress(baseURL)
            var key: String?
            if let keyVariable { key = try readKey(from: keyVariable, in: context.environment, for: dialect) }
            return ModelServer(
                dialect: dialect, address: address, model: model, keyVariable: keyVariable, key: key,
                apiVersion: apiVersion, extraHeaders: settings.headers)
        } catch {
            context.logger.error("the \(dialect.rawValue) backend for \(model) cannot call its server: \(error.message)")
            throw error
        }
    }

    /// The key in `variable`, trimmed.
    /// - Throws: ``ModelError`` of kind `configuration` when the variable is unset, or set but
    ///   empty (or only white space).
    ///   A variable's name shaped like a key (a key pasted where its variable's name belongs) is
    ///   refused without being shown.
    private static func readKey(from variable: String, in environment: [String: String], for dialect: Dialect) throws(ModelError) -> String {
        guard !CredentialShape.looksLikeKey(variable) else {
            throw ModelError(
                kind: .configuration,
                message: "`api_key_env` of the \(dialect.rawValue) backend holds what looks like an API key itself, not the name of an environment variable — put the key in a variable (export OPENAI_API_KEY=…) and set `api_key_env` to that name",
                retryable: false)
        }
        let value = environment[variable]
        let key = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard key.isEmpty else { return key }
        let problem = value == nil ? "is not set" : "is set but empty"
        throw ModelError(
            kind: .configuration,
            message: "the environment variable \(variable) \(problem), and the \(dialect.rawValue) backend reads its API key from it — export \(variable)=… before starting parley, or name another variable with `api_key_env`",
            retryable: false)
    }

    /// The headers of a request: credentials in the dialect's header, then the config's extras.
    package func headers(streaming: Bool) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.add(name: "user-agent", value: "parley")
        if streaming {
            headers.add(name: "content-type", value: "application/json")
            headers.add(name: "accept", value: "text/event-stream")
        }
        switch dialect {
        case .openAI:
            if let key { headers.add(name: "authorization", value: "Bearer \(key)") }
        case .anthropic:
            if let key { headers.add(name: "x-api-key", value: key) }
            if let apiVersion { headers.add(name: "anthropic-version", value: apiVersion) }
        }
        // Local servers (llama-server among them) may close a kept-alive connection just after a
        // reply, and a request sent on it at that moment fails. A new connection on loopback
        // costs next to nothing: ask for one each time, so that no request is ever sent twice.
        if address.isLoopback { headers.add(name: "connection", value: "close") }
        for (name, value) in extraHeaders.sorted(by: { $0.key < $1.key }) {
            headers.replaceOrAdd(name: name, value: value)
        }
        return headers
    }

    /// The shortest key that is scrubbed. Shorter values (a local server's `x` or `no`) are not
    /// secrets worth hiding, and scrubbing them would mangle ordinary words in every message.
    static let shortestScrubbedKey = 4

    /// Text with the API key replaced by `[redacted]`, for anything logged or shown: every
    /// whole occurrence, and a start of the key (4 characters or more) that ends the text, as
    /// when a body was read only up to its limit. Keys shorter than ``shortestScrubbedKey``
    /// are left alone.
    func scrub(_ text: String) -> String {
        guard let key, key.count >= Self.shortestScrubbedKey else { return text }
        var scrubbed = text.replacingOccurrences(of: key, with: "[redacted]")
        for length in stride(from: key.count - 1, through: Self.shortestScrubbedKey, by: -1) where scrubbed.hasSuffix(key.prefix(length)) {
            scrubbed = String(scrubbed.dropLast(length)) + "[redacted]"
            break
        }
        return scrubbed
    }

    /// Text from the server (or about a failure) made fit to show: scrubbed of the API key,
    /// then on one line without control characters, at most `limit` characters.
    func quote(_ text: String, limit: Int = ServerMessage.maximumLength) -> String {
        ServerMessage.clean(scrub(text), limit: limit)
    }

    /// Whether the server is at Ollama's port, so Ollama's advice applies.
    var isOllama: Bool { dialect == .openAI && address.port == 11434 }
}
