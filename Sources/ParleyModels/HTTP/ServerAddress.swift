import Foundation

/// A backend's base URL, checked once and split for labels, endpoints and messages.
package struct ServerAddress: Sendable, Hashable {
    /// The base URL as configured, without a trailing slash.
    let base: String
    /// `http` or `https`.
    package let scheme: String
    /// The host name or address.
    package let host: String
    /// The port, when the URL names one.
    let port: Int?

    /// Reads a base URL.
    /// - Throws: ``ModelError`` of kind `configuration` when it is not an http(s) URL with a host.
    init(_ baseURL: String) throws(ModelError) {
        var trimmed = baseURL.trimmingCharacters(in: .whitespaces)
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty
        else {
            throw ModelError(
                kind: .configuration, url: baseURL,
                message: "base_url '\(baseURL)' is not an http:// or https:// URL — set `base_url` to the API's address, e.g. \(OpenAIConfig.defaultBaseURL)",
                retryable: false)
        }
        self.base = trimmed
        self.scheme = scheme
        self.host = host
        self.port = url.port
    }

    /// The URL of an endpoint below the base: `url("chat/completions")`.
    package func url(_ path: String) -> String { base + "/" + path }

    /// `127.0.0.1:11434`, or just the host when the URL names no port.
    package var hostAndPort: String { port.map { "\(host):\($0)" } ?? host }

    /// Whether the server runs on this machine (loopback).
    var isLoopback: Bool {
        let name = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return name == "localhost" || name == "::1" || name.hasPrefix("127.")
    }

    /// The port a connection goes to.
    package var effectivePort: Int { port ?? (scheme == "https" ? 443 : 80) }

    /// A pane label for a model served here: `llama3.2 @ 127.0.0.1:11434`.
    static func label(model: String, baseURL: String) -> String {
        let place = (try? ServerAddress(baseURL))?.hostAndPort ?? baseURL
        return "\(model) @ \(place)"
    }
}
