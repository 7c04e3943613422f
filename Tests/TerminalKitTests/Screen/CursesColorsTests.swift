import Testing
@testable import TerminalKit

@Suite("Curses colours")
struct CursesColorsTests {
    @Test("default colours are -1, or white on black without use_default_colors")
    func defaults() {
        let colors = CursesColors(depth: .indexed256, hasDefaultColors: true, pairCount: 256)
        #expect(colors.number(for: .default, foreground: true) == -1)
        let plain = CursesColors(depth: .indexed256, hasDefaultColors: false, pairCount: 256)
        #expect(plain.number(for: .default, foreground: true) == 7)
        #expect(plain.number(for: .default, foreground: false) == 0)
    }

    @Test("palette depths give palette numbers")
    func palette() {
        let colors = CursesColors(depth: .indexed256, hasDefaultColors: true, pairCount: 256)
        #expect(colors.number(for: .ansi(9), foreground: true) == 9)
        #expect(colors.number(for: .indexed(200), foreground: true) == 200)
        #expect(colors.number(for: .rgb(255, 0, 0), foreground: true) == 196)
        let eight = CursesColors(depth: .ansi8, hasDefaultColors: true, pairCount: 64)
        #expect(eight.number(for: .rgb(255, 0, 0), foreground: true) == 1)
        #expect(eight.number(for: .ansi(12), foreground: true) == 4)
    }

    @Test("direct colour gives 0xRRGGBB, keeping 0–7 for the ANSI colours")
    func direct() {
        let colors = CursesColors(depth: .trueColor, hasDefaultColors: true, pairCount: 65536)
        #expect(colors.number(for: .rgb(0x12, 0x34, 0x56), foreground: true) == 0x123456)
        #expect(colors.number(for: .rgb(0, 0, 5), foreground: true) == 8, "numbers below 8 are ANSI colours")
        #expect(colors.number(for: .ansi(3), foreground: true) == 3)
        #expect(colors.number(for: .ansi(9), foreground: true) == 0xFF0000)
        #expect(colors.number(for: .indexed(196), foreground: true) == 0xFF0000)
    }

    @Test("pairs are given out once each, pair 0 is the terminal's own colours, and they run out")
    func allocation() {
        var colors = CursesColors(depth: .indexed256, hasDefaultColors: true, pairCount: 3)
        let red = CursesColors.Pair(foreground: 1, background: -1)
        let blue = CursesColors.Pair(foreground: 4, background: -1)
        let green = CursesColors.Pair(foreground: 2, background: -1)
        #expect(colors.allocate(CursesColors.Pair(foreground: -1, background: -1)) == .existing(0))
        #expect(colors.allocate(red) == .new(1))
        #expect(colors.allocate(red) == .existing(1))
        #expect(colors.allocate(blue) == .new(2))
        #expect(!colors.hasRunOut)
        if case .substitute = colors.allocate(green) {} else { Issue.record("a third pair finds no number of its own") }
        #expect(colors.hasRunOut)
        colors.reset()
        #expect(!colors.hasRunOut)
        #expect(colors.allocate(green) == .new(1))
    }

    @Test("once the pairs run out, a style gets the pair that looks closest, the default one included")
    func substitutes() {
        var colors = CursesColors(depth: .indexed256, hasDefaultColors: true, pairCount: 3)
        let red = CursesColors.Pair(foreground: 196, background: -1)  // rgb(255,0,0)
        let blueOnGrey = CursesColors.Pair(foreground: 21, background: 240)  // blue on grey
        #expect(colors.allocate(red) == .new(1))
        #expect(colors.allocate(blueOnGrey) == .new(2))
        #expect(colors.allocate(CursesColors.Pair(foreground: 160, background: -1)) == .substitute(1), "dark red: red")
        #expect(colors.allocate(CursesColors.Pair(foreground: 20, background: 241)) == .substitute(2), "blue on a close grey")
        #expect(colors.allocate(CursesColors.Pair(foreground: 15, background: -1)) == .substitute(0),
                "white on the default background: the terminal's own colours beat red")
        #expect(colors.allocate(red) == .existing(1), "pairs given out keep their numbers")
    }

    @Test("on a direct-colour terminal, substitutes are measured in RGB")
    func directSubstitutes() {
        var colors = CursesColors(depth: .trueColor, hasDefaultColors: true, pairCount: 3)
        let orange = CursesColors.Pair(foreground: 0xFF8800, background: -1)
        let teal = CursesColors.Pair(foreground: 0x008080, background: -1)
        #expect(colors.allocate(orange) == .new(1))
        #expect(colors.allocate(teal) == .new(2))
        #expect(colors.allocate(CursesColors.Pair(foreground: 0xFF9910, background: -1)) == .substitute(1))
        #expect(colors.allocate(CursesColors.Pair(foreground: 0x107070, background: -1)) == .substitute(2))
    }

    @Test("without default colours, white on black is pair 0")
    func whiteOnBlackIsPairZero() {
        var colors = CursesColors(depth: .ansi8, hasDefaultColors: false, pairCount: 8)
        #expect(colors.allocate(colors.pair(for: .plain)) == .existing(0))
        #expect(colors.allocate(CursesColors.Pair(foreground: 1, background: 0)) == .new(1))
    }

    @Test("terminfo padding is removed from leave sequences")
    func padding() {
        #expect(TerminfoString.withoutPadding(Array("\u{1B}[?1049l$<5>\u{1B}[0m$<2*/>".utf8)) == Array("\u{1B}[?1049l\u{1B}[0m".utf8))
        #expect(TerminfoString.withoutPadding(Array("cost $5".utf8)) == Array("cost $5".utf8))
    }
}
