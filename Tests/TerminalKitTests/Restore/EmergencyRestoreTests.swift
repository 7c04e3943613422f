import ParleyTestSupport
import CNcursesw
import Foundation
import Testing
@testable import TerminalKit

/// The async-signal-safe C side of TerminalRestore, on a state of its own (not the process's).
@Suite("Emergency restore")
struct EmergencyRestoreTests {
    /// Runs `body` with a fresh state in curses mode, whose "terminal" is the write end of a
    /// pipe and whose leave sequence is `leave`, and with the pipe's read end.
    private func inCursesMode(leaving leave: String, _ body: (UnsafeMutablePointer<parley_emergency>, Int32) -> Void) {
        let state = UnsafeMutablePointer<parley_emergency>.allocate(capacity: 1)
        parley_emergency_init(state)
        var fds: [Int32] = [-1, -1]
        _ = parley_pipe(&fds)
        defer {
            close(fds[0])
            close(fds[1])
            state.deallocate()
        }
        state.pointee.tty_fd = fds[1]
        let bytes = Array(leave.utf8).map { CChar(bitPattern: $0) }
        parley_emergency_enter_curses(state, bytes, bytes.count)
        body(state, fds[0])
    }

    private func readAll(_ fd: Int32) -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 256)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 { return bytes }
            bytes += buffer[0..<count]
        }
    }

    @Test("in curses mode, restoring writes CAN then the leave sequence, once")
    func writesLeaveSequenceOnce() {
        inCursesMode(leaving: "\u{1B}[?1000l\u{1B}[?1049l") { state, readEnd in
            parley_emergency_restore_terminal(state)
            #expect(readAll(readEnd) == [0x18] + Array("\u{1B}[?1000l\u{1B}[?1049l".utf8))
            parley_emergency_restore_terminal(state)
            #expect(readAll(readEnd).isEmpty, "a second restore writes nothing")
        }
    }

    @Test("out of curses mode, restoring writes nothing")
    func silentOutsideCurses() {
        inCursesMode(leaving: "\u{1B}[?1049l") { state, readEnd in
            parley_emergency_leave_curses(state)
            parley_emergency_restore_terminal(state)
            #expect(readAll(readEnd).isEmpty)
        }
    }

    @Test("crash files are fsynced and closed, removed ones are left alone")
    func closesCrashFiles() throws {
        let state = UnsafeMutablePointer<parley_emergency>.allocate(capacity: 1)
        defer { state.deallocate() }
        parley_emergency_init(state)
        let file = try ScratchFile.empty()
        let recording = file.opened(O_WRONLY)
        let kept = file.opened(O_RDONLY)
        defer { close(kept.fd) }
        #expect(parley_emergency_add_fd(state, recording.fd) == 0)
        #expect(parley_emergency_add_fd(state, kept.fd) == 0)
        parley_emergency_remove_fd(state, kept.fd)
        parley_emergency_close_files(state)
        #expect(!recording.isOpen, "the recording is closed")
        #expect(kept.isOpen, "a removed file stays open")
        #expect(registeredFiles(state).isEmpty, "the list is emptied")
    }

    @Test("the crash-file list holds 32 files, says when it is full, and refuses a negative one")
    func crashFileListIsBounded() {
        let state = UnsafeMutablePointer<parley_emergency>.allocate(capacity: 1)
        defer { state.deallocate() }
        parley_emergency_init(state)
        #expect(parley_emergency_add_fd(state, -1) == -1)
        for fd in 100..<132 { #expect(parley_emergency_add_fd(state, Int32(fd)) == 0) }
        #expect(parley_emergency_add_fd(state, 200) == -1)
    }

    @Test("files added from many threads at once each get a slot of their own")
    func concurrentAdds() {
        let state = UnsafeMutablePointer<parley_emergency>.allocate(capacity: 1)
        defer { state.deallocate() }
        parley_emergency_init(state)
        let address = Int(bitPattern: state)
        DispatchQueue.concurrentPerform(iterations: 32) { index in
            let state = UnsafeMutablePointer<parley_emergency>(bitPattern: address)!
            _ = parley_emergency_add_fd(state, Int32(100 + index))
        }
        #expect(registeredFiles(state).sorted() == Array(100..<132))
    }

    /// The file descriptors in a state's crash-file list.
    private func registeredFiles(_ state: UnsafeMutablePointer<parley_emergency>) -> [Int32] {
        withUnsafeBytes(of: &state.pointee.crash_fds) { Array($0.bindMemory(to: Int32.self)) }.filter { $0 >= 0 }
    }

    // MARK: - SIGINT as a key

    /// A fresh state whose wake and signal pipes are real, with their read ends, running `body`.
    private func withSignalPipes(_ body: (UnsafeMutablePointer<parley_emergency>, _ wake: Int32, _ signals: Int32) -> Void) {
        let state = UnsafeMutablePointer<parley_emergency>.allocate(capacity: 1)
        parley_emergency_init(state)
        var wake: [Int32] = [-1, -1]
        var signals: [Int32] = [-1, -1]
        _ = parley_pipe(&wake)
        _ = parley_pipe(&signals)
        defer {
            (wake + signals).forEach { close($0) }
            state.deallocate()
        }
        state.pointee.wake_pipe_fd = wake[1]
        state.pointee.signal_pipe_fd = signals[1]
        body(state, wake[0], signals[0])
    }

    @Test("while interrupts are keys, SIGINT wakes the input watch with C and stops nothing")
    func interruptIsAKey() {
        withSignalPipes { state, wake, signals in
            parley_emergency_interrupt_as_key(state, 1)
            parley_emergency_stop_signal(state, SIGINT)
            #expect(readAll(wake) == Array("C".utf8))
            #expect(readAll(signals).isEmpty, "the restore thread is not woken")
            #expect(state.pointee.stopping == 0)
        }
    }

    @Test("SIGTERM stops the program even while interrupts are keys; SIGINT does when they are not")
    func stopSignalsStillStop() {
        withSignalPipes { state, wake, signals in
            parley_emergency_interrupt_as_key(state, 1)
            parley_emergency_stop_signal(state, SIGTERM)
            #expect(readAll(signals) == [UInt8(SIGTERM)])
            #expect(readAll(wake).isEmpty)
        }
        withSignalPipes { state, wake, signals in
            parley_emergency_interrupt_as_key(state, 1)
            parley_emergency_interrupt_as_key(state, 0)
            parley_emergency_stop_signal(state, SIGINT)
            #expect(readAll(signals) == [UInt8(SIGINT)])
            #expect(readAll(wake).isEmpty)
        }
    }

    @Test("while stops are keys, the first SIGTERM or SIGHUP wakes the watch with T or H and the next stops the program; off, they stop it")
    func stopIsAKey() {
        withSignalPipes { state, wake, signals in
            parley_emergency_stop_as_key(state, 1)
            parley_emergency_stop_signal(state, SIGTERM)
            #expect(readAll(wake) == Array("T".utf8))
            #expect(readAll(signals).isEmpty, "the restore thread is not woken")
            // Once only: a program that did not act on the first one is stopped by the next.
            parley_emergency_stop_signal(state, SIGHUP)
            #expect(readAll(wake).isEmpty)
            #expect(readAll(signals) == [UInt8(SIGHUP)])
        }
        withSignalPipes { state, wake, signals in
            parley_emergency_stop_as_key(state, 1)
            parley_emergency_stop_signal(state, SIGHUP)
            #expect(readAll(wake) == Array("H".utf8))
            #expect(readAll(signals).isEmpty)
        }
        withSignalPipes { state, wake, signals in
            parley_emergency_stop_as_key(state, 1)
            parley_emergency_stop_as_key(state, 0)
            parley_emergency_stop_signal(state, SIGTERM)
            #expect(readAll(signals) == [UInt8(SIGTERM)])
            #expect(readAll(wake).isEmpty)
        }
    }

    @Test("a third Ctrl-C the program has not read stops it; read ones do not count")
    func unreadInterruptsStop() {
        withSignalPipes { state, wake, signals in
            parley_emergency_interrupt_as_key(state, 1)
            parley_emergency_stop_signal(state, SIGINT)
            parley_emergency_stop_signal(state, SIGINT)
            #expect(readAll(wake) == Array("CC".utf8))
            parley_emergency_interrupts_read(state, 2)
            parley_emergency_stop_signal(state, SIGINT)
            parley_emergency_stop_signal(state, SIGINT)
            #expect(readAll(wake) == Array("CC".utf8), "two read, two more are keys")
            #expect(readAll(signals).isEmpty)
            parley_emergency_stop_signal(state, SIGINT)
            #expect(readAll(wake).isEmpty)
            #expect(readAll(signals) == [UInt8(SIGINT)], "the third unread one goes to the restore thread")
            #expect(state.pointee.stopping == 1)
        }
    }
}
