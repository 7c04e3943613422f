import Foundation
import Logging
import NIOHTTP1

/// The server a backend talks to, as far as errors and logs need to know: its wire dialect,
/// where it is, which model it is asked for and where the API key comes from.
struct ModelServer: Sendable {
    /// The wire protocol.
    enum Dialect: Sendable {
        /// OpenAI-compatible chat completions.
        case openAI
        /// Anthropic's Messages API.
        case anthropic
    }

    /// The wire protocol.
    let dialect: Dialect
    /// Where the API is.
    let address: ServerAddress
    /// The model id asked for.
    let model: String
    /// The environment variable the key comes from, when the backend names one.
    let keyVariable: String?
    /// The key itself, when there is one: sent to authenticate, and scrubbed from any text
    /// that is logged or shown. Never logged.
    let key: String?
    /// The `anthropic-version` sent, for the Messages API.
    let apiVersion: String?
    /// Extra headers the config adds (their values may be secrets and are never logged).
    let extraHeaders: [String: String]

    /// Checks a backend's base URL and reads its API key from the environment, before any request.
    /// - Throws: ``ModelError`` of kind `configuration` for a base URL that is not http(s), or a
    ///   named key variable that is unset or empty.
    static func prepare(
        _ dialect: Dialect, baseURL: String, model: String, keyVariable: String?, apiVersion: String? = nil,
        settings: HTTPSettings, context: HTTPModelContext
    ) throws(ModelError) -> ModelServer {
        let backend = dialect == .openAI ? "openai" : "anthropic"
        do throws(ModelError) {
            let address = try ServerAddress(baseURL)
            var key: String?
            if let keyVariable {
                guard let value = context.environment[keyVariable]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
                    throw ModelError(
                        kind: .configuration,
                        message: "the environment variable \(keyVariable) is not set, and the \(backend) backend reads its API key from it — export \(keyVariable)=… before starting parley, or name another variable with `api_key_env`",
                        retryable: false)
                }
                key = value
            }
            return ModelServer(
                dialect: dialect, address: address, model: model, keyVariable: keyVariable, key: key,
                apiVersion: apiVersion, extraHeaders: settings.headers)
        } catch {
            context.logger.error("the \(backend) backend for \(model) cannot call its server: \(error.message)")
            throw error
        }
    }

    /// The headers of a request: credentials in the dialect's header, then the config's extras.
    func headers(streaming: Bool) -> HTTPHeaders {
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
        for (name, value) in extraHeaders.sorted(by: { $0.key < $1.key }) {
            headers.replaceOrAdd(name: name, value: value)
        }
        return headers
    }

    /// The backend type as written in debate files.
    var backendName: String {
        switch dialect {
        case .openAI: "openai"
        case .anthropic: "anthropic"
        }
    }

    /// Text with the API key replaced by `[redacted]`, for anything logged or shown.
    func scrub(_ text: String) -> String {
        guard let key, key.count >= 6 else { return text }
        return text.replacingOccurrences(of: key, with: "[redacted]")
    }
}
