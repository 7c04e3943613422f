import Foundation
import ParleyCore
import TerminalKit

/// The live message-flow graph: the peers, the human and the blackboard on an ellipse (the
/// human at the bottom, the blackboard across from it), a line between two nodes once a
/// message went between them with the count of messages each way near its sender's end, and
/// the messages being written highlighted from their sender to their addressees. Counts are
/// placed where they cover no label. With a peer's pane focused, only its edges, yours and the
/// messages being written are drawn (the matrix shows them all, the focused peer's standing
/// out). The
/// drawing is kept for debates of up to ``mostDrawnPeers`` peers; an area too small for it gets
/// the matrix, or the same facts as a list.
enum GraphView {
    /// What the graph's caption says.
    static let legend = "counts near the sender"

    /// The smallest area the drawing is made for; below it the graph is a matrix or a list.
    static let minimumDrawing = (columns: 24, rows: 7)

    /// The most peers the graph is drawn for; beyond them the lines cross too often to read,
    /// and the matrix takes the drawing's place.
    static let mostDrawnPeers = 4

    /// Whether a debate of `peers` peers gets the drawing.
    static func isDrawn(peers: Int) -> Bool {
        peers <= mostDrawnPeers
    }

    /// The nodes, in drawing order: the human, the peers in ring order, the blackboard.
    static func nodes(_ state: ObserverState) -> [GraphNode] {
        [.human] + state.shown.peerIDs.map(GraphNode.peer) + [.blackboard]
    }

    /// Where each node's label is centred in `area`: on an ellipse, the human at the bottom,
    /// the blackboard across from it, the peers clockwise round the rest. As every node is on
    /// the ellipse, no line between two nodes runs under a third.
    static func placement(of state: ObserverState, in area: Rect) -> [GraphNode: Point] {
        let widest = nodes(state).map { TextWidth.columns(label(of: $0, in: state, width: area.width)) }.max() ?? 3
        let centre = Point(x: area.x + area.width / 2, y: area.y + area.height / 2)
        let radiusX = Double(max(0, area.width / 2 - (widest + 1) / 2))
        let radiusY = Double(max(0, (area.height - 1) / 2))
        var order: [GraphNode] = [.human] + state.shown.peerIDs.map(GraphNode.peer)
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
            let name = width < 40 ? id.rawValue : (state.shown.pane(id)?.agent.name ?? id.rawValue)
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
            FlowMatrixView.draw(state, in: area, theme: theme, agents: agents, into: &canvas)
            return
        }
        let places = placement(of: state, in: area)
        let nodes = nodes(state)
        let focus = state.flowFocus
        let stands = { (a: GraphNode, b: GraphNode) in focus == nil || a == focus || b == focus || a == .human || b == .human }

        // Edges with messages either way, then the messages in flight over them.
        var pairs: [(GraphNode, GraphNode)] = []
        for (index, a) in nodes.enumerated() {
            for b in nodes[(index + 1)...] where state.shown.graph.count(from: a, to: b) + state.shown.graph.count(from: b, to: a) > 0 {
                pairs.append((a, b))
            }
        }
        pairs.removeAll { !stands($0.0, $0.1) }
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

        // Counts where they cover no label and no other count.
        let labels = labelRects(state, places: places, in: area)
        var taken = labels
        for (a, b) in pairs {
            guard let from = places[a], let to = places[b] else { continue }
            let path = line(from: from, to: to)
            let ab = state.shown.graph.count(from: a, to: b), ba = state.shown.graph.count(from: b, to: a)
            let counts = path.count < 8 ? [(ab + ba, path.count / 2)] : [(ab, path.count * 3 / 10), (ba, path.count * 7 / 10)]
            for (count, index) in counts where count > 0 {
                guard let place = freeSpot(for: "\(count)", near: index, on: path, avoiding: taken, in: area) else { continue }
                canvas.put("\(count)", x: place.x, y: place.y, style: theme.style(.graphCount), clip: area)
                taken.append(place)
            }
        }

        // Nodes on top; a sender writing now is drawn reversed.
        for node in nodes {
            guard let place = labels.first(where: { $0.node == node }) else { continue }
            let style = style(of: node, state: state, theme: theme, agents: agents)
            canvas.put(label(of: node, in: state, width: area.width), x: place.x, y: place.y, style: style, clip: area)
        }
    }

    /// Where a node's label or a count is written: its first cell and width.
    struct Spot: Equatable {
        var node: GraphNode?
        var x: Int
        var y: Int
        var width: Int

        func overlaps(_ other: Spot) -> Bool {
            y == other.y && x < other.x + other.width + 1 && other.x < x + width + 1
        }
    }

    /// Where each node's label goes: centred on its place, kept inside the area.
    static func labelRects(_ state: ObserverState, places: [GraphNode: Point], in area: Rect) -> [Spot] {
        nodes(state).compactMap { node in
            guard let place = places[node] else { return nil }
            let width = TextWidth.columns(label(of: node, in: state, width: area.width))
            let x = min(max(area.x, place.x - width / 2), max(area.x, area.maxX - width))
            return Spot(node: node, x: x, y: place.y, width: width)
        }
    }

    /// The cell nearest `index` along `path` (not its ends) where `text`, centred, covers
    /// nothing in `taken` (with a blank between) and stays in the area; nil when there is none.
    static func freeSpot(for text: String, near index: Int, on path: [Point], avoiding taken: [Spot], in area: Rect) -> Spot? {
        let inner = 1..<max(1, path.count - 1)
        for offset in 0..<path.count {
            for candidate in Set([index + offset, index - offset]).sorted() where inner.contains(candidate) {
                let point = path[candidate]
                let spot = Spot(node: nil, x: point.x - (text.count - 1) / 2, y: point.y, width: text.count)
                guard spot.x >= area.x, spot.x + spot.width <= area.maxX, !taken.contains(where: spot.overlaps) else { continue }
                return spot
            }
        }
        return nil
    }

    /// Sender → addressee of every message being written.
    static func flights(_ state: ObserverState) -> [(GraphNode, GraphNode)] {
        state.shown.graph.inFlight.flatMap { flight in flight.addressees.map { (GraphNode.peer(flight.sender), GraphNode.peer($0)) } }
    }

    /// A message being written, in short: `cfo → pm eng`, or `cfo → all`.
    static func describe(_ flight: MessageInFlight, in state: ObserverState) -> String {
        let everyone = flight.addressees.count == state.shown.peers.count - 1
        return "\(flight.sender.rawValue) → " + (everyone ? "all" : flight.addressees.map(\.rawValue).joined(separator: " "))
    }

    /// A node's look: the human's, the blackboard's, a peer's colour (reversed while it writes).
    static func style(of node: GraphNode, state: ObserverState, theme: Theme, agents: [Int: Style]) -> Style {
        switch node {
        case .human: return theme.style(.human)
        case .blackboard: return theme.style(.blackboard)
        case .peer(let id):
            let style = theme.style(.agent(state.shown.pane(id)?.index ?? 0), agents: agents).adding(.bold)
            return state.shown.graph.inFlight.contains { $0.sender == id } ? style.adding(.reverse) : style
        }
    }

    /// The graph as a list for small areas: the messages being written, then each edge's count,
    /// busiest first (the focused peer's first, when a peer is focused): `✎ cfo → pm eng`,
    /// `pm→eng 3  eng→cfo 2`. What does not fit is counted at the end: `+4 more`.
    static func drawList(_ state: ObserverState, in area: Rect, theme: Theme, into canvas: inout Canvas) {
        let focus = state.flowFocus
        var spans: StyledLine = state.shown.graph.inFlight.map { Span("✎ " + describe($0, in: state), .role(.graphInFlight)) }
        let touches = { (edge: GraphEdge) in focus != nil && (edge.from == focus || edge.to == focus) ? 1 : 0 }
        let edges = state.shown.graph.counts.filter { $0.value > 0 }.sorted {
            (touches($1.key), $1.value, shortName($0.key.from), shortName($0.key.to))
                < (touches($0.key), $0.value, shortName($1.key.from), shortName($1.key.to))
        }
        for (edge, count) in edges {
            spans.append(Span("\(shortName(edge.from))→\(shortName(edge.to)) \(count)", .role(.graphCount)))
        }
        if spans.isEmpty { spans.append(Span("No messages yet.", .role(.muted))) }
        for (row, line) in flowed(spans, width: area.width - 2, rows: area.height).enumerated() {
            canvas.put(line, x: area.x + 1, y: area.y + row, theme: theme, agents: [:], clip: area)
        }
    }

    /// Items flowed into at most `rows` lines of `width` columns, two spaces apart; when some
    /// do not fit, the last line ends with how many were left out (`+4 more`), dropping items
    /// from it as needed to make room.
    static func flowed(_ items: StyledLine, width: Int, rows: Int) -> [StyledLine] {
        guard rows > 0, width > 0 else { return [] }
        var lines: [StyledLine] = [[]]
        var used = 0, placed = 0
        for item in items {
            let itemWidth = TextWidth.columns(item.text)
            if used > 0, used + 2 + itemWidth > width {
                guard lines.count < rows else { break }
                lines.append([])
                used = 0
            }
            lines[lines.count - 1].append(item)
            used += (used > 0 ? 2 : 0) + itemWidth
            placed += 1
        }
        if placed < items.count {
            var last = lines.removeLast()
            var left = items.count - placed
            let columns = { (line: StyledLine) in line.map { TextWidth.columns($0.text) + 2 }.reduce(0, +) }
            while !last.isEmpty, columns(last) + TextWidth.columns("+\(left) more") > width {
                last.removeLast()
                left += 1
            }
            last.append(Span("+\(left) more", .role(.muted)))
            lines.append(last)
        }
        return lines.map { line in
            Array(line.enumerated().flatMap { index, span in index == 0 ? [span] : [Span("  ", .plain), span] })
        }
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
