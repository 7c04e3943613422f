import Foundation
import TerminalKit

/// `--crash-in-two-threads`: two threads crash one after the other while the first one's crash
/// handler is still at work, the way two threads trap at once in a real crash — made certain
/// rather than left to chance:
///
/// - a pipe's write end is registered as a crash file: the handler closing it wakes a second
///   thread, blocked reading the pipe, which then force-unwraps nil itself;
/// - a TCP socket on loopback whose peer never reads, its buffers full and set to linger, is
///   registered after it: closing it keeps the first handler busy for `lingerSeconds`, the
///   window in which the second crash lands.
///
/// The first thread (the caller) then force-unwraps nil.
enum TwoThreadCrash {
    static let lingerSeconds: Int32 = 3

    static func start() -> Never {
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0, TerminalRestore.addCrashFile(pipeEnds[1]) else { fail("cannot set up the pipe") }
        TerminalRestore.addCrashFile(lingeringSocket())
        let readEnd = pipeEnds[0]
        let second = Thread {
            var byte: UInt8 = 0
            while read(readEnd, &byte, 1) < 0 && errno == EINTR {}
            // The first thread's crash handler has closed the pipe: crash now, inside its window.
            let missing = ProcessInfo.processInfo.environment["TERMINAL_CHECK_NEVER_SET"].flatMap { Int($0) }
            print(missing!)
        }
        second.name = "SecondCrash"
        second.start()
        let missing = ProcessInfo.processInfo.environment["TERMINAL_CHECK_NEVER_SET_EITHER"].flatMap { Int($0) }
        print(missing!)
        fatalError("unreachable")
    }

    /// A connected loopback socket whose peer never reads, filled until it would block, set to
    /// linger on close: closing it blocks for `lingerSeconds`.
    private static func lingeringSocket() -> Int32 {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(listener, generic, length) == 0 && listen(listener, 1) == 0 && getsockname(listener, generic, &length) == 0
            }
        }
        guard bound else { fail("cannot listen on loopback") }
        let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var small: Int32 = 4096
        setsockopt(client, SOL_SOCKET, SO_SNDBUF, &small, socklen_t(MemoryLayout<Int32>.size))
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(client, $0, length) == 0 }
        }
        let peer = accept(listener, nil, nil)
        guard connected, peer >= 0 else { fail("cannot connect on loopback") }
        setsockopt(peer, SOL_SOCKET, SO_RCVBUF, &small, socklen_t(MemoryLayout<Int32>.size))
        _ = fcntl(client, F_SETFL, fcntl(client, F_GETFL) | O_NONBLOCK)
        let block = [UInt8](repeating: 0x2A, count: 4096)
        while write(client, block, block.count) > 0 {}
        _ = fcntl(client, F_SETFL, fcntl(client, F_GETFL) & ~O_NONBLOCK)
        var lingering = linger(l_onoff: 1, l_linger: lingerSeconds)
        setsockopt(client, SOL_SOCKET, SO_LINGER, &lingering, socklen_t(MemoryLayout<linger>.size))
        return client
    }

    private static func fail(_ what: String) -> Never {
        FileHandle.standardError.write(Data("terminal-check: --crash-in-two-threads: \(what)\n".utf8))
        exit(2)
    }
}
