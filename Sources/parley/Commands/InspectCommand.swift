import ArgumentParser
import Foundation
import ParleyCore
import ParleyEngine
import ParleyObserver

/// `parley inspect LOG [TURN] [--json]`: the exact request behind a recorded message, and its answer.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show what a model was asked for a recorded message and how it answered.",
        discussion: """
            TURN is a message id (12 or #12) or a summary (s3 for round 3's, sfinal for the final one); \
            without it, the turns that can be inspected are listed. The recording must be event log \
            version 2 (written by this Parley with --record).
            """)

    @Argument(help: "The event log (JSONL) a run wrote with --record.")
    var log: String

    @Argument(help: ArgumentHelp("The message id (12, #12) or summary (s3, sfinal) to inspect.", valueName: "turn"))
    var turn: String?

    @Flag(help: "Print the request as an OpenAI chat-completions body (messages, model, sampling), for curl.")
    var json = false

    func run() throws {
        let records = try RecordedDebate.read(log) { _ in "the recording was cut short; inspecting what it holds" }
        let turns: RecordedTurns
        do {
            turns = try RecordedTurns(records: records)
        } catch {
            Console.error("parley: \(log): \(error)")
            throw ExitCode.badDebate
        }
        guard let turn else { return Console.out(turns.listing) }
        guard let key = RecordedTurns.Key(turn) else {
            Console.error("parley: '\(turn)' is not a turn: give a message id (12 or #12) or a summary (s3, sfinal); `parley inspect \(log)` lists them")
            throw ExitCode.validationFailure
        }
        let opened: RecordedTurn
        do {
            opened = try turns.turn(key)
        } catch {
            Console.error("parley: \(log): \(error)")
            throw ExitCode.badDebate
        }
        guard json else { return Console.out(TurnInspection(opened, of: turns).text) }
        do {
            Console.out(String(decoding: try opened.openAIBody(), as: UTF8.self) + "\n")
        } catch {
            Console.error("parley: \(log): \(error)")
            throw ExitCode.badDebate
        }
    }
}
