import Foundation
import ParleyCore
import ParleyEngine
import ParleyFiles
import Yams

/// Debate files: the YAML that describes a debate (its question, rounds, floor protocol, pace,
/// guards, model backends, agents and facilitator), read into a checked ``DebateSpec``.
///
/// Loading reports every problem of a file at once, each with its file, line, column and key path
/// (see ``DebateFileError``). The format is described in README.md, "Debate files".
public enum DebateFile {
    /// Reads and checks the debate file at `path`.
    ///
    /// - Parameter path: the file's path, as the user gave it; problems name the file this way.
    /// - Returns: the debate, complete with defaults.
    /// - Throws: ``DebateFileError`` with every problem found: the file cannot be read, is not a
    ///   regular file (a device, a pipe: never waited on) or is not UTF-8, its YAML is malformed,
    ///   or its content breaks the format.
    public static func load(path: String) throws -> DebateSpec {
        let data: Data
        do {
            data = try RegularFile.read(path)
        } catch {
            let suggestion =
                !error.exists ? "check the path; example debates are in the Debates folder"
                : error.suggestion ?? (error.reason.hasSuffix("regular file") || error.reason == "it is a folder"
                    ? "give the path of a debate file (YAML); example debates are in the Debates folder" : nil)
            throw DebateFileError(problems: [
                DebateFileError.Problem(
                    file: path, line: 0, column: 0, keyPath: "",
                    message: "cannot read the debate file: \(SourceText.visible(error.reason))", suggestion: suggestion
                ),
            ])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DebateFileError(problems: [
                DebateFileError.Problem(
                    file: path, line: 0, column: 0, keyPath: "", message: "the file is not UTF-8 text",
                    suggestion: "save it as UTF-8"
                ),
            ])
        }
        return try parse(text, path: path)
    }

    /// Reads and checks a debate file's text.
    ///
    /// - Parameters:
    ///   - yaml: the file's text.
    ///   - path: the file's path, used only to name it in problems.
    /// - Returns: the debate, complete with defaults.
    /// - Throws: ``DebateFileError`` with every problem found. A YAML syntax error stops reading
    ///   where it is, so it comes alone; problems of content all come together.
    public static func parse(_ yaml: String, path: String) throws -> DebateSpec {
        let text = yaml.hasPrefix("\u{FEFF}") ? String(yaml.dropFirst()) : yaml
        var reader = DebateFileReader(file: path, text: text)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            reader.reportSyntax(error)
            throw reader.error
        }
        guard let root else {
            reader.report(
                "the file is empty", at: nil, path: .root,
                suggestion: "a debate needs at least a title, a question and 2 agents; see 'Debate files' in Parley's README"
            )
            throw reader.error
        }
        let spec = reader.debate(from: root)
        guard let spec, reader.problems.isEmpty else { throw reader.error }
        return spec
    }

    /// The seconds a duration stands for: a plain number of seconds (`90`, `0.5`) or numbers with
    /// units `ms`, `s`, `m`, `h`, possibly chained (`400ms` is 0.4, `2s`, `1m`, `1m30s`); nil
    /// when `text` is no duration. Useful for command-line options that take the same durations.
    public static func seconds(from text: String) -> Double? {
        DurationText.seconds(in: text)
    }

    /// Seconds written the shortest way, as durations are written (`0`, `1ms`, `30s`, `1h`), to
    /// state a range in a message.
    public static func durationText(_ seconds: Double) -> String {
        DurationText.written(seconds)
    }

    /// How many rounds a debate may have.
    public static let roundLimits = 1...1000
    /// The delay before a turn (`pace.delay`, `--delay`) in seconds: 0 to an hour.
    public static let delayLimits: ClosedRange<Double> = 0...3600
    /// A timeout (`turn_timeout`, `idle_timeout`, `connect_timeout`) in seconds: a millisecond to a day.
    public static let timeoutLimits: ClosedRange<Double> = 0.001...86_400
    /// A scripted backend's `words_per_second`, besides 0 (at once): a word every 100 s to 1000 a second.
    public static let wordsPerSecondLimits: ClosedRange<Double> = 0.01...1000
    /// How many agents (peers, the human and facilitator not counted) a debate may have.
    public static let agentLimits = 2...9
    /// Ids no agent may take: the human, the facilitator, and words that address everyone.
    public static let reservedIDs: Set<AgentID> = [.human, .facilitator, "everyone", "all"]
    /// The colour names an agent's `colour` may take (besides `#rrggbb`); themes map them to colours.
    public static let colourNames: [String] = ColourNames.names
}
