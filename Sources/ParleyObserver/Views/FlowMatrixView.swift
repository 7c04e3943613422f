import ParleyCore
import TerminalKit

/// The message flow as an adjacency matrix, readable up to nine peers: a row per sender (the
/// peers in ring order, each numbered, then you), a column per receiver (the peers by number,
/// then the blackboard `▣`), and in each cell how many messages went that way. The messages
/// being written are highlighted in their cells, and listed below (`✎ pm → all`). With a peer's
/// pane focused, its row and column stand out and the other counts are dimmed. An area too
/// small for the matrix gets the graph's list.
enum FlowMatrixView {
    /// What the matrix's caption says.
    static let legend = "row sends to column"

    /// The rows: the peers in ring order, then the human.
    static func senders(_ state: ObserverState) -> [GraphNode] {
        state.shown.peerIDs.map(GraphNode.peer) + [.human]
    }

    /// The columns: the peers in ring order, then the blackboard.
    static func receivers(_ state: ObserverState) -> [GraphNode] {
        state.shown.peerIDs.map(GraphNode.peer) + [.blackboard]
    }

    /// How wide the row labels and the cells are in an area `width` columns wide; nil when the
    /// matrix does not fit. Cells are as wide as 4 columns, labels as wide as the longest id.
    static func shape(_ state: ObserverState, width: Int) -> (label: Int, cell: Int)? {
        let columns = receivers(state).count
        let longest = 2 + (state.shown.peerIDs.map { TextWidth.columns($0.rawValue) }.max() ?? 3)
        for cell in [4, 3, 2] {
            let label = width - 1 - columns * cell
            if label >= 5 { return (min(label, max(longest, 5)), cell) }
        }
        return nil
    }

    /// Whether the matrix fits in `area`.
    static func fits(_ state: ObserverState, in area: Rect) -> Bool {
        shape(state, width: area.width) != nil && area.height >= senders(state).count + 1
    }

    static func draw(_ state: ObserverState, in area: Rect, theme: Theme, agents: [Int: Style], into canvas: inout Canvas) {
        guard !area.isEmpty else { return }
        guard fits(state, in: area), let shape = shape(state, width: area.width) else {
            GraphView.drawList(state, in: area, theme: theme, into: &canvas)
            return
        }
        let senders = senders(state), receivers = receivers(state)
        let focus = state.flowFocus
        let flights = Set(GraphView.flights(state).map { GraphEdge(from: $0.0, to: $0.1) })
        let left = area.x + 1 + shape.label
        let cellText = { (text: String) in String(repeating: " ", count: max(0, shape.cell - TextWidth.columns(text))) + text }

        // The header: each receiver's number, or ▣.
        for (column, receiver) in receivers.enumerated() {
            let head = receiver == .blackboard ? "▣" : "\(column + 1)"
            let style = receiver == .blackboard ? theme.style(.blackboard) : GraphView.style(of: receiver, state: state, theme: theme, agents: agents)
            canvas.put(cellText(head), x: left + column * shape.cell, y: area.y, style: style, clip: area)
        }
        for (row, sender) in senders.enumerated() {
            let y = area.y + 1 + row
            guard y < area.maxY else { break }
            let number = sender == .human ? "" : "\(row + 1) "
            let name = String(GraphView.shortName(sender).prefix(max(1, shape.label - number.count)))
            canvas.put(number + name, x: area.x + 1, y: y, style: GraphView.style(of: sender, state: state, theme: theme, agents: agents), clip: area)
            for (column, receiver) in receivers.enumerated() {
                let x = left + column * shape.cell
                guard sender != receiver else { continue }
                let edge = GraphEdge(from: sender, to: receiver)
                let stands = focus == nil || sender == focus || receiver == focus
                let count = state.shown.graph.count(from: sender, to: receiver)
                if flights.contains(edge) {
                    canvas.put(cellText(count > 0 ? fitted(count, cell: shape.cell) : "✎"), x: x, y: y, style: theme.style(.graphInFlight), clip: area)
                } else if count > 0 {
                    let style = stands ? theme.style(.graphCount).adding(focus == nil ? [] : .bold) : theme.style(.muted)
                    canvas.put(cellText(fitted(count, cell: shape.cell)), x: x, y: y, style: style, clip: area)
                } else {
                    canvas.put(cellText("·"), x: x, y: y, style: theme.style(.graphEdge), clip: area)
                }
            }
        }

        // Below: the messages being written, and whose edges are shown when a peer is focused.
        var y = area.y + senders.count + 2
        var notes: [Span] = state.shown.graph.inFlight.map { Span("✎ " + GraphView.describe($0, in: state), .role(.graphInFlight)) }
        if case .peer(let id) = focus { notes.append(Span("@\(id.rawValue) stands out", .role(.muted))) }
        for note in notes where y < area.maxY {
            canvas.put(note.text, x: area.x + 1, y: y, style: theme.style(note.ink), clip: area)
            y += 1
        }
    }

    /// A count as it fits a cell (a space before it): `7`, `42`, or `9+`, `+` when too wide.
    static func fitted(_ count: Int, cell: Int) -> String {
        let text = "\(count)"
        guard text.count > cell - 1 else { return text }
        return String(repeating: "9", count: max(0, cell - 2)) + "+"
    }
}
