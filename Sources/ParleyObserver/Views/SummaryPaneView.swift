import ParleyCore
import TerminalKit

/// The facilitator's pane: each round's summary as it is written, the final tradeoffs at the
/// end; earlier summaries are in the scrollback.
enum SummaryPaneView {
    static func draw(_ state: ObserverState, rect: Rect, theme: Theme, agents: [Int: Style], into canvas: inout Canvas) {
        let area = PaneFrame.content(of: rect)
        let lines = PaneText.lines(of: state.summaries, facilitator: state.info?.facilitator != nil, width: max(1, area.width))
        var labels = PaneFrame.Labels()
        let name = state.info?.facilitator?.name ?? "Facilitator"
        labels.title = [Span(name, .role(.title))]
        if let latest = state.summaries.last {
            let scope = latest.scope.round.map { "round \($0)" } ?? "final tradeoffs"
            labels.title.append(Span(" · \(scope)", .role(.muted)))
            labels.status = latest.isStreaming ? [Span("writing…", .role(.accent))] : []
        }
        if let model = state.info?.facilitator?.model { labels.caption = [Span(model, .role(.muted))] }
        ScrollingPane.draw(
            lines, pane: .summary, rect: rect, labels: labels, state: state, theme: theme, agents: agents, into: &canvas)
    }
}

/// The side pane: the message-flow graph, or the blackboard's notes.
enum SidePaneView {
    static func draw(_ state: ObserverState, rect: Rect, theme: Theme, agents: [Int: Style], into canvas: inout Canvas) {
        var labels = PaneFrame.Labels()
        switch state.sideView {
        case .graph:
            labels.title = [Span("Who talks to whom", .role(.title))]
            labels.status = [Span("g: blackboard", .role(.muted))]
            labels.caption = [Span(GraphView.legend(state), .role(.muted))]
            PaneFrame.draw(rect, focused: state.focus == .side, labels: labels, theme: theme, agents: agents, into: &canvas)
            GraphView.draw(state, in: rect.inset(dx: 1, dy: 1), theme: theme, agents: agents, into: &canvas)
        case .blackboard:
            let area = PaneFrame.content(of: rect)
            labels.title = [Span("Blackboard", .role(.title)), Span(" · \(state.notes.count) notes", .role(.muted))]
            labels.status = [Span("g: graph", .role(.muted))]
            let lines = PaneText.lines(of: state.notes, peers: state.peers, width: max(1, area.width))
            ScrollingPane.draw(
                lines, pane: .side, rect: rect, labels: labels, state: state, theme: theme, agents: agents, into: &canvas)
        }
    }
}
