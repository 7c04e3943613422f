import ArgumentParser
import Foundation
import ParleyObserver
import TerminalKit

/// `parley themes`: lists the built-in colour themes.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the built-in colour themes (use one with --theme NAME, or give a theme file's path).")

    func run() throws {
        let catalog = ThemeCatalog.builtIn
        let width = catalog.names.map(\.count).max() ?? 0
        for (index, theme) in catalog.themes.enumerated() {
            let padded = theme.name.padding(toLength: width, withPad: " ", startingAt: 0)
            let used = index == 0 ? " Used when --theme is not given." : ""
            Console.out("\(padded)  \(Sanitizer.clean(theme.summary ?? ""))\(used)\n")
        }
        Console.out("\nIn the observer, t cycles through them. A theme file is YAML with the same keys as Themes/default.yaml.\n")
    }
}
