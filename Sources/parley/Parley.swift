import ArgumentParser
import TerminalKit

/// `parley`: watch, step and steer peer multi-agent debates in the terminal.
@main
struct Parley: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parley",
        abstract: "Watch, step and steer peer multi-agent debates in the terminal.",
        discussion: """
            With no command, parley opens its built-in demo debate ("Should we build feature X?") \
            in the observer; `parley FILE` runs a debate file.

            Exit codes: 0 the debate ran (or you quit it) · 1 a debate file or setup error · \
            3 a peer's model failed · 4 a guard stopped the debate · 64 a usage error · 130 interrupted.
            """,
        version: "0.1.0",
        subcommands: [RunCommand.self, CheckCommand.self, ReplayCommand.self, ThemesCommand.self],
        defaultSubcommand: RunCommand.self
    )

    /// Sets up the character locale for measuring text before any thread starts, then runs.
    static func main() async {
        TextWidth.prepare()
        await main(nil)
    }
}
