import ParleyCore
import TerminalKit
import Testing
@testable import ParleyObserver

@Suite("A pane's scroll is an intent, clamped where the pane is drawn")
struct ScrollIntentTests {
    /// The three-peer debate with Dana (cfo) writing a long message, her pane focused.
    func running() -> ObserverState {
        var state = DebateBuilder.threePeerDebate().state(columns: 100, rows: 30)
        moreText(&state)
        _ = state.apply(.focus(.peer("cfo")))
        return state
    }

    func moreText(_ state: inout ObserverState) {
        state.apply(.textDelta(agent: "cfo", message: MessageID(10), text: String(repeating: "more words ", count: 40)))
    }

    /// The text lines of Dana's pane at its size now, and the rows that show them.
    func content(_ state: ObserverState) throws -> (lines: [String], rows: Int) {
        let (lines, rows) = try #require(ObserverView.scrollContent(.peer("cfo"), of: state, in: state.layout))
        return (lines.map { Self.trimmed($0.map(\.text).joined()) }, rows)
    }

    /// The text rows Dana's pane shows when the state is drawn.
    func shown(_ state: ObserverState) throws -> [String] {
        let canvas = ObserverView.render(state: state, theme: ThemeCatalog.builtIn.theme(at: 0))
        let area = PaneFrame.content(of: try #require(state.layout.rect(of: .peer("cfo"))))
        return (area.y..<area.maxY).map { row in Self.trimmed(String((area.x..<area.maxX).map { canvas[$0, row].character })) }
    }

    static func trimmed(_ text: String) -> String {
        String(text.reversed().drop { $0 == " " }.reversed())
    }

    @Test("a scrolled-back pane keeps its line through a resize and new text, clamped while it is too far")
    func survivesResizeAndText() throws {
        var state = running()
        _ = state.apply(.scroll(.home))
        _ = state.apply(.scroll(.pageDown))
        state.draw()
        let (lines, rows) = try content(state)
        let intent = state.view.scroll(of: .peer("cfo")).intent
        #expect(intent == .line(rows - 1))
        #expect(lines.count - rows > rows - 1)
        #expect(try shown(state) == Array(lines[(rows - 1)..<(2 * rows - 1)]))

        // So tall that every line fits: the pane shows them all from the first, and keeps its line.
        _ = state.apply(.resize(columns: 100, rows: 200))
        state.draw()
        #expect(state.view.scroll(of: .peer("cfo")).intent == intent)
        let (tall, _) = try content(state)
        #expect(try shown(state).prefix(tall.count) == tall[...])

        _ = state.apply(.resize(columns: 100, rows: 30))
        moreText(&state)
        state.draw()
        #expect(state.view.scroll(of: .peer("cfo")).intent == intent)
        let (longer, _) = try content(state)
        #expect(longer.count > lines.count)
        #expect(try shown(state) == Array(longer[(rows - 1)..<(2 * rows - 1)]))
    }

    @Test("a following pane keeps following new text, through a resize too")
    func followKeepsFollowing() throws {
        var state = running()
        #expect(state.view.scroll(of: .peer("cfo")).follows)
        _ = state.apply(.scroll(.down))
        moreText(&state)
        _ = state.apply(.resize(columns: 90, rows: 28))
        moreText(&state)
        state.draw()
        #expect(state.view.scroll(of: .peer("cfo")).follows)
        let (lines, rows) = try content(state)
        #expect(lines.count > rows)
        #expect(try shown(state) == Array(lines.suffix(rows)))
    }

    @Test("moves wait for the pane to be drawn, then are carried out on its lines as drawn")
    func movesSettleWhereDrawn() throws {
        var state = running()
        _ = state.apply(.scroll(.up))
        _ = state.apply(.scroll(.up))
        #expect(state.view.scroll(of: .peer("cfo")).moves == [.up, .up])
        let (lines, rows) = try content(state)
        #expect(try shown(state) == Array(lines[(lines.count - rows - 2)..<(lines.count - 2)]))
        state.draw()
        #expect(state.view.scroll(of: .peer("cfo")) == PaneScroll(intent: .line(lines.count - rows - 2)))
        _ = state.apply(.scroll(.end))
        #expect(state.view.scroll(of: .peer("cfo")).follows)
    }

    @Test("a pane that is not shown does not scroll, nor does the graph")
    func hiddenPanes() {
        var state = running()
        _ = state.apply(.focus(.side))
        _ = state.apply(.scroll(.up))
        #expect(state.view.scrolls.isEmpty)
        _ = state.apply(.focus(.peer("pm")))
        _ = state.apply(.resize(columns: 30, rows: 8))
        _ = state.apply(.scroll(.up))
        #expect(state.view.scrolls.isEmpty)
    }
}
