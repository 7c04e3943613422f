import TerminalKit

/// A framed pane of wrapped text that shows its last page unless scrolled back: only that page
/// is wrapped while it follows new text.
enum ScrollingPane {
    /// Draws the pane's text in its frame at `rect`: its last page while it follows new text,
    /// else from where it was scrolled to (the scroll's intent clamped to the text as it is
    /// now, its waiting moves carried out), with how much is below in the footer.
    static func draw(
        _ text: TextBlocks, pane: PaneID, rect: Rect, labels: PaneFrame.Labels, state: ObserverState,
        theme: Theme, agents: [Int: Style], into canvas: inout Canvas, fingerprint: ((Int) -> Int)? = nil
    ) {
        let area = PaneFrame.content(of: rect)
        var labels = labels
        let shown: ArraySlice<StyledLine>
        let scroll = state.view.scroll(of: pane)
        if scroll.follows {
            let (lines, more) = text.tail(rows: max(0, area.height))
            shown = lines[...]
            if more, labels.footer.isEmpty { labels.footer = [Span("↑", .role(.muted))] }
        } else if let fingerprint {
            // Scrolled back: wrap only the blocks shown, counting the others' lines from the cache.
            let key = LineCounts.Key(pane: pane, width: area.width, showsReasoning: state.view.showsReasoning)
            let counts = LineCounts.shared.counts(key, of: text, fingerprint: fingerprint)
            let window = text.window(rows: max(0, area.height), counts: counts) {
                scroll.firstLine(lineCount: $0, rows: area.height)
            }
            let below = window.total - window.first - area.height
            if below > 0 { labels.footer = [Span("↓ \(below) more · End follows", .role(.accent))] }
            shown = window.lines[...]
        } else {
            let lines = text.lines
            let first = scroll.firstLine(lineCount: lines.count, rows: area.height)
            let below = lines.count - first - area.height
            if below > 0 { labels.footer = [Span("↓ \(below) more · End follows", .role(.accent))] }
            shown = lines.dropFirst(first).prefix(area.height)
        }
        PaneFrame.draw(rect, focused: state.view.focus == pane, labels: labels, theme: theme, agents: agents, into: &canvas)
        guard !area.isEmpty else { return }
        for (row, line) in shown.enumerated() {
            canvas.put(line, x: area.x, y: area.y + row, theme: theme, agents: agents, clip: area)
        }
    }
}
