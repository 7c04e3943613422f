import ArgumentParser
import ParleyObserver

/// `parley themes`: lists the built-in colour themes.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the built-in colour themes (use one with --theme NAME, or give a theme file's path).")

    func run() throws {
        let catalog = ThemeCatalog.builtIn
        for (index, name) in catalog.names.enumerated() {
            Console.out("\(name)\(index == 0 ? " (default)" : "")\n")
        }
        Console.out("\nIn the observer, t cycles through them. A theme file is YAML with the same keys as Themes/default.yaml.\n")
    }
}
