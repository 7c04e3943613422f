import ParleyCore
import TerminalKit
import Testing
@testable import ParleyObserver

@Suite("/ searches the focused pane; n and N go from match to match while it is active there")
struct SearchTests {
    func searched(_ query: String) -> ObserverState {
        var state = DebateBuilder.threePeerDebate().state(columns: 100, rows: 30)
        _ = state.apply(.focus(.peer("pm")))
        _ = state.apply(KeyMap.command(for: .character("/"), in: state.mode)!)
        for character in query { _ = state.apply(KeyMap.command(for: .character(character), in: state.mode)!) }
        return state
    }

    @Test("/ then words then Enter finds them in the focused pane, says which match of how many, and highlights them")
    func finds() throws {
        var state = searched("weeks")
        #expect(state.mode == .searching)
        #expect(KeyMap.command(for: .character("n"), in: state.mode) == .search(.insert("n")), "n is typed while typing")
        _ = state.apply(try #require(KeyMap.command(for: .enter, in: state.mode)))
        #expect(state.mode == .searchResults)
        let rect = try #require(state.layout.rect(of: .peer("pm")))
        let lines = try #require(ObserverView.scrollContent(.peer("pm"), of: state, in: state.layout)).lines
        let count = SearchMatch.all(of: Array("weeks"), in: lines).count
        #expect(count >= 2, "the pane says weeks more than once")
        #expect(state.view.search?.current == count - 1, "Enter goes to the latest match")
        #expect(PromptLineView.line(for: state, width: 200).map(\.text).joined().hasPrefix("/weeks: match \(count) of \(count) · n"))
        let canvas = ObserverView.render(state: state, theme: .plain)
        let area = PaneFrame.content(of: rect)
        let highlighted = (area.y..<area.maxY).flatMap { y in (area.x..<area.maxX).map { (x: $0, y: y) } }
            .filter { canvas[$0.x, $0.y].style.attributes.contains(.reverse) }
        #expect(!highlighted.isEmpty, "the matches are marked in the pane")
        let marked = String(highlighted.filter { $0.y == highlighted[0].y }.map { canvas[$0.x, $0.y].character })
        #expect(marked.lowercased().hasPrefix("weeks"), "\(marked)")
    }

    @Test("n and N go to the next and previous match, wrapping; Esc ends the search and n steps a turn again")
    func nextAndPrevious() throws {
        var state = searched("weeks")
        _ = state.apply(.search(.submit))
        let last = try #require(state.view.search?.current)
        _ = state.apply(try #require(KeyMap.command(for: .character("n"), in: state.mode)))
        #expect(state.view.search?.current == 0, "after the last, the first")
        _ = state.apply(try #require(KeyMap.command(for: .character("N"), in: state.mode)))
        #expect(state.view.search?.current == last)
        _ = state.apply(try #require(KeyMap.command(for: .character("N"), in: state.mode)))
        #expect(state.view.search?.current == last - 1)
        #expect(state.view.scroll(of: .peer("pm")).intent != .follow, "the pane scrolled to the match")
        _ = state.apply(.focus(.peer("eng")))
        #expect(KeyMap.command(for: .character("n"), in: state.mode) == .stepTurn, "in another pane n steps a turn")
        _ = state.apply(.focus(.peer("pm")))
        #expect(state.apply(try #require(KeyMap.command(for: .escape, in: state.mode))).isEmpty)
        #expect(state.view.search == nil)
        #expect(KeyMap.command(for: .character("n"), in: state.mode) == .stepTurn)
    }

    @Test("i still writes; a search with no match says so; the graph cannot be searched")
    func edges() {
        var state = searched("zebra")
        _ = state.apply(.search(.submit))
        #expect(state.debate.notice?.text == "No match for “zebra” in this pane.")
        var graph = DebateBuilder.threePeerDebate().state(columns: 100, rows: 30)
        _ = graph.apply(.focus(.side))
        _ = graph.apply(.startSearch)
        #expect(graph.view.search == nil)
        #expect(graph.debate.notice?.text.hasPrefix("This pane cannot be searched") == true)
        #expect(KeyMap.command(for: .character("i"), in: .normal) == .startCompose)
        #expect(KeyMap.command(for: .character("/"), in: .normal) == .startSearch)
    }
}
