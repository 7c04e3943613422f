import TerminalKit

extension ObserverState {
    /// The lines a scrolling pane holds at its size in `layout`, and how many rows show them;
    /// nil for a pane that is not shown or does not scroll (the graph).
    func scrollContent(_ pane: PaneID, in layout: Layout) -> (lines: [StyledLine], rows: Int)? {
        guard let rect = layout.rect(of: pane) else { return nil }
        let area = PaneFrame.content(of: rect)
        guard !area.isEmpty else { return nil }
        switch pane {
        case .peer(let id):
            guard let peer = self.pane(id) else { return nil }
            return (PaneText.blocks(of: peer, width: area.width, showsReasoning: showsReasoning).lines, area.height)
        case .summary:
            return (PaneText.blocks(of: summaries, facilitator: info?.facilitator != nil, width: area.width).lines, area.height)
        case .side:
            guard sideView == .blackboard else { return nil }
            return (PaneText.blocks(of: notes, peers: peers, width: area.width).lines, area.height)
        }
    }

    /// The first line a pane shows: where it was scrolled to, or the last page while it follows.
    func firstLine(of pane: PaneID, lineCount: Int, rows: Int) -> Int {
        let last = max(0, lineCount - rows)
        return min(scrollTops[pane] ?? last, last)
    }

    /// Scrolls a pane; reaching its end makes it follow new text again.
    mutating func scroll(_ pane: PaneID, _ move: ScrollMove) {
        guard let (lines, rows) = scrollContent(pane, in: layout) else { return }
        let last = max(0, lines.count - rows)
        let top = firstLine(of: pane, lineCount: lines.count, rows: rows)
        let page = max(1, rows - 1)
        let target: Int
        switch move {
        case .up: target = top - 1
        case .down: target = top + 1
        case .pageUp: target = top - page
        case .pageDown: target = top + page
        case .home: target = 0
        case .end: target = last
        case .lines(let count): target = top + count
        }
        let clamped = min(last, max(0, target))
        scrollTops[pane] = clamped >= last ? nil : clamped
    }
}
