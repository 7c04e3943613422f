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

    @Option(name: .customLong("record"), help: ArgumentHelp("Write the event log (JSONL) to this file as the debate happens.", valueName: "path"))
    var recordPath: String?

    @Flag(help: "Start paused in step mode: n steps a turn, r a round.")
    var step = false

    @Option(help: ArgumentHelp("Colour theme: a built-in name (see `parley themes`) or a theme file's path.", valueName: "name|path"))
    var theme: String?

    @Flag(help: "Scripted personas answer at once and there is no delay between turns.")
    var instant = false

    @Option(parsing: .unconditional, help: ArgumentHelp("Time to wait before each turn, like 0.5, 400ms or 2s (overrides the file's pace.delay).", valueName: "duration"))
    var delay: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("How many rounds to hold (overrides the file's rounds).", valueName: "n"))
    var rounds: Int?

    @Option(name: .customLong("log"), help: ArgumentHelp("Write a diagnostic log of model requests to this file.", valueName: "file"))
    var logPath: String?

    @Flag(help: "Hide reasoning models' thinking in the agents' panes.")
    var hideReasoning = false

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
        if instant { spec.pace.delay = 0 }
        if step { spec.pace.mode = .step }
        // The theme is checked before anything starts, so that a mistake costs nothing.
        let themes = try ThemeChoice.catalog(theme)
        let frontend = Frontend.choose(
            headless: headless, jsonl: jsonl,
            observer: ObserverOptions(
                themes: themes.catalog, themeIndex: themes.index, recordingPath: recordPath, showsReasoning: !hideReasoning,
                forks: true))
        try await LiveDebate.run(spec: spec, frontend: frontend, recordPath: recordPath, logPath: logPath, instant: instant)
    }
}
