import Foundation
import Testing
@testable import TerminalKit

@Suite("Text width")
struct TextWidthTests {
    @Test("ASCII takes one column, ASCII controls none")
    func ascii() {
        #expect(TextWidth.columns("Parley: 42!") == 11)
        #expect(TextWidth.columns(Character("\u{1B}")) == 0)
        #expect(TextWidth.columns(Character("\t")) == 0)
    }

    @Test("CJK and full-width characters take two columns")
    func cjk() {
        #expect(TextWidth.columns("世界") == 4)
        #expect(TextWidth.columns("こんにちは") == 10)
        #expect(TextWidth.columns("한국어") == 6)
        #expect(TextWidth.columns("ＡＢ") == 4)
    }

    @Test("emoji take two columns, with skin tones, ZWJ sequences, flags and VS16")
    func emoji() {
        for emoji in ["🎉", "👍", "👍🏽", "👩‍💻", "👨‍👩‍👧‍👦", "🇫🇷", "❤️", "1️⃣"] {
            #expect(TextWidth.columns(Character(emoji)) == 2, "\(emoji)")
        }
        #expect(TextWidth.columns("🎉👍🏽") == 4)
    }

    @Test("combining marks take no column of their own")
    func combining() {
        #expect(TextWidth.columns("e\u{301}") == 1)
        #expect(TextWidth.columns("Déjà") == 4)
        #expect(TextWidth.columns(Character("\u{301}")) == 0)
        #expect(TextWidth.columns("世\u{301}") == 2)
    }
}

@Suite("Text width and the locale")
struct TextWidthLocaleTests {
    @Test("measures under a C locale too, and leaves the process's locale as it was")
    func independentOfLocale() throws {
        let processLocale = String(cString: setlocale(LC_CTYPE, nil))
        let plain = try #require(newlocale(LC_CTYPE_MASK, "C", nil))
        defer { freelocale(plain) }
        // This thread alone runs under the C locale, where wcwidth knows no wide characters.
        let previous = uselocale(plain)
        defer { uselocale(previous) }
        #expect(TextWidth.columns("世界") == 4)
        #expect(TextWidth.columns("Déjà") == 4)
        #expect(uselocale(nil) == plain, "the thread's locale is back")
        #expect(String(cString: setlocale(LC_CTYPE, nil)) == processLocale, "the process's locale is untouched")
    }
}
