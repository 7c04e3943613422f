import Foundation
import ParleyCore
import TerminalKit

/// Reads the colours a theme or a debate file may name: a name from ``ColourNames`` (`cyan`,
/// `bright-red`, `grey`, `orange`), `default` (the terminal's own), an index 0–255, or `#rrggbb`.
public enum ThemeColour {
    /// The colour `text` names, or nil when it names none.
    public static func parse(_ text: String) -> Color? {
        let word = text.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
        if word == "default" || word == "none" { return .default }
        switch ColourNames.value(of: word) {
        case .ansi(let number): return .ansi(number)
        case .rgb(let red, let green, let blue): return .rgb(red, green, blue)
        case nil: break
        }
        if let number = Int(word), (0...255).contains(number) { return .indexed(UInt8(number)) }
        if word.hasPrefix("#"), word.count == 7, let value = UInt32(word.dropFirst(), radix: 16) {
            return .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
        }
        return nil
    }
}
