import ArgumentParser
import ParleyCore
import ParleyEngine
import TerminalKit

/// The event log a debate is recorded to with `--record`, closed whole however the program ends:
/// normally, by a signal (a cleanup hook closes it, writing what waits), or by a crash (the
/// crash handler fsyncs and closes its descriptor).
final class Recording: Sendable {
    /// The writer the debate records to.
    let writer: EventLogWriter
    private let descriptor: Int32
    private let cleanup: TerminalRestore.CleanupID

    private init(_ writer: EventLogWriter) {
        self.writer = writer
        descriptor = writer.descriptor
        TerminalRestore.install()
        let descriptor = self.descriptor
        cleanup = TerminalRestore.addCleanup {
            TerminalRestore.removeCrashFile(descriptor)
            writer.close()
        }
        TerminalRestore.addCrashFile(descriptor)
    }

    /// Starts recording `debate` to `path`; nil when no path was given.
    /// - Throws: ``ExitCode/badDebate`` after saying why, when the file cannot be written.
    static func start(_ path: String?, for debate: Debate) throws -> Recording? {
        guard let path else { return nil }
        do {
            let recording = Recording(try EventLogWriter(path: path))
            debate.record(to: recording.writer)
            return recording
        } catch {
            Console.error("parley: \(error)")
            throw ExitCode.badDebate
        }
    }

    /// Where it goes.
    var path: String { writer.path }
    /// The first write error, if any.
    var failure: String? { writer.failure }

    /// Closes the log (writing what waits) and forgets the emergency arrangements for it.
    func close() {
        TerminalRestore.removeCleanup(cleanup)
        TerminalRestore.removeCrashFile(descriptor)
        writer.close()
    }
}
