import Foundation

/// A model server that takes connections and never answers: a real socket on 127.0.0.1 that
/// listens but never accepts, so the kernel completes each connection and keeps the request
/// it was sent, and the client waits for a reply that does not come — a model mid-reply, for as
/// long as the test needs.
final class SilentServer {
    /// The port it listens on.
    let port: Int
    private let socket: Int32

    /// `http://127.0.0.1:PORT/v1`.
    var baseURL: String { "http://127.0.0.1:\(port)/v1" }

    /// Starts listening on a free port.
    /// - Throws: `POSIXError` when the socket cannot be made, bound or listened on.
    init() throws {
        (socket, port) = try LoopbackSocket.bind(listening: true)
    }

    deinit { close(socket) }
}

/// A TCP socket bound to a free port on 127.0.0.1.
enum LoopbackSocket {
    /// Binds one (and listens on it, when `listening`); the caller closes it.
    /// - Throws: `POSIXError` when the socket cannot be made, bound or listened on.
    static func bind(listening: Bool) throws -> (socket: Int32, port: Int) {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                Glibc.bind(socket, address, length) == 0 && (!listening || listen(socket, 16) == 0)
                    && getsockname(socket, address, &length) == 0
            }
        }
        guard bound else {
            let error = POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            close(socket)
            throw error
        }
        return (socket, Int(UInt16(bigEndian: address.sin_port)))
    }
}

/// A loopback port free now: bound to, read, and let go.
enum FreePort {
    static func next() throws -> Int {
        let (socket, port) = try LoopbackSocket.bind(listening: false)
        close(socket)
        return port
    }
}
