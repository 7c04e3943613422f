import Testing
@testable import TerminalKit

@Suite("Text wrap")
struct TextWrapTests {
    @Test("breaks at spaces and drops the spaces at the break")
    func breaksAtSpaces() {
        #expect(TextWrap.wrap("the quick brown fox", width: 10) == ["the quick", "brown fox"])
        #expect(TextWrap.wrap("the quick brown fox", width: 9) == ["the quick", "brown fox"])
        #expect(TextWrap.wrap("the quick brown fox", width: 8) == ["the", "quick", "brown", "fox"])
        #expect(TextWrap.wrap("a  b", width: 10) == ["a  b"], "spaces inside a line are kept")
        #expect(TextWrap.wrap("word   ", width: 4) == ["word"])
    }

    @Test("keeps a paragraph's indentation when it fits")
    func keepsIndentation() {
        #expect(TextWrap.wrap("  indented text", width: 20) == ["  indented text"])
        #expect(TextWrap.wrap("  indented text", width: 10) == ["  indented", "text"])
    }

    @Test("splits a word longer than the width onto lines of its own")
    func splitsLongWords() {
        #expect(TextWrap.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextWrap.wrap("hi abcdefghij ok", width: 4) == ["hi", "abcd", "efgh", "ij", "ok"])
    }

    @Test("never splits a wide character, and wraps CJK between characters")
    func wideCharacters() {
        #expect(TextWrap.wrap("世界你好吗", width: 5) == ["世界", "你好", "吗"])
        #expect(TextWrap.wrap("a世界", width: 2) == ["a", "世", "界"])
        #expect(TextWrap.wrap("👩‍💻👩‍💻", width: 3) == ["👩‍💻", "👩‍💻"])
        #expect(TextWrap.wrap("世界", width: 1) == ["世", "界"], "too wide for any line: one per line")
    }

    @Test("keeps explicit newlines, empty lines included")
    func keepsNewlines() {
        #expect(TextWrap.wrap("a\n\nb", width: 10) == ["a", "", "b"])
        #expect(TextWrap.wrap("", width: 10) == [""])
        #expect(TextWrap.wrap("one two\nthree", width: 3) == ["one", "two", "thr", "ee"])
        #expect(TextWrap.wrap("end\n", width: 10) == ["end", ""])
    }

    @Test("no line is wider than the width, and no visible character is lost")
    func linesFit() {
        let text = "Parley lets 产品经理 and the CFO argue 👩‍💻 about a pricing model, longwordwithoutspaces here."
        for width in 2...30 {
            let lines = TextWrap.wrap(text, width: width)
            for line in lines { #expect(TextWidth.columns(line) <= width, "width \(width): \(line)") }
            #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
        }
    }
}
