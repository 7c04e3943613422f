import Testing
import ParleyTestSupport
@testable import TerminalKit

@Suite("Sanitizer")
struct SanitizerTests {
    @Test("removes every attack sequence and keeps the text around it", arguments: attacks)
    func removesAttacks(attack: Attack) {
        let cleaned = Sanitizer.clean(attack.input)
        #expect(cleaned == attack.cleaned)
        #expect(isTerminalSafe(cleaned))
    }

    @Test("leaves clean text untouched, combining marks and emoji included")
    func keepsCleanText() {
        let text = "Déjà vu, 世界 👩‍💻 🇫🇷 e\u{301}\nsecond line"
        #expect(Sanitizer.isClean(text))
        #expect(Sanitizer.clean(text) == text)
    }

    @Test("expands tabs to the next stop in terminal columns")
    func expandsTabs() {
        #expect(Sanitizer.clean("a\tb") == "a   b")
        #expect(Sanitizer.clean("abcd\te") == "abcd    e")
        #expect(Sanitizer.clean("世\tx") == "世  x")
        #expect(Sanitizer.clean("👩‍💻\tx") == "👩‍💻  x")
        #expect(Sanitizer.clean("e\u{301}\tx") == "e\u{301}   x")
        #expect(Sanitizer.clean("ab\tc\td") == "ab  c   d")
        #expect(Sanitizer.clean("abc\ncd\te") == "abc\ncd  e")
        #expect(Sanitizer.clean("a\tb", tabWidth: 8) == "a       b")
        #expect(Sanitizer.clean("\u{1B}[31mab\u{1B}[0m\tc") == "ab  c", "escape sequences take no columns")
        #expect(Sanitizer.clean("\u{07}\tx") == "␇   x", "control pictures take one column")
    }

    @Test("gives up an unterminated string sequence after its length limit, showing what follows")
    func capsStringSequences() {
        let payload = String(repeating: "A", count: StreamSanitizer.maxStringSequenceLength)
        let cleaned = Sanitizer.clean("x\u{1B}]52;c;" + payload + "tail")
        // The cap counts the payload from after "ESC ]": "52;c;" plus the As fill it.
        let shown = "52;c;".count + payload.count + "tail".count - StreamSanitizer.maxStringSequenceLength
        #expect(cleaned == "x" + String(String(payload + "tail").suffix(shown)))
        #expect(cleaned.hasSuffix("tail"))
        #expect(isTerminalSafe(cleaned))
    }

    @Test("no input, however mangled, leaves an ESC or C1 control in the output")
    func randomInputIsSafe() {
        let alphabet: [Unicode.Scalar] = [
            "\u{1B}", "[", "]", "P", "X", "^", "_", "\\", "\u{07}", "\u{9B}", "\u{9C}", "\u{9D}", "\u{90}",
            "\u{85}", "\u{18}", "\r", "\n", "\t", "1", ";", "m", "c", "a", "世", "\u{301}", "\u{7F}", "(", "\u{202E}", "\u{2066}",
        ]
        var generator = SplitMix64(seed: 0x5EED)
        for _ in 0..<2000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                text.append(alphabet.randomElement(using: &generator)!)
            }
            let cleaned = Sanitizer.clean(String(text))
            #expect(isTerminalSafe(cleaned), "\(String(text).debugDescription)")
            #expect(!cleaned.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        }
    }
}
