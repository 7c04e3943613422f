import ArgumentParser
import ParleyObserver

/// The theme `--theme` picks.
enum ThemeChoice {
    /// The built-in themes, plus the one `--theme` names by path; and the index to start with.
    /// Prints the theme file's warnings; exits with ``ExitCode/badDebate`` when it cannot be read.
    static func catalog(_ choice: String?) throws -> (catalog: ThemeCatalog, index: Int) {
        var catalog = ThemeCatalog.builtIn
        guard let choice else { return (catalog, 0) }
        do {
            let selected = try catalog.select(choice)
            for diagnostic in selected.diagnostics { Console.error("parley: \(diagnostic)") }
            return (catalog, selected.index)
        } catch {
            Console.error("parley: \(error)")
            throw ExitCode.badDebate
        }
    }
}
