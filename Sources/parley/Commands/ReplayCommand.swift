import ArgumentParser
import Foundation
import ParleyCore
import ParleyEngine
import ParleyObserver

/// `parley replay LOG`: plays a recorded debate back in the observer (or headless).
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Play a recorded debate (an event log from --record) back in the observer, or headless.")

    @Argument(help: "The event log (JSONL) a run wrote with --record.")
    var log: String

    @Option(parsing: .unconditional, help: "Playback speed: 2 is twice as fast, 0 as fast as possible (default: 1 in the observer, 0 headless).")
    var speed: Double?

    @Flag(help: "Print the debate to stdout instead of opening the observer.")
    var headless = false

    @Flag(help: "Start paused in step mode: n steps a turn, r a round.")
    var step = false

    @Option(help: "Colour theme: a built-in name or a theme file's path.")
    var theme: String?

    func validate() throws {
        if let speed, speed < 0 { throw ValidationError("--speed must not be negative") }
    }

    func run() async throws {
        let records = try RecordedDebate.read(log) { count in
            "the recording was cut short (its last line is incomplete, as a crash leaves it); replaying the \(count) events before it"
        }
        let themes = try ThemeChoice.catalog(theme)
        let name = URL(fileURLWithPath: log).lastPathComponent
        var options = ObserverOptions(themes: themes.catalog, themeIndex: themes.index, isReplay: true, replayName: name)
        options.replaySpeed = speed ?? 1
        options.replayTurns = records.count { Timeline.endsTurn($0.event) }
        let frontend = Frontend.choose(headless: headless, jsonl: false, observer: options)
        let interactive = frontend.isInteractive
        let replay = Replay(records: records, speed: speed ?? (interactive ? 1 : 0), stepping: step && interactive)
        _ = try await frontend.show(replay)
    }
}
