import ArgumentParser
import ParleyEngine

/// Where a debate comes from: a file, or the built-in demo.
enum DebateSource {
    /// Loads the debate file at `path`, or the built-in demo when nil. Prints what is wrong
    /// and exits with ``ExitCode/badDebate`` when it cannot be loaded.
    static func load(_ path: String?) throws -> DebateSpec {
        do {
            guard let path else { return try DebateFile.parse(BuiltInDebates.featureX, path: BuiltInDebates.featureXName) }
            return try DebateFile.load(path: path)
        } catch {
            Console.error(String(describing: error))
            throw ExitCode.badDebate
        }
    }
}
