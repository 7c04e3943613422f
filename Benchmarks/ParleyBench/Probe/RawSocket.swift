#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ParleyModels

/// A plain blocking TCP connection over POSIX sockets, with nothing between the caller and the
/// wire: the baseline the first-token probe compares Parley's HTTP stack against.
/// Use it from a thread of its own, never from a Swift concurrency task.
struct RawSocket: ~Copyable {
    private let descriptor: Int32

    /// Connects to `host:port`, with `timeout` seconds (at most a day) for each receive.
    /// - Throws: ``ModelError`` of kind `unreachable` when the host cannot be found or reached.
    init(host: String, port: Int, timeout: Double) throws(ModelError) {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &found) == 0, let first = found else {
            throw ModelError(kind: .unreachable, message: "cannot find the host '\(host)'", retryable: false)
        }
        defer { freeaddrinfo(found) }
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let address = candidate {
            let fd = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
            if fd >= 0 {
                var on: Int32 = 1
                #if canImport(Darwin)
                // Darwin has no MSG_NOSIGNAL: without this, a send after the server closed
                // would raise SIGPIPE and end the process.
                _ = setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
                #endif
                if connect(fd, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 {
                    _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
                    let seconds = TimeoutSeconds.clamped(timeout)
                    var wait = timeval()
                    wait.tv_sec = .init(seconds.rounded(.down))
                    wait.tv_usec = .init((seconds - seconds.rounded(.down)) * 1_000_000)
                    _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
                    descriptor = fd
                    return
                }
                _ = close(fd)
            }
            candidate = address.pointee.ai_next
        }
        throw ModelError(kind: .unreachable, message: "cannot connect to \(host):\(port)", retryable: false)
    }

    deinit {
        _ = close(descriptor)
    }

    /// Sends every byte.
    /// - Throws: ``ModelError`` of kind `stream` when the connection fails.
    func send(_ bytes: [UInt8]) throws(ModelError) {
        var sent = 0
        while sent < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                Self.sendSome(descriptor, buffer.baseAddress! + sent, buffer.count - sent)
            }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { throw ModelError(kind: .stream, message: "the connection failed while sending", retryable: false) }
            sent += result
        }
    }

    /// Receives what is there, up to 64 KiB; empty at the end of the stream.
    /// - Throws: ``ModelError`` of kind `timeout` or `stream`.
    func receive() throws(ModelError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count >= 0 { return Array(buffer.prefix(count)) }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK {
                throw ModelError(kind: .timeout, message: "no data from the server before the timeout", retryable: false)
            }
            throw ModelError(kind: .stream, message: "the connection failed while receiving", retryable: false)
        }
    }

    private static func sendSome(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.send(fd, bytes, count, Int32(MSG_NOSIGNAL))
        #else
        Darwin.send(fd, bytes, count, 0)  // SIGPIPE is off for the socket (SO_NOSIGPIPE)
        #endif
    }
}
