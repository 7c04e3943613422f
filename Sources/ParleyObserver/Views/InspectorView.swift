import TerminalKit

/// The inspector (or a fork beside its parent) over the whole screen: a framed page of text
/// that scrolls, its footer saying which lines show and how to close it. On a screen too small
/// for a page, it says so.
enum InspectorView {
    /// The smallest screen a page fits on.
    static let minimumColumns = 24
    static let minimumRows = 6

    /// Where the page's text goes on `screen`; nil when the screen is too small for a page.
    static func textArea(in screen: Rect) -> Rect? {
        guard screen.width >= minimumColumns, screen.height >= minimumRows else { return nil }
        return PaneFrame.content(of: screen)
    }

    static func draw(_ page: InspectorPage, in screen: Rect, theme: Theme, into canvas: inout Canvas) {
        canvas.fill(screen, style: theme.base)
        guard let area = textArea(in: screen) else {
            let text = "The terminal is too small for the inspector (\(minimumColumns)×\(minimumRows)): Esc closes it."
            for (row, line) in TextWrap.wrap(text, width: max(1, screen.width)).prefix(screen.height).enumerated() {
                canvas.put(line, x: screen.x, y: screen.y + row, style: theme.style(.warning))
            }
            return
        }
        let lines = page.lines(width: area.width)
        let top = min(max(0, page.top), max(0, lines.count - area.height))
        var labels = PaneFrame.Labels()
        labels.title = [Span(page.title, .role(.title), .bold)]
        let last = min(lines.count, top + area.height)
        let position = lines.count > area.height ? "↑↓ PgUp PgDn \(top + 1)–\(last)/\(lines.count) · Esc closes" : "Esc closes"
        // On a narrow screen, only how to close it.
        labels.footer = [Span(TextWidth.columns(position) + 6 <= screen.width ? position : "Esc closes", .role(.muted))]
        PaneFrame.draw(screen, focused: true, labels: labels, theme: theme, agents: [:], into: &canvas)
        for (row, line) in lines.dropFirst(top).prefix(area.height).enumerated() {
            canvas.put([Span(line, ink(of: line, in: page.content))], x: area.x, y: area.y + row, theme: theme, agents: [:], clip: area)
        }
    }

    /// A heading of a turn (a line at the margin) in the title's ink; a comparison's turn rules
    /// muted; the rest plain.
    static func ink(of line: String, in content: InspectorPage.Content) -> Ink {
        switch content {
        case .text: line.first.map { $0 != " " } == true ? .role(.title) : .plain
        case .comparison: line.hasPrefix("──") ? .role(.muted) : .plain
        }
    }
}
