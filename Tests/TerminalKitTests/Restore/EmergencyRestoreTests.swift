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
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("crash-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let recording = open(path, O_WRONLY | O_CREAT, 0o600)
        let kept = open(path, O_RDONLY)
        defer { close(kept) }
        #expect(recording >= 0 && kept >= 0)
        #expect(parley_emergency_add_fd(state, recording) == 0)
        #expect(parley_emergency_add_fd(state, kept) == 0)
        parley_emergency_remove_fd(state, kept)
        parley_emergency_close_files(state)
        #expect(fcntl(recording, F_GETFD) == -1 && errno == EBADF, "the recording is closed")
        #expect(fcntl(kept, F_GETFD) != -1, "a removed file stays open")
    }

    @Test("the crash-file list holds 32 files and says when it is full")
    func crashFileListIsBounded() {
        let state = UnsafeMutablePointer<parley_emergency>.allocate(capacity: 1)
        defer { state.deallocate() }
        parley_emergency_init(state)
        for fd in 100..<132 { #expect(parley_emergency_add_fd(state, Int32(fd)) == 0) }
        #expect(parley_emergency_add_fd(state, 200) == -1)
    }
}
