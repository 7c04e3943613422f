import Foundation
import ParleyCore

/// A backend's base URL, checked once and split for labels, endpoints and messages.
package struct ServerAddress: Sendable, Hashable {
    /// The base URL as configured, without a trailing slash and without its query: what messages show.
    let base: String
    /// `http` or `https`.
    package let scheme: String
    /// The host name or address.
    package let host: String
    /// The port, when the URL names one.
    let port: Int?
    /// The base URL's parts, to build endpoint URLs from (its query kept: `?api-version=…`).
    private let components: URLComponents

    /// Reads a base URL.
    /// - Throws: ``ModelError`` of kind `configuration` when it is not an http(s) URL with a host,
    ///   or it carries a credential (user name and password, a key in its query, a fragment); the
    ///   message then does not show the URL.
    init(_ baseURL: String) throws(ModelError) {
        var trimmed = baseURL.trimmingCharacters(in: .whitespaces)
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard var components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else {
            throw ModelError(
                kind: .configuration, url: CredentialShape.looksLikeKey(baseURL) ? nil : baseURL,
                message: "base_url '\(ServerMessage.clean(baseURL, limit: 120))' is not an http:// or https:// URL — set `base_url` to the API's address, e.g. \(OpenAIConfig.defaultBaseURL)",
                retryable: false)
        }
        if let part = components.credentialPart {
            throw ModelError(
                kind: .configuration, url: nil,
                message: "base_url for \(host) carries a credential in \(part), where it would be logged and shown — remove it, and name the environment variable that holds the key with `api_key_env`",
                retryable: false)
        }
        while components.path.hasSuffix("/") { components.path.removeLast() }
        var shown = components
        shown.query = nil
        self.base = shown.string ?? trimmed
        self.scheme = scheme
        self.host = host
        self.port = components.port
        self.components = components
    }

    /// The URL of an endpoint below the base: `url("chat/completions")` is
    /// `http://127.0.0.1:8571/v1/chat/completions`, the base's query (if any) after the path.
    package func url(_ path: String) -> String {
        var endpoint = components
        endpoint.percentEncodedPath += "/" + path
        return endpoint.string ?? base + "/" + path
    }

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
        // A base URL that is refused is not shown: it may carry a key.
        let place = (try? ServerAddress(baseURL))?.hostAndPort ?? URLComponents(string: baseURL)?.host ?? "an unusable base_url"
        return "\(model) @ \(place)"
    }
}
