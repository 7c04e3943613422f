import ParleyTestSupport
import Foundation
import Synchronization
import Testing
@testable import TerminalKit

/// TerminalRestore's Swift side, on the process's own state. (What the signals do is tested in a
/// real terminal, in TerminalCheckTests.)
@Suite("Terminal restore", .serialized)
struct TerminalRestoreTests {
    @Test("a registered file is fsynced and closed by the emergency path; a removed one is not")
    func crashFiles() throws {
        let file = try ScratchFile.empty()
        let recording = file.opened(O_WRONLY)
        let removed = file.opened(O_RDONLY)
        defer { close(removed.fd) }
        #expect(TerminalRestore.addCrashFile(recording.fd))
        #expect(TerminalRestore.addCrashFile(removed.fd))
        #expect(!TerminalRestore.addCrashFile(-1), "a negative descriptor is refused")
        TerminalRestore.removeCrashFile(removed.fd)
        TerminalRestore.closeCrashFiles()
        #expect(!recording.isOpen, "the registered file is closed")
        #expect(removed.isOpen, "the removed file is left open")
    }

    @Test("cleanup hooks run in the order they were added; a removed one does not run")
    func cleanupHooks() {
        let ran = RunLog()
        let first = TerminalRestore.addCleanup { ran.append("first") }
        let second = TerminalRestore.addCleanup { ran.append("second") }
        let third = TerminalRestore.addCleanup { ran.append("third") }
        defer { [first, third].forEach(TerminalRestore.removeCleanup) }
        TerminalRestore.removeCleanup(second)
        TerminalRestore.removeCleanup(second)
        TerminalRestore.runCleanupHooks()
        #expect(ran.entries == ["first", "third"])
    }
}

/// What ran, in order, from any thread.
private final class RunLog: Sendable {
    private let log = Mutex<[String]>([])

    func append(_ entry: String) { log.withLock { $0.append(entry) } }

    var entries: [String] { log.withLock { $0 } }
}
