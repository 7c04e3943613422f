import ParleyFiles
import TerminalKit

/// Reads the colours a theme may name, as a debate file reads them (``ColourText``): a name from
/// ``ColourNames`` in any spelling (`cyan`, `bright-red`, `brightred`, `grey`, `orange`), `default`
/// (the terminal's own), an index 0–255, or `#rrggbb`.
public enum ThemeColour {
    /// The colour `text` names, or nil when it names none.
    public static func parse(_ text: String) -> Color? {
        switch ColourText.parse(text) {
        case .default: .default
        case .ansi(let number): .ansi(number)
        case .indexed(let number): .indexed(number)
        case .rgb(let red, let green, let blue): .rgb(red, green, blue)
        case nil: nil
        }
    }
}
