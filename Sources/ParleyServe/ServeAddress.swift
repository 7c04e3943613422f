import Foundation

/// Where a server listens: an address and port, or a Unix domain socket.
public enum ServeAddress: Sendable, Equatable {
    /// `ADDR:PORT`: `127.0.0.1:7878`, `[::1]:7878`, `0.0.0.0:80` (port 0 lets the system choose).
    case network(host: String, port: Int)
    /// `unix:/path/to.sock`: a Unix domain socket, guarded by its file's permissions.
    case socket(path: String)

    /// Reads what `--listen` (or `--serve-on`) was given.
    /// - Throws: ``ServeError`` saying which spellings it takes.
    public init(_ listen: String) throws(ServeError) {
        if listen.hasPrefix("unix:") {
            let path = String(listen.dropFirst("unix:".count))
            guard !path.isEmpty else {
                throw ServeError("unix: takes the socket file's path, like unix:/run/parley/parley.sock, not '\(listen)'")
            }
            // sockaddr_un holds 108 bytes, the last a NUL.
            guard path.utf8.count < 108 else {
                throw ServeError("the socket path \(path) is \(path.utf8.count) bytes long; Unix sockets take at most 107: choose a shorter one")
            }
            self = .socket(path: path)
            return
        }
        let bad = ServeError("the address must be ADDR:PORT, like 127.0.0.1:7878 or [::1]:7878, or unix:/path/to.sock, not '\(listen)'")
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]),
            (0...65535).contains(port)
        else { throw bad }
        var host = String(listen[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, !host.contains(" ") else { throw bad }
        self = .network(host: host, port: port)
    }

    /// Whether only this machine can reach it: a loopback address (`127.x.x.x`, `::1`,
    /// `localhost`) or a Unix socket.
    public var isLocal: Bool {
        switch self {
        case .network(let host, _): ServeSettings.isLoopback(host)
        case .socket: true
        }
    }

    /// The base URL clients use, with the port actually listened on (the one asked for may be 0):
    /// `http://127.0.0.1:7878`, `https://[::1]:7878`, or `http+unix://%2Frun%2Fparley.sock` (as
    /// AsyncHTTPClient spells a socket; curl takes `--unix-socket PATH http://localhost`).
    public func url(port listened: Int, tls: Bool) -> String {
        switch self {
        case .network(let host, _):
            let shown = host.contains(":") ? "[\(host)]" : host
            return "\(tls ? "https" : "http")://\(shown):\(listened)"
        case .socket(let path):
            let encoded = path.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? path
            return "\(tls ? "https" : "http")+unix://\(encoded)"
        }
    }

    /// How a person names it: `127.0.0.1:7878`, `[::1]:7878`, `unix:/run/parley.sock`.
    public var text: String {
        switch self {
        case .network(let host, let port): "\(host.contains(":") ? "[\(host)]" : host):\(port)"
        case .socket(let path): "unix:\(path)"
        }
    }
}
