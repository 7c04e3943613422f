import ArgumentParser
import ParleyCore
import ParleyEngine
import TerminalKit

/// The event log a debate is recorded to with `--record`.
enum Recording {
    /// Starts recording `debate` to `path`; nil when no path was given. Registers the file so
    /// that it is closed when a signal ends the program.
    static func start(_ path: String?, for debate: Debate) throws -> EventLogWriter? {
        guard let path else { return nil }
        do {
            let writer = try EventLogWriter(path: path)
            debate.record(to: writer)
            // A signal closes it (writing what waits); a crash fsyncs and closes its descriptor.
            _ = TerminalRestore.addCleanup { writer.close() }
            _ = TerminalRestore.addCrashFile(writer.descriptor)
            return writer
        } catch {
            Console.error("parley: \(error)")
            throw ExitCode.badDebate
        }
    }
}
