extension Color {
    /// This colour as a terminal of `depth` can show it: true colours go to the nearest of the
    /// 256 palette entries, palette entries to the nearest of the 16 or 8 ANSI colours (a bright
    /// ANSI colour to its normal form on 8 colours), and every colour to `.default` when the
    /// terminal shows none. `.default` stays `.default`.
    public func mapped(to depth: ColorDepth) -> Color {
        switch (self, depth) {
        case (.default, _), (_, .trueColor):
            return self
        case (_, .none):
            return .default
        case (.ansi(let index), _):
            let index = index % 16
            return .ansi(depth == .ansi8 ? index % 8 : index)
        case (.indexed(let index), .indexed256):
            return .indexed(index)
        case (.indexed(let index), _):
            if index < 16 { return Color.ansi(index).mapped(to: depth) }
            let count = depth == .ansi8 ? 8 : 16
            return .ansi(XTermPalette.nearestSystemColor(to: XTermPalette.rgb(ofIndex: index), among: count))
        case (.rgb(let red, let green, let blue), _):
            return Color.indexed(XTermPalette.nearestIndex(to: RGB(red, green, blue))).mapped(to: depth)
        }
    }

    /// The RGB value this colour stands for, from xterm's default palette; nil for `.default`.
    public var rgbValue: RGB? {
        switch self {
        case .default: nil
        case .ansi(let index): XTermPalette.rgb(ofIndex: index % 16)
        case .indexed(let index): XTermPalette.rgb(ofIndex: index)
        case .rgb(let red, let green, let blue): RGB(red, green, blue)
        }
    }
}
