import CNcursesw
import Dispatch
import Foundation

/// What woke the input wait.
struct InputReadiness: Sendable, Hashable {
    /// The terminal has input to read.
    var hasInput = false
    /// SIGWINCH arrived: the terminal changed size.
    var resized = false
    /// SIGTSTP arrived (Ctrl-Z): give the terminal back and stop until continued.
    var suspended = false
    /// How many SIGINTs (Ctrl-C) arrived while they are keys.
    var interrupts = 0
    /// The terminal hung up: no more input will come.
    var hungUp = false
    /// SIGTERM or SIGHUP arrived while they are keys.
    var stopSignals: [Int32] = []

    var isEmpty: Bool { !hasInput && !resized && !suspended && interrupts == 0 && !hungUp && stopSignals.isEmpty }
}

/// A thread that waits, without any timeout, until the terminal has input, the window changed
/// size, Ctrl-Z or Ctrl-C was pressed, or the watch is ended, and then hands over to the main
/// actor, waiting until it has read everything before it waits again. Idle, it costs no CPU: it
/// sleeps in poll(2).
final class InputWatch: Sendable {
    private let stopPipe: (read: Int32, write: Int32)

    /// Starts watching `terminal` and `wakePipe` (written by the signal handlers: 'R' on SIGWINCH,
    /// 'S' on SIGTSTP, 'C' on SIGINT while it is a key, 'T' and 'H' on SIGTERM and SIGHUP while
    /// they are; see ``TerminalRestore``).
    /// - Parameter deliver: runs on the main actor for each wake-up; it must read all input.
    init?(terminal: Int32, wakePipe: Int32, deliver: @escaping @MainActor @Sendable (InputReadiness) -> Void) {
        var fds: [Int32] = [-1, -1]
        guard parley_pipe(&fds) == 0 else { return nil }
        stopPipe = (fds[0], fds[1])
        let stopRead = fds[0]
        let thread = Thread {
            Self.watch(terminal: terminal, wakePipe: wakePipe, stopPipe: stopRead, deliver: deliver)
            close(stopRead)
        }
        thread.name = "InputWatch"
        thread.start()
    }

    /// Ends the watch; the thread closes its end and exits after any hand-over in progress.
    func stop() {
        var byte = UInt8(ascii: "Q")
        _ = write(stopPipe.write, &byte, 1)
        close(stopPipe.write)
    }

    private static func watch(terminal: Int32, wakePipe: Int32, stopPipe: Int32, deliver: @escaping @MainActor @Sendable (InputReadiness) -> Void) {
        var watchingTerminal = true
        while true {
            var fds = [
                pollfd(fd: watchingTerminal ? terminal : -1, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wakePipe, events: Int16(POLLIN), revents: 0),
                pollfd(fd: stopPipe, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, nfds_t(fds.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            if fds[2].revents != 0 { return }
            var readiness = InputReadiness()
            if fds[1].revents & Int16(POLLIN) != 0 {
                let reasons = drain(wakePipe)
                readiness.resized = reasons.contains(UInt8(ascii: "R"))
                readiness.suspended = reasons.contains(UInt8(ascii: "S"))
                readiness.interrupts = reasons.count { $0 == UInt8(ascii: "C") }
                readiness.stopSignals = reasons.compactMap(TerminalRestore.stopSignal(woken:)).filter { $0 != SIGINT }
            }
            if fds[0].revents & Int16(POLLIN) != 0 { readiness.hasInput = true }
            if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                readiness.hungUp = true
                watchingTerminal = false
            }
            guard !readiness.isEmpty else { continue }
            let handedOver = DispatchSemaphore(value: 0)
            let moment = readiness
            Task { @MainActor in
                deliver(moment)
                handedOver.signal()
            }
            handedOver.wait()
        }
    }

    /// Throws away the wake-up reasons waiting in `wakePipe` (a non-blocking pipe; -1 for none).
    static func discardWakeReasons(_ wakePipe: Int32) {
        guard wakePipe >= 0 else { return }
        _ = drain(wakePipe)
    }

    /// Reads everything waiting in a non-blocking pipe: the wake-up reasons ('R' resize,
    /// 'S' suspend, 'C' interrupt, 'T' SIGTERM, 'H' SIGHUP), in order.
    private static func drain(_ fd: Int32) -> [UInt8] {
        var reasons: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = read(fd, &buffer, buffer.count)
            guard count > 0 else { return reasons }
            reasons += buffer[0..<count]
        }
    }
}
