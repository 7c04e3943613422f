import ParleyCore
import TerminalKit

/// The side pane: the message-flow graph or matrix, or the blackboard's notes.
enum SidePaneView {
    static func draw(_ state: ObserverState, rect: Rect, theme: Theme, agents: [Int: Style], into canvas: inout Canvas) {
        var labels = PaneFrame.Labels()
        let next = state.nextSideView
        switch state.shownSideView {
        case .graph:
            labels.title = [Span("Message flow", .role(.title))]
            labels.status = [Span("g: \(name(of: next))", .role(.muted))]
            let area = rect.inset(dx: 1, dy: 1)
            let drawn = area.width >= GraphView.minimumDrawing.columns && area.height >= GraphView.minimumDrawing.rows
            labels.caption = [Span(drawn ? GraphView.legend : FlowMatrixView.legend, .role(.muted))]
            PaneFrame.draw(rect, focused: state.view.focus == .side, labels: labels, theme: theme, agents: agents, into: &canvas)
            GraphView.draw(state, in: area, theme: theme, agents: agents, into: &canvas)
        case .matrix:
            labels.title = [Span("Message flow", .role(.title))]
            labels.status = [Span("g: \(name(of: next))", .role(.muted))]
            labels.caption = [Span(FlowMatrixView.legend, .role(.muted))]
            PaneFrame.draw(rect, focused: state.view.focus == .side, labels: labels, theme: theme, agents: agents, into: &canvas)
            FlowMatrixView.draw(state, in: rect.inset(dx: 1, dy: 1), theme: theme, agents: agents, into: &canvas)
        case .blackboard:
            let area = PaneFrame.content(of: rect)
            labels.title = [Span("Blackboard", .role(.title)), Span(" \(state.shown.notes.count)", .role(.muted))]
            labels.status = [Span("g: \(name(of: next))", .role(.muted))]
            let text = PaneText.blocks(of: state.shown.notes, peers: state.shown.peers, width: max(1, area.width))
            ScrollingPane.draw(
                text, pane: .side, rect: rect, labels: labels, state: state, theme: theme, agents: agents, into: &canvas)
        }
    }

    /// What the `g` hint calls a side view.
    static func name(of view: ObserverState.SideView) -> String {
        switch view {
        case .graph: "graph"
        case .matrix: "matrix"
        case .blackboard: "board"
        }
    }
}
