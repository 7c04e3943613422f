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
    /// DEL, no C1 control.
    public static func isClean(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            let value = scalar.value
            return value == 0x0A || (value >= 0x20 && value < 0x7F) || value > 0x9F
        }
    }
}
