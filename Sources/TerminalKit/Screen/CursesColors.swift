import CNcursesw

/// Colour numbers and colour pairs as curses knows them.
struct CursesColors: Sendable {
    /// How deep the screen draws (already limited to what curses can draw).
    let depth: ColorDepth
    /// Whether the terminal's own colours are available as -1 (`use_default_colors`).
    let hasDefaultColors: Bool
    /// Pairs curses has, pair 0 included.
    let pairCount: Int

    private(set) var pairs: [Pair: Int32] = [:]

    /// A foreground and background colour number.
    struct Pair: Sendable, Hashable {
        var foreground: Int32
        var background: Int32
    }

    init(depth: ColorDepth, hasDefaultColors: Bool, pairCount: Int) {
        self.depth = depth
        self.hasDefaultColors = hasDefaultColors
        self.pairCount = max(1, pairCount)
    }

    /// The curses colour number for `color` as a foreground (or background) at this depth:
    /// -1 for the terminal's own colour, a palette index, or 0xRRGGBB on a direct-colour terminal.
    func number(for color: Color, foreground: Bool) -> Int32 {
        switch color.mapped(to: depth) {
        case .default:
            return hasDefaultColors ? -1 : (foreground ? 7 : 0)
        case .ansi(let index) where depth == .trueColor && index >= 8,
            .indexed(let index) where depth == .trueColor && index >= 8:
            return Self.direct(XTermPalette.rgb(ofIndex: index))
        case .ansi(let index), .indexed(let index):
            return Int32(index)
        case .rgb(let red, let green, let blue):
            return Self.direct(RGB(red, green, blue))
        }
    }

    /// The colour pair for a style's colours.
    func pair(for style: Style) -> Pair {
        Pair(foreground: number(for: style.foreground, foreground: true), background: number(for: style.background, foreground: false))
    }

    /// A direct colour: 0xRRGGBB, except that direct-colour terminfo entries take numbers below 8
    /// as the ANSI colours, so the darkest blues are nudged up to 8.
    private static func direct(_ rgb: RGB) -> Int32 {
        let packed = Int32(rgb.packed)
        return packed > 0 && packed < 8 ? 8 : packed
    }

    /// What allocating a pair number gave.
    enum Allocation: Sendable, Hashable {
        /// The pair already has this number.
        case existing(Int32)
        /// A new number: initialize it with `init_extended_pair` before use.
        case new(Int32)
        /// Every pair number is taken.
        case full
    }

    /// The pair number for `pair`: 0 for the terminal's own colours, else one given out on demand.
    mutating func allocate(_ pair: Pair) -> Allocation {
        if pair.foreground == -1 && pair.background == -1 { return .existing(0) }
        if let number = pairs[pair] { return .existing(number) }
        let number = Int32(pairs.count + 1)
        guard number < pairCount else { return .full }
        pairs[pair] = number
        return .new(number)
    }

    /// Forgets every pair number (after `reset_color_pairs`).
    mutating func reset() { pairs.removeAll(keepingCapacity: true) }
}
