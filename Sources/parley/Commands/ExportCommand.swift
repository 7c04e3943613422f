import ArgumentParser
import Foundation
import ParleyCore
import ParleyObserver

/// `parley export LOG --format markdown|html`: a recorded debate as a transcript to read or share.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a recorded debate as a transcript: Markdown, or one self-contained HTML page.")

    /// The transcript formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, html
    }

    @Argument(help: "The event log (JSONL) a run wrote with --record.")
    var log: String

    @Option(help: "markdown or html.")
    var format: Format = .markdown

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
    var output: String?

    func run() throws {
        let records = try RecordedDebate.read(log) { _ in "the recording was cut short; the transcript ends where it does" }
        let transcript = Transcript(events: records.map(\.event))
        let text = format == .markdown ? transcript.markdown : transcript.html
        guard let output else { return Console.out(text) }
        do {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            Console.error("parley: cannot write \(output): \((error as NSError).localizedDescription)")
            throw ExitCode.badDebate
        }
    }
}
