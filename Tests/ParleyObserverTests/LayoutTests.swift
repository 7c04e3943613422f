import ParleyCore
import TerminalKit
import Testing
@testable import ParleyObserver

@Suite("The layout")
struct LayoutTests {
    func ids(_ count: Int) -> [AgentID] { (1...count).map { AgentID("p\($0)") } }

    /// The panes per row of the peers' grid, top to bottom.
    func shape(_ layout: Layout) -> [Int] {
        let rows = Dictionary(grouping: layout.peerRects, by: \.y)
        return rows.keys.sorted().map { rows[$0]!.count }
    }

    @Test("the grid adapts to the number of peers", arguments: [
        (2, [2]), (3, [3]), (4, [2, 2]), (5, [3, 2]), (6, [3, 3]), (7, [3, 3, 1]), (8, [3, 3, 2]), (9, [3, 3, 3]),
    ])
    func gridShapes(count: Int, expected: [Int]) {
        #expect(shape(Layout(columns: 160, rows: 40, peers: ids(count))) == expected)
    }

    @Test("narrow or tall terminals get fewer columns")
    func fewerColumns() {
        #expect(shape(Layout(columns: 60, rows: 60, peers: ids(3))) == [2, 1])
        #expect(shape(Layout(columns: 60, rows: 16, peers: ids(9))) == [3, 3, 3])
    }

    @Test("panes fill the area above the timeline strip without overlapping", arguments: [2, 3, 5, 9])
    func panesTile(count: Int) {
        for (columns, rows) in [(60, 16), (80, 24), (100, 30), (200, 60)] {
            let layout = Layout(columns: columns, rows: rows, peers: ids(count))
            #expect(!layout.isTooSmall)
            var covered = Array(repeating: 0, count: columns * (rows - 3))
            for pane in layout.panes {
                let rect = layout.rect(of: pane)!
                #expect(rect.width >= 3 && rect.height >= 3, "\(pane) at \(columns)×\(rows) is \(rect)")
                for y in rect.y..<rect.maxY { for x in rect.x..<rect.maxX { covered[y * columns + x] += 1 } }
            }
            #expect(covered.allSatisfy { $0 == 1 }, "\(count) peers at \(columns)×\(rows) leave gaps or overlap")
        }
    }

    @Test("the graph gets its own column on wide terminals and shares the top band on narrow ones")
    func sidePlacement() throws {
        let wide = Layout(columns: 140, rows: 40, peers: ids(3))
        #expect(try #require(wide.side).height == 37)
        let narrow = Layout(columns: 80, rows: 24, peers: ids(3))
        #expect(try #require(narrow.side).y == 0)
        #expect(try #require(narrow.side).height == narrow.summary?.height)
    }

    @Test("too small below the minimum, which grows with the rows of peers")
    func tooSmall() {
        #expect(Layout(columns: 59, rows: 40, peers: ids(3)).isTooSmall)
        #expect(!Layout(columns: 60, rows: 12, peers: ids(3)).isTooSmall)
        #expect(Layout(columns: 100, rows: 14, peers: ids(9)).isTooSmall)
        #expect(Layout(columns: 100, rows: 14, peers: ids(9)).minimumRows == 16)
        #expect(Layout(columns: 100, rows: 14, peers: ids(9)).panes.isEmpty)
    }

    @Test("a click finds the pane under it, and nothing on the status bar, prompt line or timeline strip")
    func hitTesting() {
        let layout = Layout(columns: 100, rows: 30, peers: ids(5))
        for pane in layout.panes {
            let rect = layout.rect(of: pane)!
            #expect(layout.pane(at: Point(x: rect.x + rect.width / 2, y: rect.y + rect.height / 2)) == pane)
            #expect(layout.pane(at: Point(x: rect.x, y: rect.y)) == pane)
        }
        #expect(layout.pane(at: Point(x: 10, y: 29)) == nil)
        #expect(layout.pane(at: Point(x: 10, y: 28)) == nil)
        #expect(layout.pane(at: Point(x: 10, y: 27)) == nil)
    }

    @Test("a zoomed pane takes the whole area above the timeline strip")
    func zoom() {
        let layout = Layout(columns: 100, rows: 30, peers: ids(3), zoomed: .peer("p2"))
        #expect(layout.panes == [.peer("p2")])
        #expect(layout.rect(of: .peer("p2")) == Rect(x: 0, y: 0, width: 100, height: 27))
        #expect(layout.pane(at: Point(x: 1, y: 1)) == .peer("p2"))
    }
}
