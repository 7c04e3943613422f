import Foundation
import ParleyCore
import TerminalKit
import Testing
@testable import ParleyObserver

/// The message-flow views — the drawing for small debates, the matrix up to nine peers, the
/// list for small areas — at the sizes people use, with 2, 4 and 9 peers.
@Suite("The message flow: graph, matrix and list")
struct FlowViewTests {
    let theme = ThemeCatalog.defaultTheme

    /// A round in which every peer speaks — the first to the second by `@mention`, the rest to
    /// everyone — with a note, a question from the person to the last peer, and the second round
    /// under way with the first peer writing to everyone.
    static func flowDebate(peers count: Int) -> DebateBuilder {
        let agents = DebateBuilder.agents(count)
        var debate = DebateBuilder(DebateBuilder.info(agents: agents))
        debate.round(1)
        for (index, agent) in agents.enumerated() {
            if index == 0 {
                debate.turn(agent.id, round: 1, says: "@p2 can we ship it in six weeks?", to: .peer("p2"))
            } else {
                debate.turn(agent.id, round: 1, says: "Point \(index + 1): weigh the cost against the value.")
            }
        }
        debate.note("p2", .claim, "Six weeks is tight", round: 1)
        debate.human("What about churn?", to: .peer(agents[count - 1].id), round: 1)
        debate.add(.roundEnded(round: 1))
        debate.round(2)
        let id = debate.begin("p1", round: 2)
        debate.stream("p1", id, "So we agree ")
        return debate
    }

    func render(_ state: ObserverState, _ size: (Int, Int)) -> Canvas {
        ObserverView.render(state: state, theme: theme, columns: size.0, rows: size.1)
    }

    static let sizes = [(60, 20), (100, 30), (160, 48)]

    @Test("golden: 2, 4 and 9 peers at 60×20, 100×30 and 160×48", arguments: [2, 4, 9])
    func goldens(peers: Int) throws {
        for size in Self.sizes {
            let state = Self.flowDebate(peers: peers).state(columns: size.0, rows: size.1)
            try Goldens.check(render(state, size), "flow-\(peers)-peers-\(size.0)x\(size.1)")
        }
    }

    @Test("golden: the matrix chosen with g for 4 peers, and with the summary focused (nothing dimmed)")
    func matrixGoldens() throws {
        for size in Self.sizes {
            var state = Self.flowDebate(peers: 4).state(columns: size.0, rows: size.1)
            _ = state.apply(.toggleGraphView)
            _ = state.apply(.focus(.summary))
            #expect(state.shownSideView == .matrix)
            try Goldens.check(render(state, size), "flow-matrix-4-peers-\(size.0)x\(size.1)")
        }
    }

    @Test("the matrix of nine peers counts every edge: a broadcast once per peer, an @mention only to its peer")
    func matrixCounts() {
        for size in Self.sizes.dropFirst() {
            var state = Self.flowDebate(peers: 9).state(columns: size.0, rows: size.1)
            _ = state.apply(.focus(.summary))
            let canvas = render(state, size)
            let row = { (row: Int) in Self.cells(of: row, in: canvas, state: state).joined(separator: "|") }
            #expect(row(0) == "|1|✎|✎|✎|✎|✎|✎|✎|·", "p1 wrote only to p2 (by @mention), and now writes to all: \(row(0))")
            #expect(row(1) == "1||1|1|1|1|1|1|1|1", "p2 broadcast to all and posted a note: \(row(1))")
            #expect(row(9) == "·|·|·|·|·|·|·|·|1|·", "the person asked p9: \(row(9))")
            #expect(Self.matrixLabels(in: canvas, state: state) == ["1 p1", "2 p2", "3 p3", "4 p4", "5 p5", "6 p6", "7 p7", "8 p8", "9 p9", "you"])
        }
        var state = Self.flowDebate(peers: 9).state(columns: 160, rows: 48)
        _ = state.apply(.focus(.summary))
        #expect(render(state, (160, 48)).text.contains("✎ p1 → all"), "the message being written")
    }

    /// The text of each cell of a matrix row (row 0 is the first sender), trimmed.
    static func cells(of row: Int, in canvas: Canvas, state: ObserverState) -> [String] {
        let area = state.layout.side!.inset(dx: 1, dy: 1)
        let shape = FlowMatrixView.shape(state, width: area.width)!
        return FlowMatrixView.receivers(state).indices.map { column in
            let x = area.x + 1 + shape.label + column * shape.cell
            return (x..<(x + shape.cell)).map { String(canvas[$0, area.y + 1 + row].character) }.joined()
                .trimmingCharacters(in: .whitespaces)
        }
    }

    /// The matrix's row labels.
    static func matrixLabels(in canvas: Canvas, state: ObserverState) -> [String] {
        let area = state.layout.side!.inset(dx: 1, dy: 1)
        let shape = FlowMatrixView.shape(state, width: area.width)!
        return FlowMatrixView.senders(state).indices.map { row in
            (area.x + 1..<(area.x + 1 + shape.label)).map { String(canvas[$0, area.y + 1 + row].character) }.joined()
                .trimmingCharacters(in: .whitespaces)
        }
    }

    @Test("with a peer focused, its row and column stand out and other counts are dimmed")
    func matrixFocus() {
        var state = Self.flowDebate(peers: 9).state(columns: 160, rows: 48)
        _ = state.apply(.focus(.peer("p3")))
        let canvas = render(state, (160, 48))
        guard let side = state.layout.side else {
            Issue.record("no side pane")
            return
        }
        let area = side.inset(dx: 1, dy: 1)
        let shape = FlowMatrixView.shape(state, width: area.width)!
        let cell = { (row: Int, column: Int) in
            canvas[area.x + 1 + shape.label + column * shape.cell + shape.cell - 1, area.y + 1 + row]
        }
        // p2 → p3 (row 1, column 2) stands out; p2 → p4 (column 3) is dimmed.
        #expect(cell(1, 2).character == "1" && cell(1, 2).style == theme.style(.graphCount).adding(.bold))
        #expect(cell(1, 3).character == "1" && cell(1, 3).style == theme.style(.muted))
        #expect(canvas.text.contains("@p3 stands out"))
    }

    @Test("the message being written is highlighted in its cells")
    func matrixInFlight() {
        let state = Self.flowDebate(peers: 9).state(columns: 160, rows: 48)
        let canvas = render(state, (160, 48))
        let area = state.layout.side!.inset(dx: 1, dy: 1)
        let shape = FlowMatrixView.shape(state, width: area.width)!
        for column in 1..<9 {
            let cell = canvas[area.x + 1 + shape.label + column * shape.cell + shape.cell - 1, area.y + 1]
            #expect(cell.style == theme.style(.graphInFlight), "p1 → p\(column + 1) is being written")
        }
    }

    @Test("no count ever runs into or hides under a label in the drawing", arguments: [2, 3, 4])
    func countsBesideLabels(peers: Int) {
        for size in Self.sizes + [(80, 24), (120, 34), (220, 60)] {
            // Busy edges with counts of one to three digits, every way.
            var debate = Self.flowDebate(peers: peers)
            for round in 2...4 {
                for agent in DebateBuilder.agents(peers) {
                    for _ in 0..<(round * round * 3) { debate.turn(agent.id, round: round, says: "Again.") }
                    debate.note(agent.id, .claim, "x", round: round)
                }
            }
            for _ in 0..<120 { debate.human("More?", to: .everyone, round: 4) }
            var state = debate.state(columns: size.0, rows: size.1)
            _ = state.apply(.focus(.summary))
            _ = state.apply(.focus(.side))
            _ = state.apply(.toggleZoom)
            for zoomed in [true, false] {
                if !zoomed { _ = state.apply(.toggleZoom) }
                guard state.shownSideView == .graph, let side = state.layout.side else { continue }
                let area = side.inset(dx: 1, dy: 1)
                guard area.width >= GraphView.minimumDrawing.columns, area.height >= GraphView.minimumDrawing.rows else { continue }
                let canvas = render(state, size)
                let places = GraphView.placement(of: state, in: area)
                for spot in GraphView.labelRects(state, places: places, in: area) {
                    let label = GraphView.label(of: spot.node!, in: state, width: area.width)
                    let drawn = (spot.x..<(spot.x + spot.width)).map { String(canvas[$0, spot.y].character) }.joined()
                    #expect(drawn.replacingOccurrences(of: " ", with: "") == label.replacingOccurrences(of: " ", with: ""), "\(label) reads whole at \(size)")
                    for x in [spot.x - 1, spot.x + spot.width] where x >= area.x && x < area.maxX {
                        #expect(!canvas[x, spot.y].character.isNumber, "no count touches \(label) at \(size), zoomed \(zoomed)")
                    }
                }
            }
        }
    }

    @Test("in small drawings too, every label reads whole and no count touches one", arguments: [2, 3, 4])
    func smallDrawings(peers: Int) {
        var debate = Self.flowDebate(peers: peers)
        for round in 2...4 {
            for agent in DebateBuilder.agents(peers) {
                for _ in 0..<(round * 7) { debate.turn(agent.id, round: round, says: "Again.") }
                debate.note(agent.id, .claim, "x", round: round)
            }
        }
        for _ in 0..<15 { debate.human("More?", to: .everyone, round: 4) }
        var state = debate.state()
        _ = state.apply(.focus(.summary))
        for width in stride(from: 24, through: 60, by: 3) {
            for height in 7...14 {
                let area = Rect(x: 0, y: 0, width: width, height: height)
                var canvas = Canvas(width: width, height: height, style: theme.base)
                GraphView.draw(state, in: area, theme: theme, agents: [:], into: &canvas)
                let places = GraphView.placement(of: state, in: area)
                let spots = GraphView.labelRects(state, places: places, in: area)
                for spot in spots {
                    let label = GraphView.label(of: spot.node!, in: state, width: width)
                    let drawn = (spot.x..<(spot.x + spot.width)).map { String(canvas[$0, spot.y].character) }.joined()
                    #expect(drawn == label, "\(label) reads whole in \(width)×\(height): \(drawn)")
                    for x in [spot.x - 1, spot.x + spot.width] where x >= 0 && x < width {
                        // A digit beside a label belongs to a count, unless it is part of another label.
                        let inLabel = spots.contains { $0 != spot && $0.y == spot.y && x >= $0.x && x < $0.x + $0.width }
                        #expect(inLabel || !canvas[x, spot.y].character.isNumber, "no count touches \(label) in \(width)×\(height)")
                    }
                }
            }
        }
    }

    @Test("the list for small areas ends with how many edges it left out")
    func listMore() {
        let items: StyledLine = (1...20).map { Span("p\($0)→p\($0 + 1) \($0)", .role(.graphCount)) }
        let lines = GraphView.flowed(items, width: 24, rows: 2)
        #expect(lines.count == 2)
        let texts = lines.map { $0.map(\.text).joined() }
        #expect(texts.allSatisfy { TextWidth.columns($0) <= 24 }, "\(texts)")
        let shown = texts.joined(separator: "  ").components(separatedBy: "→").count - 1
        #expect(texts.last?.hasSuffix("+\(20 - shown) more") == true, "\(texts)")
    }
}
