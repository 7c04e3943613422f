/// Cleans untrusted text (model output, debate files, injected messages) before it reaches a
/// canvas: escape sequences removed, control characters shown visibly, tabs expanded.
/// The rules are those of ``StreamSanitizer``, which cleans text arriving in pieces.
public enum Sanitizer {
    /// Returns `text` with every escape sequence removed, carriage returns removed, tabs expanded
    /// to the next tab stop (every `tabWidth` terminal columns) and other control characters
    /// shown as visible pictures. Newlines are kept. An unterminated OSC/DCS/SOS/PM/APC swallows
    /// the rest of the text (up to ``StreamSanitizer/maxStringSequenceLength`` scalars).
    public static func clean(_ text: String, tabWidth: Int = 4) -> String {
        if isClean(text) { return text }
        var sanitizer = StreamSanitizer(tabWidth: tabWidth)
        return sanitizer.feed(text)
    }

    /// Whether `text` holds nothing the sanitizer would change: no C0 control but newline, no
    /// DEL, no C1 control, no bidirectional override.
    public static func isClean(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x0A, 0x20..<0x7F: true
            case 0x202A...0x202E, 0x2066...0x2069: false
            case let value: value > 0x9F
            }
        }
    }
}
