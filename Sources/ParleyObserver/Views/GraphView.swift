import Foundation
import ParleyCore
import TerminalKit

/// The live message-flow graph: peers and the human on an ellipse, the blackboard in the
/// middle, a line between two nodes once a message went between them with the count of
/// messages each way near its sender's end, and the messages being written highlighted from
/// their sender to their addressees.
enum GraphView {
    /// What the graph's caption says.
    static func legend(_ state: ObserverState) -> String {
        "counts sit by the sender"
    }

    /// The nodes, in drawing order: the blackboard, the human, then the peers in ring order.
    static func nodes(_ state: ObserverState) -> [GraphNode] {
        [.blackboard, .human] + state.peerIDs.map(GraphNode.peer)
    }

    /// Where each node's label is centred in `area`: the human at the bottom of an ellipse, the
    /// peers clockwise round the rest of it, the blackboard in the middle.
    static func placement(of state: ObserverState, in area: Rect) -> [GraphNode: Point] {
        let peers = state.peerIDs
        let widest = peers.map { TextWidth.columns(label(of: .peer($0), in: state, width: area.width)) }.max() ?? 3
        let centre = Point(x: area.x + area.width / 2, y: area.y + area.height / 2)
        let radiusX = Double(max(0, area.width / 2 - (widest + 1) / 2 - 1))
        let radiusY = Double(max(0, (area.height - 1) / 2))
        var places: [GraphNode: Point] = [.blackboard: centre]
        let slots = peers.count + 1
        for (slot, node) in ([GraphNode.human] + peers.map(GraphNode.peer)).enumerated() {
            let angle = Double.pi / 2 + 2 * Double.pi * Double(slot) / Double(slots)
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
            let name = width < 40 ? id.rawValue : (state.pane(id)?.agent.name ?? id.rawValue)
            return String(name.prefix(width < 40 ? 8 : 12))
        }
    }

    static func draw(_ state: ObserverState, in area: Rect, theme: Theme, agents: [Int: Style], into canvas: inout Canvas) {
        guard !area.isEmpty else { return }
        let places = placement(of: state, in: area)
        let nodes = nodes(state)

        // Edges with messages either way, then the messages in flight over them.
        var pairs: [(GraphNode, GraphNode)] = []
        for (index, a) in nodes.enumerated() {
            for b in nodes[(index + 1)...] where state.graph.count(from: a, to: b) + state.graph.count(from: b, to: a) > 0 {
                pairs.append((a, b))
            }
        }
        for (a, b) in pairs {
            guard let from = places[a], let to = places[b] else { continue }
            stroke(from: from, to: to, style: theme.style(.graphEdge), clip: area, into: &canvas)
        }
        let flights = state.graph.inFlight.flatMap { flight in flight.addressees.map { (GraphNode.peer(flight.sender), GraphNode.peer($0)) } }
        for (a, b) in flights {
            guard let from = places[a], let to = places[b] else { continue }
            stroke(from: from, to: to, style: theme.style(.graphInFlight), clip: area, into: &canvas)
        }
        for (a, b) in pairs {
            guard let from = places[a], let to = places[b] else { continue }
            let path = line(from: from, to: to)
            let ab = state.graph.count(from: a, to: b), ba = state.graph.count(from: b, to: a)
            if path.count < 8 {
                putCount(ab + ba, at: path[path.count / 2], style: theme.style(.graphCount), clip: area, into: &canvas)
            } else {
                if ab > 0 { putCount(ab, at: path[path.count * 3 / 10], style: theme.style(.graphCount), clip: area, into: &canvas) }
                if ba > 0 { putCount(ba, at: path[path.count * 7 / 10], style: theme.style(.graphCount), clip: area, into: &canvas) }
            }
        }

        // Nodes on top; a sender writing now is drawn reversed.
        let senders = Set(state.graph.inFlight.map(\.sender))
        for node in nodes {
            guard let place = places[node] else { continue }
            let text = label(of: node, in: state, width: area.width)
            var style: Style
            switch node {
            case .human: style = theme.style(.human)
            case .blackboard: style = theme.style(.blackboard)
            case .peer(let id):
                style = theme.style(.agent(state.pane(id)?.index ?? 0), agents: agents).adding(.bold)
                if senders.contains(id) { style = style.adding(.reverse) }
            }
            let width = TextWidth.columns(text)
            let x = min(max(area.x, place.x - width / 2), max(area.x, area.maxX - width))
            canvas.put(text, x: x, y: place.y, style: style, clip: area)
        }
    }

    private static func putCount(_ count: Int, at point: Point, style: Style, clip: Rect, into canvas: inout Canvas) {
        let text = "\(count)"
        canvas.put(text, x: point.x - (text.count - 1) / 2, y: point.y, style: style, clip: clip)
    }

    /// Draws a line from one node to another in line characters.
    static func stroke(from: Point, to: Point, style: Style, clip: Rect, into canvas: inout Canvas) {
        let glyph = glyph(dx: to.x - from.x, dy: to.y - from.y)
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
