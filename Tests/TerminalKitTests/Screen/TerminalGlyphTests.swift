import Testing
@testable import TerminalKit

@Suite("Terminal glyphs")
struct TerminalGlyphTests {
    @Test("plain, wide and accented characters are written as they are")
    func plain() {
        #expect(TerminalGlyph.make("a") == TerminalGlyph(scalars: ["a"], columns: 1))
        #expect(TerminalGlyph.make("世") == TerminalGlyph(scalars: ["世"], columns: 2))
        #expect(TerminalGlyph.make("e\u{301}") == TerminalGlyph(scalars: ["e", "\u{301}"], columns: 1))
        #expect(TerminalGlyph.make("🎉") == TerminalGlyph(scalars: ["🎉"], columns: 2))
    }

    @Test("a ZWJ sequence shows its first emoji, never a dangling joiner")
    func zwjSequence() {
        let glyph = TerminalGlyph.make("👩‍💻")
        #expect(glyph == TerminalGlyph(scalars: ["👩"], columns: 2))
    }

    @Test("a skin tone or a second flag letter is dropped rather than written as a second cell")
    func spacingModifiers() {
        #expect(TerminalGlyph.make("👍🏽").scalars.first == "👍")
        #expect(TerminalGlyph.make("👍🏽").columns == 2)
        #expect(TerminalGlyph.make("🇫🇷").scalars == ["🇫"])
    }

    @Test("VS16 is kept only where curses already counts two columns")
    func variationSelector() {
        #expect(TerminalGlyph.make("❤️") == TerminalGlyph(scalars: ["❤"], columns: 1))
    }

    @Test("control characters never reach the terminal; a lone combining mark sits on a blank")
    func safety() {
        #expect(TerminalGlyph.make("\u{1B}") == .replacement)
        #expect(TerminalGlyph.make("\u{9B}") == .replacement)
        #expect(TerminalGlyph.make("\r\n") == .replacement)
        #expect(TerminalGlyph.make("\u{301}") == TerminalGlyph(scalars: [" ", "\u{301}"], columns: 1))
    }

    @Test("at most four combining marks are kept with a character")
    func combiningLimit() {
        let zalgo = Character("a\u{300}\u{301}\u{302}\u{303}\u{304}\u{305}")
        let glyph = TerminalGlyph.make(zalgo)
        #expect(glyph.scalars.count == 1 + TerminalGlyph.maxCombining)
        #expect(glyph.columns == 1)
    }
}
