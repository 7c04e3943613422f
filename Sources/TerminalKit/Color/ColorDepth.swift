/// How many colours the terminal can show, from none to true colour.
public enum ColorDepth: Int, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
    /// No colour: only attributes (bold, underline, reverse, ...). Also what `NO_COLOR` asks for.
    case none
    /// The 8 ANSI colours.
    case ansi8
    /// The 8 ANSI colours and their 8 bright forms.
    case ansi16
    /// The xterm 256-colour palette.
    case indexed256
    /// 24-bit colour.
    case trueColor

    public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .none: "no colour"
        case .ansi8: "8 colours"
        case .ansi16: "16 colours"
        case .indexed256: "256 colours"
        case .trueColor: "true colour"
        }
    }

    /// The depth a terminal offers.
    /// - Parameters:
    ///   - colors: the terminfo `colors` count (ncurses' `COLORS` after `start_color`); 0 or
    ///     less when the terminal has no colour.
    ///   - hasRGB: whether the terminfo entry has the `RGB` flag (direct colour).
    ///   - environment: the process environment. `NO_COLOR` set and non-empty gives `.none`;
    ///     `COLORTERM=truecolor` or `24bit` on a terminal with at least 256 colours gives
    ///     `.trueColor` (the terminal can show it; see ``limited(toCursesColors:)`` for what
    ///     curses can draw).
    public static func detect(colors: Int, hasRGB: Bool, environment: [String: String]) -> ColorDepth {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        let colorTerm = environment["COLORTERM"]?.lowercased()
        if hasRGB && colors >= 256 { return .trueColor }
        if (colorTerm == "truecolor" || colorTerm == "24bit") && colors >= 256 { return .trueColor }
        return depth(ofPaletteSize: colors)
    }

    /// This depth, no deeper than what curses can draw with `colors` colours: true colour needs a
    /// direct-colour terminfo entry (2²⁴ colours), as curses writes colour numbers, not RGB.
    public func limited(toCursesColors colors: Int) -> ColorDepth {
        min(self, colors >= 1 << 24 ? .trueColor : Self.depth(ofPaletteSize: colors))
    }

    private static func depth(ofPaletteSize colors: Int) -> ColorDepth {
        switch colors {
        case 256...: .indexed256
        case 16..<256: .ansi16
        case 8..<16: .ansi8
        default: .none
        }
    }
}
