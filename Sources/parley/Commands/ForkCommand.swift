import ArgumentParser
import ParleyCore
import ParleyDebateFile
import ParleyEngine
import ParleyObserver

/// `parley fork LOG --at MESSAGE_ID`: a new live debate from a recorded one's state before a turn.
struct ForkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fork",
        abstract: "Start a new live debate from a recorded one's state before one of its turns.",
        discussion: """
            The fork shows the recording's history up to that turn, then goes on live from it: every \
            peer remembers what it did then. With --file, an edited copy of the debate file may change \
            the agents' prompts, arguments, backends or models and hold more rounds; the agents \
            themselves (their ids) must stay. The fork's recording names its parent and fork point.
            """)

    @Argument(help: "The event log (JSONL) a run wrote with --record.")
    var log: String

    @Option(help: ArgumentHelp("The turn to fork at: the id of a peer's message in the recording (12 or #12); the fork says it anew.", valueName: "message-id"))
    var at: String

    @Option(help: ArgumentHelp("The debate file to go on with, as it was or edited (needed while recordings do not carry their spec).", valueName: "file"))
    var file: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("How many rounds the fork holds (at least as many as the original had at the fork point).", valueName: "n"))
    var rounds: Int?

    @Flag(help: "Stream the fork to stdout instead of opening the observer.")
    var headless = false

    @OptionGroup var live: LiveOptions


    /// The message id `--at` names.
    var message: MessageID? {
        let digits = at.hasPrefix("#") ? at.dropFirst() : Substring(at)
        return Int(digits).flatMap { $0 > 0 ? MessageID($0) : nil }
    }

    func validate() throws {
        if message == nil { throw ValidationError("--at takes a message id, like 12 or #12, not '\(at)'") }
        if let rounds, !DebateFile.roundLimits.contains(rounds) {
            throw ValidationError("--rounds must be from \(DebateFile.roundLimits.lowerBound) to \(DebateFile.roundLimits.upperBound)")
        }
    }

    func run() async throws {
        let records = try RecordedDebate.read(log) { count in
            "the recording was cut short (its last line is incomplete, as a crash leaves it); forking from the \(count) events before it"
        }
        let point: ForkPoint
        do {
            point = try ForkPoint(records: records, at: message!, parent: log)
        } catch {
            Console.error("parley: \(log): \(error)")
            throw ExitCode.badDebate
        }
        var spec = try ForkSpec.spec(file: file, records: records, log: log)
        if let rounds { spec.rounds = rounds }
        if live.instant { spec.pace.delay = 0 }
        if live.step { spec.pace.mode = .step }
        let themes = try ThemeChoice.catalog(live.theme)
        let frontend = Frontend.choose(
            headless: headless, jsonl: false,
            observer: ObserverOptions(themes: themes.catalog, themeIndex: themes.index, recordingPath: live.recordPath, forks: true))
        try await LiveDebate.run(spec: spec, from: point, file: file, frontend: frontend, live: live)
    }
}
