import Testing
@testable import TerminalKit

/// Checks the canvas invariant: every right half follows a left half of a wide character, and
/// every wide character has its right half.
func wideCharactersAreWhole(_ canvas: Canvas) -> Bool {
    for y in 0..<canvas.height {
        for x in 0..<canvas.width {
            let cell = canvas[x, y]
            if cell.isContinuation {
                if x == 0 || canvas[x - 1, y].isContinuation || TextWidth.columns(canvas[x - 1, y].character) != 2 { return false }
            } else if TextWidth.columns(cell.character) == 2 {
                if x + 1 >= canvas.width || !canvas[x + 1, y].isContinuation { return false }
            }
        }
    }
    return true
}

@Suite("Canvas")
struct CanvasTests {
    @Test("wide characters take two columns and are never split at the canvas edge")
    func wideCharacters() {
        var canvas = Canvas(width: 5, height: 1)
        let end = canvas.put("a世界", x: 0, y: 0, style: .plain)
        #expect(end == 5)
        #expect(canvas.lines == ["a世界"])
        #expect(canvas[2, 0].isContinuation && canvas[4, 0].isContinuation)
        var clipped = Canvas(width: 4, height: 1)
        clipped.put("a世界", x: 0, y: 0, style: .plain)
        #expect(clipped.lines == ["a世"])
        #expect(wideCharactersAreWhole(clipped))
    }

    @Test("a clip rectangle cuts wide characters whole at both edges")
    func clipEdges() {
        var canvas = Canvas(width: 8, height: 1)
        canvas.put("abcdefgh", x: 0, y: 0, style: .plain)
        // 世 starts at column 1, left of the clip at 2: its right half is blanked, not drawn.
        canvas.put("x世界你", x: 0, y: 0, style: .plain, clip: Rect(x: 2, y: 0, width: 4, height: 1))
        #expect(canvas.lines == ["ab 界 gh"])
        #expect(wideCharactersAreWhole(canvas))
    }

    @Test("put returns the column after the text even when clipped")
    func putReturnsEnd() {
        var canvas = Canvas(width: 4, height: 2)
        #expect(canvas.put("世界ab", x: 0, y: 0, style: .plain) == 6)
        #expect(canvas.put("世界ab", x: 0, y: 5, style: .plain) == 6)
        #expect(canvas.put("abc", x: -2, y: 1, style: .plain) == 1)
        #expect(canvas.lines == ["世界", "c"])
    }

    @Test("overwriting half of a wide character blanks its other half")
    func overwriteHalf() {
        var left = Canvas(width: 4, height: 1)
        left.put("世界", x: 0, y: 0, style: .plain)
        left.put("x", x: 1, y: 0, style: .plain)
        #expect(left.lines == [" x界"])
        #expect(wideCharactersAreWhole(left))

        var right = Canvas(width: 4, height: 1)
        right.put("世界", x: 0, y: 0, style: .plain)
        right.put("y", x: 2, y: 0, style: .plain)
        #expect(right.lines == ["世y"])
        #expect(wideCharactersAreWhole(right))

        var shifted = Canvas(width: 5, height: 1)
        shifted.put("世界", x: 0, y: 0, style: .plain)
        shifted.put("你", x: 1, y: 0, style: .plain)
        #expect(shifted.lines == [" 你 "].map { $0.trimmingTrailingSpaces })
        #expect(wideCharactersAreWhole(shifted))
    }

    @Test("fill covers the rectangle and breaks wide characters it cuts")
    func fill() {
        var canvas = Canvas(width: 6, height: 2)
        canvas.put("世界你", x: 0, y: 0, style: .plain)
        canvas.put("abcdef", x: 0, y: 1, style: .plain)
        let red = Style(foreground: .ansi(1))
        canvas.fill(Rect(x: 1, y: 0, width: 2, height: 2), with: "#", style: red)
        #expect(canvas.lines == [" ## 你", "a##def"])
        #expect(canvas[1, 1].style == red && canvas[3, 1].style == .plain)
        #expect(wideCharactersAreWhole(canvas))
    }

    @Test("fill with a wide character fills pairs of cells")
    func fillWide() {
        var canvas = Canvas(width: 5, height: 1)
        canvas.fill(canvas.bounds, with: "世", style: .plain)
        #expect(canvas.lines == ["世世"])
        #expect(wideCharactersAreWhole(canvas))
    }

    @Test("draw copies a canvas, clipped, without leaving half a wide character at any edge")
    func draw() {
        var inner = Canvas(width: 4, height: 1)
        inner.put("世界", x: 0, y: 0, style: .plain)

        var target = Canvas(width: 5, height: 3)
        target.put("abcde", x: 0, y: 0, style: .plain)
        target.draw(inner, at: Point(x: 1, y: 0))
        #expect(target.lines[0] == "a世界")

        target.draw(inner, at: Point(x: 2, y: 1))  // 界 would stick out of the right edge
        #expect(target.lines[1] == "  世")

        target.draw(inner, at: Point(x: -1, y: 2))  // 世's left half is off the left edge
        #expect(target.lines[2] == " 界")
        #expect(wideCharactersAreWhole(target))

        var covered = Canvas(width: 6, height: 1)
        covered.put("你好吗", x: 0, y: 0, style: .plain)
        var narrow = Canvas(width: 2, height: 1)
        narrow.put("xy", x: 0, y: 0, style: .plain)
        covered.draw(narrow, at: Point(x: 1, y: 0))  // cuts 你 and 好
        #expect(covered.lines == [" xy 吗"])
        #expect(wideCharactersAreWhole(covered))
    }

    @Test("lines and text show each wide character once, without trailing blanks")
    func lines() {
        var canvas = Canvas(width: 8, height: 3)
        canvas.put("hi 世界", x: 0, y: 0, style: .plain)
        canvas.put("x", x: 3, y: 2, style: .plain)
        #expect(canvas.lines == ["hi 世界", "", "   x"])
        #expect(canvas.text == "hi 世界\n\n   x")
    }

    @Test("control characters and combining marks alone take no cell")
    func zeroWidth() {
        var canvas = Canvas(width: 4, height: 1)
        #expect(canvas.put("\u{301}a\u{7}b", x: 0, y: 0, style: .plain) == 2)
        #expect(canvas.lines == ["ab"])
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
