import TerminalKit

extension ObserverView {
    /// Where the panes with scroll moves waiting show from once the moves are carried out on
    /// their lines as drawn now; for the app to hand back to the state
    /// (``LoopReport/scrollsSettled(_:)``) when it draws. A pane not shown keeps its intent and
    /// drops its moves.
    public static func settledScrolls(of state: ObserverState) -> [PaneID: PaneScroll.Intent] {
        let layout = state.layout
        var settled: [PaneID: PaneScroll.Intent] = [:]
        for (pane, scroll) in state.view.scrolls where !scroll.moves.isEmpty {
            guard let (lines, rows) = scrollContent(pane, of: state, in: layout) else {
                settled[pane] = scroll.intent
                continue
            }
            settled[pane] = scroll.settled(lineCount: lines.count, rows: rows)
        }
        return settled
    }

    /// The lines a scrolling pane holds at its size in `layout`, and how many rows show them;
    /// nil for a pane that is not shown or does not scroll (the graph).
    static func scrollContent(_ pane: PaneID, of state: ObserverState, in layout: Layout) -> (lines: [StyledLine], rows: Int)? {
        scrollBlocks(pane, of: state, in: layout).map { ($0.text.lines, $0.rows) }
    }

    /// The text of a scrolling pane at its size in `layout`, block by block, and how many rows
    /// show it; nil for a pane that is not shown or does not scroll (the graph).
    static func scrollBlocks(_ pane: PaneID, of state: ObserverState, in layout: Layout) -> (text: TextBlocks, rows: Int)? {
        guard let rect = layout.rect(of: pane) else { return nil }
        let area = PaneFrame.content(of: rect)
        guard !area.isEmpty else { return nil }
        let debate = state.shown
        switch pane {
        case .peer(let id):
            guard let peer = debate.pane(id) else { return nil }
            return (PaneText.blocks(of: peer, width: area.width, showsReasoning: state.view.showsReasoning), area.height)
        case .summary:
            return (PaneText.blocks(of: debate.summaries, facilitator: debate.info?.facilitator != nil, width: area.width), area.height)
        case .side:
            guard state.view.sideView == .blackboard else { return nil }
            return (PaneText.blocks(of: debate.notes, peers: debate.peers, width: area.width), area.height)
        }
    }
}
