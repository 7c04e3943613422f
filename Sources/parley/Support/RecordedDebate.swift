import ArgumentParser
import ParleyCore

/// A recording (`--record`) read for a command: its records, or what is wrong, said on stderr.
enum RecordedDebate {
    /// Reads the event log at `path`. A recording cut short (as a crash leaves it) is read up to
    /// the cut, and `cutShort` says on stderr what the command does with it.
    /// - Throws: ``ExitCode/badDebate`` after saying why, when the log cannot be read.
    static func read(_ path: String, cutShort: (Int) -> String) throws -> [EventRecord] {
        do {
            let contents = try EventLogReader.read(path: path)
            if contents.truncated { Console.error("parley: \(path): \(cutShort(contents.records.count))") }
            return contents.records
        } catch {
            Console.error("parley: \(error)")
            throw ExitCode.badDebate
        }
    }
}
