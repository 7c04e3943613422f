import ArgumentParser
import Foundation
import TerminalKit

/// `parley`: watch, step and steer peer multi-agent debates in the terminal.
@main
struct Parley: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parley",
        abstract: "Watch, step and steer peer multi-agent debates in the terminal.",
        usage: """
            parley [FILE] [options]            (the same as `parley run [FILE]`)
            parley <command> [arguments]
            """,
        discussion: """
            With no command, parley opens its built-in demo debate ("Should we build feature X?") \
            in the observer; `parley FILE` runs a debate file.

            Exit codes: 0 the debate ran (or you quit it) · 1 a debate file or setup error · \
            3 a peer's model failed · 4 a guard stopped the debate · 5 the recording could not be written · \
            64 a usage error · \
            130 interrupted (Ctrl-C) · 143 SIGTERM · 129 SIGHUP.
            """,
        version: "0.1.0",
        subcommands: [
            RunCommand.self, CheckCommand.self, ReplayCommand.self, InspectCommand.self, ForkCommand.self, ExportCommand.self,
            DiffCommand.self, ThemesCommand.self, ServeCommand.self, AttachCommand.self,
        ],
        defaultSubcommand: RunCommand.self
    )

    /// The commands, by the names people type.
    static var commandNames: [String] { configuration.subcommands.compactMap { $0.configuration.commandName } }

    /// Sets up the heap (``HeapArenas``) and the character locale for measuring text before any
    /// thread starts, then runs.
    static func main() async {
        HeapArenas.useOne()
        TextWidth.prepare()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let mistake = CommandSpelling.mistake(in: arguments, commands: commandNames) {
            Console.error("parley: \(mistake)")
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        await main(nil)
    }
}
