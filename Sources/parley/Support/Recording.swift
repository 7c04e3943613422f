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
    /// - Throws: ``ExitCode/badDebate`` after saying why, when the file cannot be made;
    ///   ``ExitCode/recordingFailed`` when its first line cannot be written (`/dev/full`).
    static func start(_ path: String?, for debate: Debate) throws -> Recording? {
        guard let path else { return nil }
        let recording: Recording
        do {
            recording = Recording(try EventLogWriter(path: path))
        } catch {
            Console.error("parley: \(error)")
            throw ExitCode.badDebate
        }
        do {
            try recording.checkWritten()
        } catch {
            recording.close()
            throw error
        }
        debate.record(to: recording.writer)
        return recording
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
