import ArgumentParser
import ParleyCore
import ParleyEngine

/// Where a fork's debate spec comes from: the (edited) debate file given with `--file`; without
/// one, the recording itself (event log version 2 carries the spec, secrets left out, in its
/// first event).
enum ForkSpec {
    /// The spec to fork the recording at `log` with.
    /// - Throws: ``ExitCode/badDebate`` after saying why, when the file cannot be loaded or no
    ///   file was given for a recording that does not carry its spec.
    static func spec(file: String?, records: [EventRecord], log: String) throws -> DebateSpec {
        if let file { return try DebateChoice.spec(file) }
        guard case .debateStarted(let info)? = records.first?.event, info.spec != nil else {
            Console.error(
                "parley: \(log) does not carry its debate's spec (recordings of event log version 1 do not): "
                    + "give the debate file it ran with, or an edited copy, with --file (the built-in demo's is Debates/feature-x.yaml)")
            throw ExitCode.badDebate
        }
        do {
            return try DebateSpec(recorded: info)
        } catch {
            Console.error("parley: \(log): the debate spec it carries cannot be read: \(error); give the debate file with --file")
            throw ExitCode.badDebate
        }
    }
}
