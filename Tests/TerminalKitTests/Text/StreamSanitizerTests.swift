import Testing
@testable import TerminalKit

@Suite("Stream sanitizer")
struct StreamSanitizerTests {
    /// Feeds `pieces` one by one and returns everything the sanitizer gave back.
    private func stream(_ pieces: [String], tabWidth: Int = 4) -> String {
        var sanitizer = StreamSanitizer(tabWidth: tabWidth)
        return pieces.map { sanitizer.feed($0) }.joined()
    }

    /// The text split in two at scalar offset `offset`.
    private func split(_ text: String, at offset: Int) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return [scalars[..<offset], scalars[offset...]].map { String(String.UnicodeScalarView($0)) }
    }

    @Test("split at every point, an attack gives what clean() gives for the whole", arguments: attacks)
    func everySplitPoint(attack: Attack) {
        let whole = Sanitizer.clean(attack.input)
        for offset in 0...attack.input.unicodeScalars.count {
            let streamed = stream(split(attack.input, at: offset))
            #expect(streamed == whole, "split at \(offset)")
            #expect(isTerminalSafe(streamed))
        }
    }

    @Test("fed one scalar at a time, an attack gives what clean() gives", arguments: attacks)
    func scalarByScalar(attack: Attack) {
        let pieces = attack.input.unicodeScalars.map { String($0) }
        #expect(stream(pieces) == Sanitizer.clean(attack.input))
    }

    @Test("tab stops count wide characters and ZWJ sequences split across pieces")
    func tabsAcrossPieces() {
        let text = "👩‍💻a\t世\u{301}\tb🇫🇷\tc"
        let whole = Sanitizer.clean(text)
        #expect(whole == "👩‍💻a 世\u{301}  b🇫🇷 c")
        for offset in 0...text.unicodeScalars.count {
            #expect(stream(split(text, at: offset)) == whole, "split at \(offset)")
        }
        #expect(stream(text.unicodeScalars.map { String($0) }) == whole)
    }

    @Test("an unterminated OSC stays pending across pieces and its payload never shows")
    func pendingOSC() {
        var sanitizer = StreamSanitizer()
        #expect(sanitizer.feed("before \u{1B}]52;c;") == "before ")
        #expect(sanitizer.feed("SGVsbG8gd29ybGQ=") == "")
        #expect(sanitizer.feed("more\u{07}after") == "after")
    }

    @Test("a never-ending OSC is dropped at its limit without buffering")
    func endlessOSC() {
        var sanitizer = StreamSanitizer()
        #expect(sanitizer.feed("\u{1B}]52;c;") == "")
        var shown = ""
        for _ in 0..<StreamSanitizer.maxStringSequenceLength { shown += sanitizer.feed("A") }
        #expect(shown == String(repeating: "A", count: "52;c;".count))
        #expect(sanitizer.feed("visible") == "visible")
    }

    @Test("finish drops an unfinished sequence and starts a fresh text")
    func finishResets() {
        var sanitizer = StreamSanitizer()
        #expect(sanitizer.feed("ab\u{1B}[3") == "ab")
        sanitizer.finish()
        #expect(sanitizer.feed("1mc\td") == "1mc d", "after finish, the next text starts at column 0 in plain text")
    }
}
