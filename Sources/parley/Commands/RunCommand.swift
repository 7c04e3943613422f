import ArgumentParser
import Foundation
import Logging
import ParleyCore
import ParleyDebateFile
import ParleyEngine
import ParleyModels
import ParleyObserver
import TerminalKit

/// `parley run [FILE]`: runs a debate in the observer, or headless.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a debate in the observer (or headless); without FILE, the built-in demo.")

    @Argument(help: "The debate file (YAML). Without it, the built-in demo \"Should we build feature X?\".")
    var file: String?

    @Flag(help: "Stream the debate to stdout instead of opening the observer.")
    var headless = false

    @Flag(help: "Write the event stream to stdout as JSON lines (one event a line) instead.")
    var jsonl = false

    @OptionGroup var live: LiveOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("Time to wait before each turn, like 0.5, 400ms or 2s (overrides the file's pace.delay).", valueName: "duration"))
    var delay: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("How many rounds to hold (overrides the file's rounds).", valueName: "n"))
    var rounds: Int?

    @Flag(help: "Hide reasoning models' thinking in the agents' panes.")
    var hideReasoning = false

    @OptionGroup(title: "Serving the debate") var serving: ServeOptions

    func validate() throws {
        if headless && jsonl {
            throw ValidationError("--headless and --jsonl both stream the debate to stdout, as text or as JSON lines: choose one")
        }
        if let rounds, !DebateFile.roundLimits.contains(rounds) {
            throw ValidationError("--rounds must be from \(DebateFile.roundLimits.lowerBound) to \(DebateFile.roundLimits.upperBound)")
        }
        let delays = DebateFile.delayLimits
        if let delay, DebateFile.seconds(from: delay).map(delays.contains) != true {
            let range = "from \(DebateFile.durationText(delays.lowerBound)) to \(DebateFile.durationText(delays.upperBound))"
            throw ValidationError("--delay takes a duration \(range), like 0.5, 400ms or 2s, not '\(delay)'")
        }
    }

    func run() async throws {
        var spec = try DebateChoice.spec(file)
        if let rounds { spec.rounds = rounds }
        if let delay { spec.pace.delay = DebateFile.seconds(from: delay) ?? spec.pace.delay }
        if live.instant { spec.pace.delay = 0 }
        if live.step { spec.pace.mode = .step }
        // The theme is checked before anything starts, so that a mistake costs nothing.
        let themes = try ThemeChoice.catalog(live.theme)
        let served = try serving.settings()
        let frontend = Frontend.choose(
            headless: headless, jsonl: jsonl,
            observer: ObserverOptions(
                themes: themes.catalog, themeIndex: themes.index, recordingPath: live.recordPath, showsReasoning: !hideReasoning,
                forks: true))
        try await LiveDebate.run(spec: spec, frontend: frontend, live: live, serving: served)
    }
}
