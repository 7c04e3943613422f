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
    /// Whether a pair was asked for after every number was given out (since the last reset).
    private(set) var hasRunOut = false

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
        /// Every pair number is taken: the number of the pair given out that looks closest.
        case substitute(Int32)
    }

    /// The pair number for `pair`: 0 for the terminal's own colours, else one given out on demand;
    /// once they run out, the closest pair given out (pair 0 included).
    mutating func allocate(_ pair: Pair) -> Allocation {
        if pair == defaultPair { return .existing(0) }
        if let number = pairs[pair] { return .existing(number) }
        let number = Int32(pairs.count + 1)
        guard number < pairCount else {
            hasRunOut = true
            return .substitute(nearest(to: pair))
        }
        pairs[pair] = number
        return .new(number)
    }

    /// Forgets every pair number (after `reset_color_pairs`).
    mutating func reset() {
        pairs.removeAll(keepingCapacity: true)
        hasRunOut = false
    }

    /// Pair 0: the terminal's own colours, or white on black without `use_default_colors`.
    private var defaultPair: Pair {
        Pair(foreground: number(for: .default, foreground: true), background: number(for: .default, foreground: false))
    }

    /// The number of the pair given out (or pair 0) whose colours look closest to `pair`'s.
    private func nearest(to pair: Pair) -> Int32 {
        var best: (number: Int32, distance: Int) = (0, distance(from: pair, to: defaultPair))
        for (candidate, number) in pairs {
            let distance = distance(from: pair, to: candidate)
            if distance < best.distance || (distance == best.distance && number < best.number) { best = (number, distance) }
        }
        return best.number
    }

    /// How different two pairs look: the colour distances of their foregrounds and backgrounds.
    private func distance(from pair: Pair, to other: Pair) -> Int {
        distance(from: pair.foreground, to: other.foreground) + distance(from: pair.background, to: other.background)
    }

    /// How different two colour numbers look. The terminal's own colour (-1) is unknown: it
    /// matches only itself, and is as far from any colour as mid-grey is from black.
    private func distance(from number: Int32, to other: Int32) -> Int {
        if number == other { return 0 }
        guard let colour = rgb(of: number), let otherColour = rgb(of: other) else {
            return RGB(0, 0, 0).distance(to: RGB(128, 128, 128))
        }
        return colour.distance(to: otherColour)
    }

    /// The colour a colour number stands for at this depth; nil for the terminal's own (-1).
    private func rgb(of number: Int32) -> RGB? {
        if number < 0 { return nil }
        if depth == .trueColor && number >= 8 {
            return RGB(UInt8(truncatingIfNeeded: number >> 16), UInt8(truncatingIfNeeded: number >> 8), UInt8(truncatingIfNeeded: number))
        }
        return XTermPalette.rgb(ofIndex: UInt8(truncatingIfNeeded: number))
    }
}
