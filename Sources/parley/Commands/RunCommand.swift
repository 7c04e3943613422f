import ArgumentParser
import Foundation
import Logging
import ParleyCore
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

    @Option(help: ArgumentHelp("Time to wait before each turn, like 0.5, 400ms or 2s (overrides the file's pace.delay).", valueName: "duration"))
    var delay: String?

    @Option(help: ArgumentHelp("How many rounds to hold (overrides the file's rounds).", valueName: "n"))
    var rounds: Int?

    @Option(name: .customLong("log"), help: ArgumentHelp("Write a diagnostic log of model requests to this file.", valueName: "file"))
    var logPath: String?

    @Flag(help: "Hide reasoning models' thinking in the agents' panes.")
    var hideReasoning = false

    func validate() throws {
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
        var spec = try DebateSource.load(file)
        // The theme is checked before anything starts, so that a mistake costs nothing.
        let themes = try ThemeChoice.catalog(theme)
        if let rounds { spec.rounds = rounds }
        if let delay { spec.pace.delay = DebateFile.seconds(from: delay) ?? spec.pace.delay }
        if instant { spec.pace.delay = 0 }
        if step { spec.pace.mode = .step }
        let logger = try Diagnostics.bootstrap(logPath)
        let interactive = !headless && !jsonl && Console.isInteractive
        if !headless && !jsonl && !interactive {
            Console.error("parley: standard input or output is not a terminal; streaming the debate headless (use --headless to say so)")
        }
        let debate: Debate
        do {
            debate = try Debate(
                spec: spec, models: .standard(logger: logger, scriptedPace: instant ? 0 : nil),
                policy: interactive ? .hold : .stop)
        } catch {
            Console.error("parley: \(error)")
            throw ExitCode.badDebate
        }
        let recording = try Recording.start(recordPath, for: debate)
        defer { recording?.close() }
        let reason: FinishReason
        if interactive {
            reason = try await observe(debate, recording: recording, themes: themes)
        } else {
            reason = await HeadlessRun(debate: debate, jsonl: jsonl).run()
        }
        await ModelHTTPClient.shutdown()
        if let failure = recording?.failure { Console.error("parley: the recording stopped early: \(failure)") }
        if case .failed(let error) = reason { Console.error("parley: \(Sanitizer.clean(error))") }
        throw ExitCode(reason)
    }

    /// Runs the debate in the observer until the person quits; then stops the debate.
    private func observe(
        _ debate: Debate, recording: Recording?, themes: (catalog: ThemeCatalog, index: Int)
    ) async throws -> FinishReason {
        let records = debate.events()
        let running = Task { await debate.run() }
        let options = ObserverOptions(
            themes: themes.catalog, themeIndex: themes.index, recordingPath: recording?.path, showsReasoning: !hideReasoning)
        do {
            _ = try await ObserverApp.onScreen(options: options) { app in
                await app.run(records: records, send: { debate.send($0) })
            }
        } catch {
            debate.send(.stop)
            _ = await running.value
            Console.error("parley: cannot open the observer: \(error); try --headless")
            throw ExitCode.badDebate
        }
        debate.send(.stop)
        return await running.value
    }
}
