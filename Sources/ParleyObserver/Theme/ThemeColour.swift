import Foundation
import TerminalKit

/// Reads the colours a theme or a debate file may name: an ANSI name (`cyan`, `bright-red`,
/// `grey`), `default` (the terminal's own), an index 0–255, or `#rrggbb`.
public enum ThemeColour {
    /// The ANSI 16 names, in colour-number order.
    public static let names = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow",
        "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    /// The colour `text` names, or nil when it names none.
    public static func parse(_ text: String) -> Color? {
        let word = text.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
        if word == "default" || word == "none" { return .default }
        if word == "grey" || word == "gray" { return .ansi(8) }
        if let index = names.firstIndex(of: word) { return .ansi(UInt8(index)) }
        if let number = Int(word), (0...255).contains(number) { return .indexed(UInt8(number)) }
        if word.hasPrefix("#"), word.count == 7, let value = UInt32(word.dropFirst(), radix: 16) {
            return .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
        }
        return nil
    }
}
