/// What the screen writes for one canvas cell: scalars curses accepts in one cell, taking as many
/// columns as curses (that is, `wcwidth`) thinks they take.
///
/// A canvas measures a grapheme cluster (an emoji ZWJ sequence, a flag, an emoji with VS16) as one
/// two-column character, but curses keeps one spacing character and up to four combining ones per
/// cell and measures by `wcwidth` of the first. Where the two disagree, the glyph keeps layout
/// safe rather than complete: a ZWJ sequence shows its first emoji, a flag its first letter, and
/// a character `wcwidth` calls narrow is followed by a blank in the canvas's second column.
struct TerminalGlyph: Sendable, Hashable {
    /// The spacing scalar, then combining scalars.
    var scalars: [Unicode.Scalar]
    /// Columns curses advances: 1 or 2.
    var columns: Int

    static let blank = TerminalGlyph(scalars: [" "], columns: 1)
    static let replacement = TerminalGlyph(scalars: ["\u{FFFD}"], columns: 1)

    /// Combining scalars curses keeps with a spacing one in a cell (CCHARW_MAX is 5).
    static let maxCombining = 4

    /// The glyph for `character`, measuring scalars with `width` (the C library's `wcwidth`).
    static func make(_ character: Character, width: (Unicode.Scalar) -> Int = TextWidth.wcwidth) -> TerminalGlyph {
        let scalars = Array(character.unicodeScalars)
        guard let first = scalars.first else { return .blank }
        if scalars.contains(where: isControl) { return .replacement }
        let firstWidth = width(first)
        var glyph: TerminalGlyph
        switch firstWidth {
        case 1, 2: glyph = TerminalGlyph(scalars: [first], columns: firstWidth)
        case 0: glyph = TerminalGlyph(scalars: [" ", first], columns: 1)  // a lone combining mark
        default: return .replacement
        }
        for scalar in scalars.dropFirst() {
            if width(scalar) != 0 { break }  // a second spacing scalar (ZWJ sequence, flag): stop
            if scalar.value == 0x200D { break }  // a ZWJ would join whatever curses writes next
            if scalar.value == 0xFE0F && firstWidth != 2 { continue }  // VS16 would widen it behind curses' back
            if glyph.scalars.count > maxCombining { break }
            glyph.scalars.append(scalar)
        }
        return glyph
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
