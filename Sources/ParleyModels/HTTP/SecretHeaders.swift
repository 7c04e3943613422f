/// Which header values are secrets, so logs show `[redacted]` instead of them.
enum SecretHeaders {
    /// Name fragments that mark a header as carrying a credential.
    private static let markers = ["auth", "key", "token", "secret", "password", "passwd", "credential", "cookie", "session", "signature"]

    /// Whether a header's value must never be logged: `authorization`, `x-api-key`, and any
    /// header whose name suggests a secret.
    static func isSecret(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return markers.contains { lowered.contains($0) }
    }

    /// Headers as one log field, secrets redacted: `accept=text/event-stream, x-api-key=[redacted]`.
    static func describe(_ headers: [(String, String)]) -> String {
        headers.map { name, value in "\(name.lowercased())=\(isSecret(name) ? "[redacted]" : value)" }.joined(separator: ", ")
    }
}
