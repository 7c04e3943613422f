import Foundation

/// Where `parley attach` goes: a server (`http://127.0.0.1:7878`, `127.0.0.1:7878`,
/// `https://host:7878`, `unix:/run/parley.sock`) and, when the URL names one, a debate
/// (`http://127.0.0.1:7878/debates/3f2a9c1e`).
public struct AttachTarget: Sendable, Equatable {
    /// The server's base URL as the HTTP client takes it, without a trailing `/`.
    public var server: String
    /// The server as the person wrote it, for the status bar and messages.
    public var shown: String
    /// The debate's id, when the URL names one.
    public var debate: String?

    /// Reads what the person typed.
    /// - Throws: ``AttachError`` saying what a server URL looks like.
    public init(_ text: String) throws(AttachError) {
        let text = text.trimmingCharacters(in: .whitespaces)
        let example = "like http://127.0.0.1:7878, 127.0.0.1:7878/debates/ID or unix:/path/to/parley.sock"
        if text.hasPrefix("unix:") {
            let path = String(text.dropFirst("unix:".count))
            guard path.hasPrefix("/"), let host = path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) else {
                throw AttachError("'\(text)' is no Unix socket: give its absolute path, unix:/path/to/parley.sock")
            }
            server = "http+unix://\(host)"
            shown = text
            debate = nil
            return
        }
        let withScheme = text.contains("://") ? text : "http://\(text)"
        guard let url = URLComponents(string: withScheme), let scheme = url.scheme?.lowercased(),
            ["http", "https"].contains(scheme), let host = url.host, !host.isEmpty
        else { throw AttachError("'\(text)' is not a server's URL: give one \(example)") }
        guard url.user == nil, url.password == nil, url.query == nil else {
            throw AttachError("'\(text)': give the server's URL without a user, password or query; the token goes in PARLEY_TOKEN")
        }
        let parts = url.path.split(separator: "/").map(String.init)
        switch parts.count {
        case 0: debate = nil
        case 1 where parts[0] == "debates": debate = nil
        case 2 where parts[0] == "debates", 3 where parts[0] == "debates" && parts[2] == "events": debate = parts[1]
        default:
            throw AttachError("'\(text)': the path must be /debates/ID (or nothing, to choose from the server's debates)")
        }
        let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        server = "\(scheme)://\(bracketed)\(url.port.map { ":\($0)" } ?? "")"
        shown = "\(bracketed)\(url.port.map { ":\($0)" } ?? "")"
    }
}
