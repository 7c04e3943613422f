import ParleyCore

/// The colour words a debate file's agents and a theme may write, read one way for both: a name
/// from ``ColourNames`` in any of its spellings (`bright-red`, `bright_red`, `brightred`,
/// `Bright Red`), `default` or `none` (the terminal's own), an index 0–255, or `#rrggbb`.
public enum ColourText {
    /// What a colour word names.
    public enum Value: Sendable, Hashable {
        /// The terminal's own colour.
        case `default`
        /// ANSI colour 0–15.
        case ansi(UInt8)
        /// An entry 0–255 of the 256-colour palette.
        case indexed(UInt8)
        /// A true colour.
        case rgb(UInt8, UInt8, UInt8)
    }

    /// The colour name `text` spells, as ``ColourNames`` writes it (`bright-red`), or nil when it
    /// spells none.
    public static func name(_ text: String) -> String? {
        var word = String(Spelling.normalized(text.trimmingWhitespace())).replacingOccurrences(of: "_", with: "-")
        if word.hasPrefix("bright"), !word.hasPrefix("bright-") { word = "bright-" + word.dropFirst(6) }
        return ColourNames.value(of: word) == nil ? nil : word
    }

    /// The colour `text` names (a name, `default`/`none`, 0–255 or `#rrggbb`), or nil.
    public static func parse(_ text: String) -> Value? {
        let word = text.trimmingWhitespace().lowercased()
        if word == "default" || word == "none" { return .default }
        if let name = name(word) {
            switch ColourNames.value(of: name) {
            case .ansi(let number): return .ansi(number)
            case .rgb(let red, let green, let blue): return .rgb(red, green, blue)
            case nil: return nil
            }
        }
        if let number = Int(word), (0...255).contains(number) { return .indexed(UInt8(number)) }
        if let hex = hex(word) { return hex }
        return nil
    }

    /// `#rrggbb` as a true colour, or nil.
    public static func hex(_ text: String) -> Value? {
        guard text.hasPrefix("#"), text.count == 7, text.dropFirst().allSatisfy(\.isHexDigit),
            let value = UInt32(text.dropFirst(), radix: 16)
        else { return nil }
        return .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
    }
}
