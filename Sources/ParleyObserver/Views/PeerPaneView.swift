import ParleyCore
import TerminalKit

/// A peer's pane: name, role and state on top, model and tokens below, its messages inside.
enum PeerPaneView {
    static func draw(
        _ peer: PeerPane, rect: Rect, state: ObserverState, theme: Theme, agents: [Int: Style], into canvas: inout Canvas
    ) {
        let area = PaneFrame.content(of: rect)
        let width = max(1, area.width)
        let text = PaneText.blocks(of: peer, width: width, showsReasoning: state.view.showsReasoning)
        var labels = PaneFrame.Labels()
        labels.title = [Span(peer.agent.name, .agent(peer.index), .bold)]
        labels.status = status(of: peer, state: state)
        // The role only when a readable part of it fits beside the name and the state.
        let room = rect.width - 10 - PaneFrame.width(labels.status) - PaneFrame.width(labels.title)
        if !peer.agent.role.isEmpty, room >= 12 { labels.title.append(Span(" · \(peer.agent.role)", .role(.muted))) }
        labels.caption = [Span("@\(peer.id.rawValue) · \(peer.agent.model)", .role(.muted))]
        if peer.tokens > 0 { labels.caption.append(Span(" · \(Format.tokens(peer.tokens)) tok", .role(.muted))) }
        ScrollingPane.draw(
            text, pane: .peer(peer.id), rect: rect, labels: labels, state: state, theme: theme, agents: agents,
            into: &canvas, fingerprint: { index in fingerprint(of: peer, at: index) })
    }

    /// What a block of the pane's text depends on: its entry, and whether the one before is a
    /// round marker.
    static func fingerprint(of peer: PeerPane, at index: Int) -> Int {
        var hasher = Hasher()
        hasher.combine(peer.entries[index])
        if index > 0, case .round = peer.entries[index - 1] { hasher.combine(true) }
        return hasher.finalize()
    }

    static func status(of peer: PeerPane, state: ObserverState) -> StyledLine {
        let activity: Span
        switch peer.activity {
        case .waiting: activity = Span("waiting", .role(.muted))
        case .thinking: activity = Span("thinking…", .role(.accent))
        case .speaking: activity = Span("speaking", .agent(peer.index), .bold)
        case .error: activity = Span("error", .role(.error))
        case .cancelled: activity = Span("cancelled", .role(.warning))
        case .done: activity = Span("done", .role(.muted))
        }
        if peer.activity == .waiting, state.shown.nextSpeaker == peer.id {
            return [Span("next", .role(.accent), .bold)]
        }
        return [activity]
    }
}
