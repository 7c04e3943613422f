import ParleyCore
import TerminalKit

/// The facilitator's pane: each round's summary as it is written, the final tradeoffs at the
/// end; earlier summaries are in the scrollback.
enum SummaryPaneView {
    static func draw(_ state: ObserverState, rect: Rect, theme: Theme, agents: [Int: Style], into canvas: inout Canvas) {
        let area = PaneFrame.content(of: rect)
        let text = PaneText.blocks(of: state.shown.summaries, facilitator: state.shown.info?.facilitator != nil, width: max(1, area.width))
        var labels = PaneFrame.Labels()
        let name = state.shown.info?.facilitator?.name ?? "Facilitator"
        labels.title = [Span(name, .role(.title))]
        if let latest = state.shown.summaries.last {
            let scope = latest.scope.round.map { "round \($0)" } ?? "final tradeoffs"
            labels.title.append(Span(" · \(scope)", .role(.muted)))
            labels.status = latest.isStreaming ? [Span("writing…", .role(.accent))] : []
        }
        if let model = state.shown.info?.facilitator?.model { labels.caption = [Span(model, .role(.muted))] }
        ScrollingPane.draw(
            text, pane: .summary, rect: rect, labels: labels, state: state, theme: theme, agents: agents, into: &canvas)
    }
}
