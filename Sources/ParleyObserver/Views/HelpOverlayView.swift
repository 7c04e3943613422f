import TerminalKit

/// The help overlay: every key (a replay's), in a box over the panes that fits the screen; two
/// columns when there is room. When the keys do not fit, it scrolls (↑ ↓ PgUp PgDn Home End,
/// the wheel) and its footer says which lines show.
enum HelpOverlayView {
    static let labelWidth = 10

    /// The box and its columns of lines for a screen.
    struct Page {
        var box: Rect
        var columns: [[StyledLine]]
        /// How many lines show at once.
        var rows: Int
        /// The most lines a column has.
        var lineCount: Int { columns.map(\.count).max() ?? 0 }
        /// The farthest the help scrolls.
        var lastTop: Int { max(0, lineCount - rows) }
    }

    /// How the help lays out on `screen`; nil when it is too small for a box.
    static func page(in screen: Rect, intake: Intake) -> Page? {
        let sections = KeyMap.help(for: intake)
        let twoColumns = screen.width >= 78
        let grouped: [[HelpSection]] = twoColumns ? [[sections[0]], Array(sections.dropFirst())] : [sections]
        let width = min(screen.width - 2, twoColumns ? 88 : 48)
        let columnWidth = (width - 4 - (grouped.count - 1) * 3) / grouped.count
        let columns = grouped.map { lines(of: $0, width: columnWidth) }
        let height = min(screen.height, (columns.map(\.count).max() ?? 0) + 4)
        guard width >= 10, height >= 5 else { return nil }
        let box = Rect(x: screen.x + (screen.width - width) / 2, y: screen.y + (screen.height - height) / 2, width: width, height: height)
        return Page(box: box, columns: columns, rows: height - 4)
    }

    /// A column's lines: each section's title, its keys, a blank line between sections.
    static func lines(of sections: [HelpSection], width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        for section in sections {
            if !lines.isEmpty { lines.append([]) }
            lines.append([Span(section.title, .role(.title))])
            for row in section.rows {
                let label = row.label + String(repeating: " ", count: max(1, labelWidth + 1 - TextWidth.columns(row.label)))
                let summary = PaneFrame.ellipsized([Span(row.summary, .role(.overlay))], width: width - labelWidth - 2)
                lines.append([Span(" " + label, .role(.accent), .bold)] + summary)
            }
        }
        return lines
    }

    static func draw(in screen: Rect, intake: Intake, scroll: Int, theme: Theme, into canvas: inout Canvas) {
        guard let page = page(in: screen, intake: intake) else { return }
        let top = min(max(0, scroll), page.lastTop)
        var labels = PaneFrame.Labels()
        labels.title = [Span("Parley keys", .role(.title))]
        if page.lastTop > 0 {
            let last = min(page.lineCount, top + page.rows)
            labels.footer = [Span("↑↓ PgUp PgDn \(top + 1)–\(last)/\(page.lineCount) · Esc closes", .role(.muted))]
        } else {
            labels.footer = [Span("Esc or ? closes", .role(.muted))]
        }
        PaneFrame.draw(page.box, focused: true, labels: labels, theme: theme, agents: [:], into: &canvas)
        let area = PaneFrame.content(of: page.box).inset(dx: 0, dy: 1)
        let columnWidth = (area.width - (page.columns.count - 1) * 3) / page.columns.count
        for (index, column) in page.columns.enumerated() {
            let clip = Rect(x: area.x + index * (columnWidth + 3), y: area.y, width: columnWidth, height: area.height)
            for (row, line) in column.dropFirst(top).prefix(page.rows).enumerated() {
                canvas.put(line, x: clip.x, y: clip.y + row, theme: theme, agents: [:], clip: clip)
            }
        }
        let overlay = theme.style(.overlay)
        canvas.restyle(page.box) { $0.background = overlay.background }
    }
}
