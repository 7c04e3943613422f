import Foundation
import ParleyCore
import TerminalKit

/// The live message-flow graph: the peers, the human and the blackboard on an ellipse (the
/// human at the bottom, the blackboard across from it), a line between two nodes once a
/// message went between them with the count of messages each way near its sender's end, and
/// the messages being written highlighted from their sender to their addressees. An area too
/// small for a drawing gets the same facts as a list.
enum GraphView {
    /// What the graph's caption says.
    static let legend = "counts near the sender"

    /// The smallest area the drawing is made for; below it the graph is a list.
    static let minimumDrawing = (columns: 24, rows: 7)

    /// The nodes, in drawing order: the human, the peers in ring order, the blackboard.
    static func nodes(_ state: ObserverState) -> [GraphNode] {
        [.human] + state.debate.peerIDs.map(GraphNode.peer) + [.blackboard]
    }

    /// Where each node's label is centred in `area`: on an ellipse, the human at the bottom,
    /// the blackboard across from it, the peers clockwise round the rest. As every node is on
    /// the ellipse, no line between two nodes runs under a third.
    static func placement(of state: ObserverState, in area: Rect) -> [GraphNode: Point] {
        let widest = nodes(state).map { TextWidth.columns(label(of: $0, in: state, width: area.width)) }.max() ?? 3
        let centre = Point(x: area.x + area.width / 2, y: area.y + area.height / 2)
        let radiusX = Double(max(0, area.width / 2 - (widest + 1) / 2))
        let radiusY = Double(max(0, (area.height - 1) / 2))
        var order: [GraphNode] = [.human] + state.debate.peerIDs.map(GraphNode.peer)
        order.insert(.blackboard, at: (order.count + 1) / 2)
        var places: [GraphNode: Point] = [:]
        for (slot, node) in order.enumerated() {
            let angle = Double.pi / 2 + 2 * Double.pi * Double(slot) / Double(order.count)
            places[node] = Point(
                x: centre.x + Int((radiusX * cos(angle)).rounded()),
                y: centre.y + Int((radiusY * sin(angle)).rounded()))
        }
        return places
    }

    /// A node's label: a peer's name (its id when the area is narrow), `you`, `▣ board`.
    static func label(of node: GraphNode, in state: ObserverState, width: Int) -> String {
        switch node {
        case .human: return "you"
        case .blackboard: return "▣ board"
        case .peer(let id):
            let name = width < 40 ? id.rawValue : (state.debate.pane(id)?.agent.name ?? id.rawValue)
            return String(name.prefix(width < 40 ? 8 : 12))
        }
    }

    /// A node's short name in the list form.
    static func shortName(_ node: GraphNode) -> String {
        switch node {
        case .human: "you"
        case .blackboard: "board"
        case .peer(let id): id.rawValue
        }
    }

    static func draw(_ state: ObserverState, in area: Rect, theme: Theme, agents: [Int: Style], into canvas: inout Canvas) {
        guard !area.isEmpty else { return }
        if area.width < minimumDrawing.columns || area.height < minimumDrawing.rows {
            drawList(state, in: area, theme: theme, into: &canvas)
            return
        }
        let places = placement(of: state, in: area)
        let nodes = nodes(state)

        // Edges with messages either way, then the messages in flight over them.
        var pairs: [(GraphNode, GraphNode)] = []
        for (index, a) in nodes.enumerated() {
            for b in nodes[(index + 1)...] where state.debate.graph.count(from: a, to: b) + state.debate.graph.count(from: b, to: a) > 0 {
                pairs.append((a, b))
            }
        }
        // Many edges are drawn in dots, which stay readable where they cross.
        let dotted = pairs.count > 12
        for (a, b) in pairs {
            guard let from = places[a], let to = places[b] else { continue }
            stroke(from: from, to: to, dotted: dotted, style: theme.style(.graphEdge), clip: area, into: &canvas)
        }
        for (a, b) in flights(state) {
            guard let from = places[a], let to = places[b] else { continue }
            stroke(from: from, to: to, dotted: false, style: theme.style(.graphInFlight), clip: area, into: &canvas)
        }
        for (a, b) in pairs {
            guard let from = places[a], let to = places[b] else { continue }
            let path = line(from: from, to: to)
            let ab = state.debate.graph.count(from: a, to: b), ba = state.debate.graph.count(from: b, to: a)
            if path.count < 8 {
                putCount(ab + ba, at: path[path.count / 2], style: theme.style(.graphCount), clip: area, into: &canvas)
            } else {
                if ab > 0 { putCount(ab, at: path[path.count * 3 / 10], style: theme.style(.graphCount), clip: area, into: &canvas) }
                if ba > 0 { putCount(ba, at: path[path.count * 7 / 10], style: theme.style(.graphCount), clip: area, into: &canvas) }
            }
        }

        // Nodes on top; a sender writing now is drawn reversed.
        for node in nodes {
            guard let place = places[node] else { continue }
            let text = label(of: node, in: state, width: area.width)
            let width = TextWidth.columns(text)
            let x = min(max(area.x, place.x - width / 2), max(area.x, area.maxX - width))
            canvas.put(text, x: x, y: place.y, style: style(of: node, state: state, theme: theme, agents: agents), clip: area)
        }
    }

    /// Sender → addressee of every message being written.
    static func flights(_ state: ObserverState) -> [(GraphNode, GraphNode)] {
        state.debate.graph.inFlight.flatMap { flight in flight.addressees.map { (GraphNode.peer(flight.sender), GraphNode.peer($0)) } }
    }

    /// A node's look: the human's, the blackboard's, a peer's colour (reversed while it writes).
    static func style(of node: GraphNode, state: ObserverState, theme: Theme, agents: [Int: Style]) -> Style {
        switch node {
        case .human: return theme.style(.human)
        case .blackboard: return theme.style(.blackboard)
        case .peer(let id):
            let style = theme.style(.agent(state.debate.pane(id)?.index ?? 0), agents: agents).adding(.bold)
            return state.debate.graph.inFlight.contains { $0.sender == id } ? style.adding(.reverse) : style
        }
    }

    /// The graph as a list for small areas: the messages being written, then each edge's count,
    /// busiest first: `✎ cfo → pm eng`, `pm→eng 3  eng→cfo 2`.
    static func drawList(_ state: ObserverState, in area: Rect, theme: Theme, into canvas: inout Canvas) {
        var spans: StyledLine = []
        for flight in state.debate.graph.inFlight {
            let to = flight.addressees.count == state.debate.peers.count - 1 ? "all" : flight.addressees.map(\.rawValue).joined(separator: " ")
            spans.append(Span("✎ \(flight.sender.rawValue) → \(to)", .role(.graphInFlight)))
        }
        let edges = state.debate.graph.counts.filter { $0.value > 0 }.sorted {
            ($1.value, shortName($0.key.from), shortName($0.key.to)) < ($0.value, shortName($1.key.from), shortName($1.key.to))
        }
        for (edge, count) in edges {
            spans.append(Span("\(shortName(edge.from))→\(shortName(edge.to)) \(count)", .role(.graphCount)))
        }
        if spans.isEmpty { spans.append(Span("No messages yet.", .role(.muted))) }
        // Flow the items into lines, two spaces apart.
        var row = area.y
        var x = area.x + 1
        for span in spans {
            let width = TextWidth.columns(span.text)
            if x > area.x + 1, x + width > area.maxX - 1 {
                row += 1
                x = area.x + 1
            }
            guard row < area.maxY else { break }
            canvas.put(span.text, x: x, y: row, style: theme.style(span.ink), clip: area)
            x += width + 2
        }
    }

    private static func putCount(_ count: Int, at point: Point, style: Style, clip: Rect, into canvas: inout Canvas) {
        let text = "\(count)"
        canvas.put(text, x: point.x - (text.count - 1) / 2, y: point.y, style: style, clip: clip)
    }

    /// Draws a line from one node to another in line characters, or in dots.
    static func stroke(from: Point, to: Point, dotted: Bool, style: Style, clip: Rect, into canvas: inout Canvas) {
        let glyph = dotted ? "·" : glyph(dx: to.x - from.x, dy: to.y - from.y)
        for point in line(from: from, to: to).dropFirst().dropLast() {
            canvas.put(String(glyph), x: point.x, y: point.y, style: style, clip: clip)
        }
    }

    /// The character a line of this slope is drawn with; cells are about twice as tall as wide.
    static func glyph(dx: Int, dy: Int) -> Character {
        if dy == 0 { return "─" }
        if dx == 0 { return "│" }
        let steepness = Double(abs(dy) * 2) / Double(abs(dx))
        if steepness < 0.5 { return "─" }
        if steepness > 2.5 { return "│" }
        return (dx > 0) == (dy > 0) ? "╲" : "╱"
    }

    /// The cells from `from` to `to`, both included (Bresenham).
    static func line(from: Point, to: Point) -> [Point] {
        var points: [Point] = []
        let dx = abs(to.x - from.x), dy = -abs(to.y - from.y)
        let stepX = from.x < to.x ? 1 : -1, stepY = from.y < to.y ? 1 : -1
        var error = dx + dy
        var x = from.x, y = from.y
        while true {
            points.append(Point(x: x, y: y))
            if x == to.x, y == to.y { break }
            let double = 2 * error
            if double >= dy {
                error += dy
                x += stepX
            }
            if double <= dx {
                error += dx
                y += stepY
            }
        }
        return points
    }
}
