import Testing
@testable import TerminalKit

@Suite("Colour depth")
struct ColorDepthTests {
    @Test("NO_COLOR set and non-empty turns colour off, whatever the terminal has")
    func noColor() {
        #expect(ColorDepth.detect(colors: 256, hasRGB: true, environment: ["NO_COLOR": "1"]) == .none)
        #expect(ColorDepth.detect(colors: 1 << 24, hasRGB: true, environment: ["NO_COLOR": "yes", "COLORTERM": "truecolor"]) == .none)
        #expect(ColorDepth.detect(colors: 256, hasRGB: false, environment: ["NO_COLOR": ""]) == .indexed256, "an empty NO_COLOR is ignored")
    }

    @Test("the terminfo colour count sets the depth")
    func paletteSize() {
        #expect(ColorDepth.detect(colors: 256, hasRGB: false, environment: [:]) == .indexed256)
        #expect(ColorDepth.detect(colors: 88, hasRGB: false, environment: [:]) == .ansi16)
        #expect(ColorDepth.detect(colors: 16, hasRGB: false, environment: [:]) == .ansi16)
        #expect(ColorDepth.detect(colors: 8, hasRGB: false, environment: [:]) == .ansi8)
        #expect(ColorDepth.detect(colors: 0, hasRGB: false, environment: [:]) == .none)
        #expect(ColorDepth.detect(colors: -1, hasRGB: false, environment: [:]) == .none)
    }

    @Test("the RGB flag or COLORTERM=truecolor|24bit gives true colour")
    func trueColor() {
        #expect(ColorDepth.detect(colors: 1 << 24, hasRGB: true, environment: [:]) == .trueColor)
        #expect(ColorDepth.detect(colors: 256, hasRGB: false, environment: ["COLORTERM": "truecolor"]) == .trueColor)
        #expect(ColorDepth.detect(colors: 256, hasRGB: false, environment: ["COLORTERM": "24bit"]) == .trueColor)
        #expect(ColorDepth.detect(colors: 256, hasRGB: false, environment: ["COLORTERM": "yes"]) == .indexed256)
        #expect(ColorDepth.detect(colors: 8, hasRGB: false, environment: ["COLORTERM": "truecolor"]) == .ansi8,
                "a terminfo entry with 8 colours is not trusted with true colour")
    }

    @Test("curses draws true colour only through a direct-colour terminfo entry")
    func limitedByCurses() {
        #expect(ColorDepth.trueColor.limited(toCursesColors: 1 << 24) == .trueColor)
        #expect(ColorDepth.trueColor.limited(toCursesColors: 256) == .indexed256)
        #expect(ColorDepth.indexed256.limited(toCursesColors: 8) == .ansi8)
        #expect(ColorDepth.none.limited(toCursesColors: 256) == .none)
        #expect(ColorDepth.ansi16.limited(toCursesColors: 1 << 24) == .ansi16)
    }
}

@Suite("Colour mapping")
struct ColorMappingTests {
    @Test("every cube and grey-ramp entry maps back to itself")
    func paletteRoundTrip() {
        for index in 16...255 {
            let rgb = XTermPalette.rgb(ofIndex: UInt8(index))
            #expect(XTermPalette.nearestIndex(to: rgb) == UInt8(index), "index \(index) is \(rgb)")
        }
    }

    @Test("true colours go to the nearest cube or grey entry")
    func nearestIndex() {
        #expect(XTermPalette.nearestIndex(to: RGB(255, 0, 0)) == 196)
        #expect(XTermPalette.nearestIndex(to: RGB(0, 0, 0)) == 16)
        #expect(XTermPalette.nearestIndex(to: RGB(128, 128, 128)) == 244)
        #expect(XTermPalette.nearestIndex(to: RGB(64, 64, 64)) == 238)
        #expect(XTermPalette.nearestIndex(to: RGB(250, 128, 114)) == 209, "salmon: (255,135,95)")
        #expect(XTermPalette.nearestIndex(to: RGB(100, 149, 237)) == 69, "cornflower blue")
    }

    @Test("on 8 colours, true and indexed colours go to the nearest ANSI colour")
    func ansi8() {
        #expect(Color.rgb(255, 0, 0).mapped(to: .ansi8) == .ansi(1))
        #expect(Color.rgb(0, 200, 0).mapped(to: .ansi8) == .ansi(2))
        #expect(Color.rgb(255, 165, 0).mapped(to: .ansi8) == .ansi(3), "orange is nearest yellow")
        #expect(Color.rgb(0, 0, 255).mapped(to: .ansi8) == .ansi(4))
        #expect(Color.rgb(255, 255, 255).mapped(to: .ansi8) == .ansi(7))
        #expect(Color.rgb(40, 40, 40).mapped(to: .ansi8) == .ansi(0))
        #expect(Color.indexed(196).mapped(to: .ansi8) == .ansi(1))
        #expect(Color.indexed(9).mapped(to: .ansi8) == .ansi(1), "a bright system colour becomes its normal form")
        #expect(Color.ansi(12).mapped(to: .ansi8) == .ansi(4))
        #expect(Color.ansi(5).mapped(to: .ansi8) == .ansi(5))
    }

    @Test("on 16 colours, bright colours are kept")
    func ansi16() {
        #expect(Color.rgb(255, 255, 255).mapped(to: .ansi16) == .ansi(15))
        #expect(Color.rgb(64, 64, 64).mapped(to: .ansi16) == .ansi(8))
        #expect(Color.indexed(9).mapped(to: .ansi16) == .ansi(9))
        #expect(Color.ansi(12).mapped(to: .ansi16) == .ansi(12))
    }

    @Test("256 colours keep palette colours and map true colours into the palette")
    func indexed256() {
        #expect(Color.rgb(255, 0, 0).mapped(to: .indexed256) == .indexed(196))
        #expect(Color.indexed(123).mapped(to: .indexed256) == .indexed(123))
        #expect(Color.ansi(9).mapped(to: .indexed256) == .ansi(9))
    }

    @Test("true colour keeps everything, no colour keeps nothing, default stays default")
    func extremes() {
        for color in [Color.rgb(1, 2, 3), .indexed(200), .ansi(3), .default] {
            #expect(color.mapped(to: .trueColor) == color)
            #expect(color.mapped(to: .none) == .default)
        }
        for depth in ColorDepth.allCases { #expect(Color.default.mapped(to: depth) == .default) }
    }

    @Test("palette colours know their RGB value")
    func rgbValues() {
        #expect(Color.indexed(16).rgbValue == RGB(0, 0, 0))
        #expect(Color.indexed(231).rgbValue == RGB(255, 255, 255))
        #expect(Color.indexed(232).rgbValue == RGB(8, 8, 8))
        #expect(Color.indexed(255).rgbValue == RGB(238, 238, 238))
        #expect(Color.ansi(1).rgbValue == RGB(205, 0, 0))
        #expect(Color.default.rgbValue == nil)
    }
}
