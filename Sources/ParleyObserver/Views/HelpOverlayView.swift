import TerminalKit

/// The help overlay: every key (a replay's), in a box over the panes; two columns when there is
/// room.
enum HelpOverlayView {
    static let labelWidth = 10

    static func draw(in screen: Rect, isReplay: Bool, theme: Theme, into canvas: inout Canvas) {
        let sections = KeyMap.help(isReplay: isReplay)
        let twoColumns = screen.width >= 78
        let columns: [[HelpSection]] = twoColumns ? [[sections[0]], Array(sections.dropFirst())] : [sections]
        let heights = columns.map { column in column.reduce(0) { $0 + $1.rows.count + 1 } + column.count - 1 }
        let width = min(screen.width - 2, twoColumns ? 88 : 48)
        let height = min(screen.height, (heights.max() ?? 0) + 4)
        guard width >= 10, height >= 3 else { return }
        let box = Rect(x: screen.x + (screen.width - width) / 2, y: screen.y + (screen.height - height) / 2, width: width, height: height)
        var labels = PaneFrame.Labels()
        labels.title = [Span("Parley keys", .role(.title))]
        labels.footer = [Span("Esc or ? closes", .role(.muted))]
        PaneFrame.draw(box, focused: true, labels: labels, theme: theme, agents: [:], into: &canvas)
        let area = PaneFrame.content(of: box).inset(dx: 0, dy: 1)
        let columnWidth = (area.width - (columns.count - 1) * 3) / columns.count
        for (index, column) in columns.enumerated() {
            let clip = Rect(x: area.x + index * (columnWidth + 3), y: area.y - 1, width: columnWidth, height: area.height + 1)
            var y = clip.y + 1
            for section in column {
                canvas.put(section.title, x: clip.x, y: y, style: theme.style(.title), clip: clip)
                y += 1
                for row in section.rows {
                    canvas.put(row.label, x: clip.x + 1, y: y, style: theme.style(.accent).adding(.bold), clip: clip)
                    let summary = PaneFrame.ellipsized([Span(row.summary, .role(.overlay))], width: clip.width - labelWidth - 2)
                    canvas.put(summary, x: clip.x + labelWidth + 2, y: y, theme: theme, agents: [:], clip: clip)
                    y += 1
                }
                y += 1
            }
        }
        let overlay = theme.style(.overlay)
        canvas.restyle(box) { $0.background = overlay.background }
    }
}
