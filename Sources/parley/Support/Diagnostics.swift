import ArgumentParser
import Logging
import ParleyModels

/// The diagnostic log (`--log FILE`): the observer owns the terminal, so logs go to a file.
enum Diagnostics {
    /// Sends every logger to `path`, or silences them when nil; returns the models' logger.
    static func bootstrap(_ path: String?) throws -> Logger {
        do {
            try FileLogHandler.bootstrap(path: path)
        } catch {
            Console.error("parley: \(error)")
            throw ExitCode.badDebate
        }
        return Logger(label: "parley.models")
    }
}
