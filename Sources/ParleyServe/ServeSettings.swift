import Foundation

/// How `parley serve` listens and who may talk to it.
public struct ServeSettings: Sendable {
    /// The address listened on (`127.0.0.1`, `::1`, `0.0.0.0` …).
    public var host: String
    /// The port; 0 lets the system choose one (tests).
    public var port: Int
    /// Where debates are recorded, one `{id}.jsonl` each.
    public var dataDirectory: String
    /// The token every request must bring (`Authorization: Bearer …`); nil for none.
    public var token: String?
    /// A token that may watch (list, stream, read logs) but not steer; nil for none.
    public var readToken: String?

    /// The default address: `127.0.0.1:7878`.
    public static let defaultListen = "127.0.0.1:7878"

    /// Makes settings from what `parley serve` was given.
    /// - Parameters:
    ///   - listen: `ADDR:PORT` (`127.0.0.1:7878`, `[::1]:7878`, `0.0.0.0:80`).
    ///   - data: the data folder; nil for `$XDG_DATA_HOME/parley/debates` (or
    ///     `~/.local/share/parley/debates`).
    ///   - environment: where `PARLEY_TOKEN` and `PARLEY_READ_TOKEN` are read.
    /// - Throws: ``ServeError`` when the address is malformed, or is not loopback and no
    ///   `PARLEY_TOKEN` is set.
    public init(listen: String = defaultListen, data: String? = nil, environment: [String: String]) throws(ServeError) {
        (host, port) = try Self.split(listen)
        dataDirectory = data ?? Self.defaultDataDirectory(environment)
        token = environment["PARLEY_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        readToken = environment["PARLEY_READ_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        if readToken != nil && token == nil {
            throw ServeError(
                "PARLEY_READ_TOKEN is set but PARLEY_TOKEN is not: without a steering token anyone could steer; set PARLEY_TOKEN too")
        }
        if !Self.isLoopback(host) && token == nil {
            throw ServeError(
                "refusing to listen on \(listen) without a token: anyone who can reach it could start and steer debates; "
                    + "set PARLEY_TOKEN (clients send it as 'Authorization: Bearer …'), or listen on 127.0.0.1")
        }
    }

    /// Whether `host` is a loopback address (`127.x.x.x`, `::1`, `localhost`).
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// `$XDG_DATA_HOME/parley/debates`, or `~/.local/share/parley/debates`.
    static func defaultDataDirectory(_ environment: [String: String]) -> String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/parley/debates" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/parley/debates"
    }

    /// `ADDR:PORT` split; `[v6]:PORT` for IPv6.
    static func split(_ listen: String) throws(ServeError) -> (String, Int) {
        let bad = ServeError("--listen takes ADDR:PORT, like 127.0.0.1:7878 or [::1]:7878, not '\(listen)'")
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]),
            (0...65535).contains(port)
        else { throw bad }
        var host = String(listen[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, !host.contains(" ") else { throw bad }
        return (host, port)
    }
}

/// Why `parley serve` cannot start, and what to do.
public struct ServeError: Error, Sendable, CustomStringConvertible {
    /// What went wrong and what to do.
    public var description: String
    init(_ description: String) { self.description = description }
}
