import ParleyCore
import TerminalKit

/// The side pane: the message-flow graph, or the blackboard's notes.
enum SidePaneView {
    static func draw(_ state: ObserverState, rect: Rect, theme: Theme, agents: [Int: Style], into canvas: inout Canvas) {
        var labels = PaneFrame.Labels()
        switch state.view.sideView {
        case .graph:
            labels.title = [Span("Message flow", .role(.title))]
            labels.status = [Span("g: board", .role(.muted))]
            labels.caption = [Span(GraphView.legend, .role(.muted))]
            PaneFrame.draw(rect, focused: state.view.focus == .side, labels: labels, theme: theme, agents: agents, into: &canvas)
            GraphView.draw(state, in: rect.inset(dx: 1, dy: 1), theme: theme, agents: agents, into: &canvas)
        case .blackboard:
            let area = PaneFrame.content(of: rect)
            labels.title = [Span("Blackboard", .role(.title)), Span(" \(state.debate.notes.count)", .role(.muted))]
            labels.status = [Span("g: graph", .role(.muted))]
            let text = PaneText.blocks(of: state.debate.notes, peers: state.debate.peers, width: max(1, area.width))
            ScrollingPane.draw(
                text, pane: .side, rect: rect, labels: labels, state: state, theme: theme, agents: agents, into: &canvas)
        }
    }
}
