import TerminalKit

/// A framed pane of wrapped text that shows its last page unless scrolled back.
enum ScrollingPane {
    /// A pane's text: all of it, and (when it can be had more cheaply) just its last rows.
    struct Content {
        /// Every line.
        var all: () -> [StyledLine]
        /// The last rows, and whether there are more above; by default cut from ``all``.
        var tail: (_ rows: Int) -> (lines: [StyledLine], more: Bool)

        init(all: @escaping () -> [StyledLine], tail: ((Int) -> (lines: [StyledLine], more: Bool))? = nil) {
            self.all = all
            self.tail = tail ?? { rows in
                let lines = all()
                return (Array(lines.suffix(rows)), lines.count > rows)
            }
        }
    }

    /// Draws the pane's text in its frame at `rect`: its last page while it follows new text,
    /// else from where it was scrolled to, with how much is below in the footer.
    static func draw(
        _ content: Content, pane: PaneID, rect: Rect, labels: PaneFrame.Labels, state: ObserverState,
        theme: Theme, agents: [Int: Style], into canvas: inout Canvas
    ) {
        let area = PaneFrame.content(of: rect)
        var labels = labels
        let shown: ArraySlice<StyledLine>
        if state.scrollTops[pane] == nil {
            let (lines, more) = content.tail(max(0, area.height))
            shown = lines[...]
            if more, labels.footer.isEmpty { labels.footer = [Span("↑", .role(.muted))] }
        } else {
            let lines = content.all()
            let first = state.firstLine(of: pane, lineCount: lines.count, rows: area.height)
            let below = lines.count - first - area.height
            if below > 0 { labels.footer = [Span("↓ \(below) more · End follows", .role(.accent))] }
            shown = lines.dropFirst(first).prefix(area.height)
        }
        PaneFrame.draw(rect, focused: state.focus == pane, labels: labels, theme: theme, agents: agents, into: &canvas)
        guard !area.isEmpty else { return }
        for (row, line) in shown.enumerated() {
            canvas.put(line, x: area.x, y: area.y + row, theme: theme, agents: agents, clip: area)
        }
    }
}
