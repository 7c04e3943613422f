import CNcursesw

/// How many terminal columns text takes, as the terminal's `wcwidth` measures it.
public enum TextWidth {
    /// `wcwidth` answers only under a UTF-8 character locale; the first measurement makes sure
    /// there is one (the environment's, else C.UTF-8) if the program has not set it.
    private static let localeReady: Bool = {
        if parley_wcwidth(0x4E16) != 2 {
            parley_setlocale()
            if parley_wcwidth(0x4E16) != 2 { parley_use_utf8_ctype() }
        }
        return true
    }()

    /// Columns a character (a grapheme cluster) takes: 0, 1 or 2. Control characters take 0.
    public static func columns(_ character: Character) -> Int {
        if let ascii = character.asciiValue { return ascii >= 0x20 && ascii < 0x7F ? 1 : 0 }
        _ = localeReady
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        // Emoji presentation (VS16), flags and ZWJ sequences are drawn two columns wide.
        if scalars.count > 1 {
            if scalars.contains(where: { $0.value == 0xFE0F || $0.value == 0x200D }) { return 2 }
            if first.properties.isEmojiPresentation { return 2 }
            if (0x1F1E6...0x1F1FF).contains(first.value) { return 2 }
        }
        let width = parley_wcwidth(first.value)
        if width < 0 { return first.properties.isEmojiPresentation ? 2 : 0 }
        return Int(width)
    }

    /// Columns a string takes.
    public static func columns(_ text: some StringProtocol) -> Int {
        var total = 0
        for character in text { total += columns(character) }
        return total
    }
}
