import Testing
@testable import TerminalKit

@Suite("Canvas")
struct CanvasSmokeTests {
    @Test("wide characters take two columns and are never split at the edge")
    func wideCharacters() {
        var canvas = Canvas(width: 5, height: 1)
        let end = canvas.put("a世界", x: 0, y: 0, style: .plain)
        #expect(end == 5)
        #expect(canvas.lines == ["a世界"])
        var clipped = Canvas(width: 4, height: 1)
        clipped.put("a世界", x: 0, y: 0, style: .plain)
        #expect(clipped.lines == ["a世"])
        #expect(TextWidth.columns("👍🏽") == 2)
    }
}
