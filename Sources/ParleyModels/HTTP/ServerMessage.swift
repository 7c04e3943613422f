import Foundation

/// What a server said about a failure, read from any of the error shapes model servers use:
/// OpenAI, llama.cpp, vLLM and Ollama's `/v1` (`{"error":{"message":..,"type":..}}`),
/// Anthropic (`{"type":"error","error":{"type":..,"message":..}}`), Ollama's native
/// `{"error":"model 'llama3' not found"}`, older vLLM's top-level `{"object":"error","message":..}`,
/// FastAPI's `{"detail":..}`, or plain text.
package struct ServerMessage: Sendable, Hashable {
    /// The server's own words, on one line, without control characters. Not shortened: it
    /// may still hold the API key, so it is shown only through ``ModelServer/quote(_:limit:)``,
    /// which scrubs the key first and then caps the length.
    var text: String
    /// The error type it named (`overloaded_error`, `server_error`, `NotFoundError`), if any.
    var type: String?
    /// The numeric code it named, if any.
    var code: Int?

    /// The longest quote of a server's words shown.
    static let maximumLength = 400

    /// Reads a response or event body; nil when it says nothing.
    init?(body: some Collection<UInt8>) {
        if let object = try? JSONSerialization.jsonObject(with: Data(body)), let found = Self(json: object) {
            self = found
            return
        }
        let text = Self.clean(String(decoding: body, as: UTF8.self), limit: nil)
        guard !text.isEmpty else { return nil }
        self.init(text: text)
    }

    /// Makes a message from text.
    init(text: String, type: String? = nil, code: Int? = nil) {
        self.text = Self.clean(text, limit: nil)
        self.type = type
        self.code = code
    }

    /// Reads a decoded JSON error object; nil when it has no message.
    init?(json: Any) {
        guard let object = json as? [String: Any] else { return nil }
        if let error = object["error"] as? [String: Any] {
            guard let nested = Self(fields: error) else { return nil }
            self = nested
        } else if let error = object["error"] as? String {
            self.init(text: error)
        } else if let detail = object["detail"] {
            self.init(text: (detail as? String) ?? Self.compact(detail))
        } else if let flat = Self(fields: object) {
            self = flat
        } else {
            return nil
        }
        if text.isEmpty { return nil }
    }

    private init?(fields: [String: Any]) {
        guard let message = fields["message"] as? String ?? fields["msg"] as? String else { return nil }
        let code = (fields["code"] as? Int) ?? (fields["code"] as? String).flatMap { Int($0) }
        self.init(text: message, type: fields["type"] as? String, code: code)
    }

    /// Whether the failure is passing (overload, rate limit, server fault), so a retry may help.
    var isTransient: Bool {
        let transientTypes: Set<String> = [
            "overloaded_error", "api_error", "rate_limit_error", "timeout_error", "server_error",
            "internalservererror", "serviceunavailableerror", "unavailable_error",
        ]
        if let type, transientTypes.contains(type.lowercased()) { return true }
        if let code, code == 408 || code == 429 || (500...599).contains(code) { return true }
        return text.lowercased().contains("overloaded")
    }

    private static func compact(_ value: Any) -> String {
        guard JSONSerialization.isValidJSONObject(value), let data = try? JSONSerialization.data(withJSONObject: value)
        else { return String(describing: value) }
        return String(decoding: data, as: UTF8.self)
    }

    /// One line, control characters replaced by spaces, runs of blanks folded, at most `limit`
    /// characters (then ending with `…`); nil keeps the whole length. Text that may hold the
    /// API key is scrubbed before it is shortened (``ModelServer/quote(_:limit:)``), so that a
    /// key cut in two never keeps its start.
    static func clean(_ text: String, limit: Int? = maximumLength) -> String {
        var line = ""
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            let isBlank = scalar.properties.generalCategory == .control || scalar == " " || scalar == "\u{2028}" || scalar == "\u{2029}"
            if isBlank {
                if !lastWasSpace { line.unicodeScalars.append(" ") }
                lastWasSpace = true
            } else {
                line.unicodeScalars.append(scalar)
                lastWasSpace = false
            }
        }
        if line.hasSuffix(" ") { line.removeLast() }
        if let limit, line.count > limit { line = String(line.prefix(limit)) + "…" }
        return line
    }
}
