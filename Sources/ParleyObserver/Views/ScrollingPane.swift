import TerminalKit

/// A framed pane of wrapped text that shows its last page unless scrolled back.
enum ScrollingPane {
    /// Draws `lines` in the frame of `pane` at `rect`, from where it is scrolled to; the footer
    /// says how much is below when the pane does not follow new text.
    static func draw(
        _ lines: [StyledLine], pane: PaneID, rect: Rect, labels: PaneFrame.Labels, state: ObserverState,
        theme: Theme, agents: [Int: Style], into canvas: inout Canvas
    ) {
        let area = PaneFrame.content(of: rect)
        let first = state.firstLine(of: pane, lineCount: lines.count, rows: area.height)
        let below = lines.count - first - area.height
        var labels = labels
        if state.scrollTops[pane] != nil, below > 0 {
            labels.footer = [Span("↓ \(below) more", .role(.accent))]
        } else if first > 0, labels.footer.isEmpty {
            labels.footer = [Span("↑ \(first)", .role(.muted))]
        }
        PaneFrame.draw(rect, focused: state.focus == pane, labels: labels, theme: theme, agents: agents, into: &canvas)
        guard !area.isEmpty else { return }
        for (row, line) in lines.dropFirst(first).prefix(area.height).enumerated() {
            canvas.put(line, x: area.x, y: area.y + row, theme: theme, agents: agents, clip: area)
        }
    }
}
