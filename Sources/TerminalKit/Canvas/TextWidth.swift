import CNcursesw

/// How many terminal columns text takes, as the terminal's `wcwidth` measures it.
///
/// Measuring never touches the process's locale: `wcwidth` answers only under a UTF-8 character
/// type, so it runs under a UTF-8 locale object of TextWidth's own, on the measuring thread only
/// (`uselocale`). Any thread may measure at any time. The process's locale is set once, by
/// ``prepare()``, for curses.
public enum TextWidth {
    /// The UTF-8 locale widths are measured under; nil on a system without one, where the
    /// process's locale is used.
    ///
    /// `nonisolated(unsafe)`: a locale object is never changed once made, and `uselocale` only
    /// reads it, so sharing it between threads is safe; a C pointer cannot say so to Swift.
    private nonisolated(unsafe) static let measuringLocale: locale_t? = parley_utf8_ctype_locale()

    /// Done once: the process's character type set (see ``prepare()``).
    private static let localePrepared: Void = parley_prepare_locale()

    /// Sets the process's character type (`LC_CTYPE`) from the environment, as curses needs to
    /// write UTF-8; when the environment's is not UTF-8 (`LANG=C`, or unset), C.UTF-8 (else
    /// en_US.UTF-8) instead. Only the first call does anything.
    ///
    /// `setlocale` is not thread-safe: other threads' C library calls may read the locale while
    /// it changes. So call this first thing in `main`, before the program starts threads.
    /// ``Screen/start()`` calls it too, for programs that did not.
    public static func prepare() {
        localePrepared
    }

    /// Columns a character (a grapheme cluster) takes: 0, 1 or 2. Control characters take 0.
    public static func columns(_ character: Character) -> Int {
        if let ascii = character.asciiValue { return ascii >= 0x20 && ascii < 0x7F ? 1 : 0 }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        // Emoji presentation (VS16), flags and ZWJ sequences are drawn two columns wide.
        if scalars.count > 1 {
            if scalars.contains(where: { $0.value == 0xFE0F || $0.value == 0x200D }) { return 2 }
            if first.properties.isEmojiPresentation { return 2 }
            if (0x1F1E6...0x1F1FF).contains(first.value) { return 2 }
        }
        let width = wcwidth(first)
        if width < 0 { return first.properties.isEmojiPresentation ? 2 : 0 }
        return width
    }

    /// The C library's `wcwidth` of `scalar` under a UTF-8 character type: 0, 1 or 2; -1 when it
    /// is not printable. What curses measures, once ``prepare()`` gave the process a UTF-8 locale
    /// (the C library's UTF-8 locales share one width table).
    static func wcwidth(_ scalar: Unicode.Scalar) -> Int {
        Int(measuringLocale.map { parley_wcwidth_in($0, scalar.value) } ?? parley_wcwidth(scalar.value))
    }

    /// Columns a string takes.
    public static func columns(_ text: some StringProtocol) -> Int {
        var total = 0
        for character in text { total += columns(character) }
        return total
    }
}
