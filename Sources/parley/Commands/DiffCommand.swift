import ArgumentParser
import Foundation
import ParleyCore
import ParleyObserver
import TerminalKit

/// `parley diff A.jsonl B.jsonl`: two recorded debates side by side from the point where they part.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two recorded debates turn by turn from the point where they part.")

    @Argument(help: "The first event log (JSONL).")
    var first: String

    @Argument(help: "The second event log (JSONL).")
    var second: String

    func run() throws {
        let a = try Self.events(first)
        let b = try Self.events(second)
        let diff = DebateDiff(a, b)
        if Console.outputIsTerminal, let width = WindowSize.columns(of: STDOUT_FILENO) {
            Console.out(diff.sideBySide(nameA: first, nameB: second, width: width))
        } else {
            Console.out(diff.plainText(nameA: first, nameB: second))
        }
    }

    private static func events(_ path: String) throws -> [DebateEvent] {
        try RecordedDebate.read(path) { _ in "the recording was cut short; comparing what it holds" }.map(\.event)
    }
}
