import TerminalKit

/// A pane's box: a border with labels on its edges, text inside with a column of margin on
/// each side. A focused pane's border is heavy and in the theme's focus style.
enum PaneFrame {
    /// The labels set into a pane's border.
    struct Labels {
        /// Top left: what the pane is.
        var title: StyledLine = []
        /// Top right: what it is doing.
        var status: StyledLine = []
        /// Bottom left: details.
        var caption: StyledLine = []
        /// Bottom right: where the scrollback stands.
        var footer: StyledLine = []
    }

    /// Where a pane's text goes inside its rectangle.
    static func content(of rect: Rect) -> Rect {
        Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
    }

    /// Clears `rect` and draws its border with `labels`.
    static func draw(
        _ rect: Rect, focused: Bool, labels: Labels, theme: Theme, agents: [Int: Style], into canvas: inout Canvas
    ) {
        canvas.fill(rect, style: theme.base)
        guard rect.width >= 2, rect.height >= 2 else { return }
        let border = theme.style(focused ? .focus : .border)
        let (h, v) = focused ? ("━", "┃") : ("─", "│")
        let corners = focused ? ("┏", "┓", "┗", "┛") : ("┌", "┐", "└", "┘")
        let top = rect.y, bottom = rect.maxY - 1
        let line = corners.0 + String(repeating: h, count: rect.width - 2) + corners.1
        canvas.put(line, x: rect.x, y: top, style: border)
        canvas.put(corners.2 + String(repeating: h, count: rect.width - 2) + corners.3, x: rect.x, y: bottom, style: border)
        for row in (top + 1)..<bottom {
            canvas.put(v, x: rect.x, y: row, style: border)
            canvas.put(v, x: rect.maxX - 1, y: row, style: border)
        }
        let edge = Rect(x: rect.x + 1, y: 0, width: rect.width - 2, height: 1)
        put(left: labels.title, right: labels.status, on: top, edge: edge, theme: theme, agents: agents, into: &canvas)
        if bottom > top {
            put(left: labels.caption, right: labels.footer, on: bottom, edge: edge, theme: theme, agents: agents, into: &canvas)
        }
    }

    /// Sets two labels into one edge: the right one whole or not at all, the left one cut
    /// with `…` to what is left, a border character at each end.
    private static func put(
        left: StyledLine, right: StyledLine, on row: Int, edge: Rect, theme: Theme, agents: [Int: Style],
        into canvas: inout Canvas
    ) {
        var leftEnd = edge.maxX - 1
        let rightWidth = width(right) + 2
        if width(right) > 0, rightWidth <= edge.width - 8 {
            let x = edge.maxX - 1 - rightWidth
            canvas.put(padded(right), x: x, y: row, theme: theme, agents: agents, clip: Rect(x: x, y: row, width: rightWidth, height: 1))
            leftEnd = x - 1
        }
        let room = leftEnd - (edge.x + 1)
        guard width(left) > 0, room >= 3 else { return }
        let text = padded(ellipsized(left, width: room - 2))
        canvas.put(text, x: edge.x + 1, y: row, theme: theme, agents: agents, clip: Rect(x: edge.x + 1, y: row, width: room, height: 1))
    }

    /// Columns a styled line takes.
    static func width(_ line: StyledLine) -> Int {
        line.reduce(0) { $0 + TextWidth.columns($1.text) }
    }

    /// The line with a blank before and after, in the first and last spans' looks.
    static func padded(_ line: StyledLine) -> StyledLine {
        guard let first = line.first, let last = line.last else { return line }
        return [Span(" ", first.ink, first.attributes)] + line + [Span(" ", last.ink, last.attributes)]
    }

    /// The line cut to `width` columns, ending in `…` when it had to be cut.
    static func ellipsized(_ line: StyledLine, width: Int) -> StyledLine {
        guard self.width(line) > width else { return line }
        guard width > 0 else { return [] }
        var result: StyledLine = []
        var room = width - 1
        for span in line {
            var text = ""
            var cut = false
            for character in span.text {
                let columns = TextWidth.columns(character)
                if columns > room {
                    cut = true
                    break
                }
                text.append(character)
                room -= columns
            }
            if !text.isEmpty { result.append(Span(text, span.ink, span.attributes)) }
            if cut {
                result.append(Span("…", span.ink, span.attributes))
                return result
            }
        }
        return result
    }
}
