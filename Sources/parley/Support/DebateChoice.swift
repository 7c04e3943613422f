import ArgumentParser
import ParleyDebateFile
import ParleyEngine

/// Which debate to run: a file, or the built-in demo.
enum DebateChoice {
    /// Loads the debate file at `path`, or the built-in demo when nil. Prints what is wrong
    /// and exits with ``ExitCode/badDebate`` when it cannot be loaded.
    static func spec(_ path: String?) throws -> DebateSpec {
        do {
            guard let path else { return try DebateFile.parse(BuiltInDebates.featureX, path: BuiltInDebates.featureXName) }
            return try DebateFile.load(path: path)
        } catch {
            Console.error(String(describing: error))
            throw ExitCode.badDebate
        }
    }
}
