import Foundation

/// How `parley serve` (or `parley run --serve`) listens and who may talk to it.
public struct ServeSettings: Sendable {
    /// Where it listens: an address and port, or a Unix socket.
    public var address: ServeAddress
    /// Where debates are recorded, one `{id}.jsonl` each.
    public var dataDirectory: String
    /// The token every request must bring (`Authorization: Bearer …`); nil for none.
    public var token: String?
    /// A token that may watch (list, stream, read logs) but not steer; nil for none.
    public var readToken: String?
    /// Whether clients may start debates (`POST /debates`, forks): `parley serve`'s do; `parley
    /// run --serve` serves its one debate only.
    public var startsDebates = true
    /// The certificate and key it answers HTTPS with; nil for plain HTTP.
    let tls: ServeTLS?

    /// The default address: `127.0.0.1:7878`.
    public static let defaultListen = "127.0.0.1:7878"

    /// Makes settings from what `parley serve` was given.
    /// - Parameters:
    ///   - listen: `ADDR:PORT` (`127.0.0.1:7878`, `[::1]:7878`, `0.0.0.0:80`) or `unix:PATH`.
    ///   - data: the data folder; nil for `$XDG_DATA_HOME/parley/debates` (or
    ///     `~/.local/share/parley/debates`).
    ///   - certificate: the TLS certificate (PEM), for HTTPS; with `key`.
    ///   - key: the certificate's private key (PEM).
    ///   - environment: where `PARLEY_TOKEN` and `PARLEY_READ_TOKEN` are read.
    /// - Throws: ``ServeError`` when the address is malformed, or is not loopback (nor a Unix
    ///   socket) and no `PARLEY_TOKEN` is set, or when the certificate and key cannot be used.
    public init(
        listen: String = defaultListen, data: String? = nil, certificate: String? = nil, key: String? = nil,
        environment: [String: String]
    ) throws(ServeError) {
        address = try ServeAddress(listen)
        dataDirectory = data ?? Self.defaultDataDirectory(environment)
        token = environment["PARLEY_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        readToken = environment["PARLEY_READ_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        if readToken != nil && token == nil {
            throw ServeError(
                "PARLEY_READ_TOKEN is set but PARLEY_TOKEN is not: without a steering token anyone could steer; set PARLEY_TOKEN too")
        }
        if !address.isLocal && token == nil {
            throw ServeError(
                "refusing to listen on \(listen) without a token: anyone who can reach it could start and steer debates; "
                    + "set PARLEY_TOKEN (clients send it as 'Authorization: Bearer …'), or listen on 127.0.0.1 or unix:PATH")
        }
        switch (certificate, key) {
        case (let certificate?, let key?): tls = try ServeTLS(certificate: certificate, key: key)
        case (nil, nil): tls = nil
        case (_?, nil): throw ServeError("--tls-cert needs --tls-key: the certificate's private key (PEM)")
        case (nil, _?): throw ServeError("--tls-key needs --tls-cert: the certificate (PEM) the key belongs to")
        }
    }

    /// The address's host (empty for a Unix socket).
    public var host: String {
        if case .network(let host, _) = address { host } else { "" }
    }

    /// The port asked for (0 for a Unix socket, or to let the system choose).
    public var port: Int {
        if case .network(_, let port) = address { port } else { 0 }
    }

    /// Whether it answers HTTPS.
    public var usesTLS: Bool { tls != nil }

    /// What a person should know before it listens: a token sent in clear over the network.
    public var warnings: [String] {
        guard !address.isLocal, tls == nil else { return [] }
        return [
            "\(address.text) is reachable from other machines and the server answers plain HTTP: PARLEY_TOKEN and every "
                + "debate travel in clear; give --tls-cert and --tls-key, or reach it through an SSH tunnel"
        ]
    }

    /// The base URL clients use, with the port actually listened on.
    public func url(port listened: Int) -> String {
        address.url(port: listened, tls: usesTLS)
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
}

/// Why `parley serve` cannot start, and what to do.
public struct ServeError: Error, Sendable, CustomStringConvertible {
    /// What went wrong and what to do.
    public var description: String
    init(_ description: String) { self.description = description }
}
