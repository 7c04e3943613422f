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
        let search = state.view.search.flatMap { $0.pane == pane && !$0.query.isEmpty ? $0 : nil }
        // The block of the message chosen to inspect, drawn knowing where its lines are.
        let chosen = state.view.selection.flatMap { $0.pane == pane ? state.block(of: $0.turn, in: pane) : nil }
        var first = 0
        /// Where the chosen block's first line is, from the top of the text.
        var chosenStart: Int?
        /// Every line, when the pane was drawn from all of them (scrolled back, or searched).
        var all: [StyledLine] = []
        if scroll.follows, search == nil, chosen == nil {
            let (lines, more) = text.tail(rows: max(0, area.height))
            shown = lines[...]
            if more, labels.footer.isEmpty { labels.footer = [Span("↑", .role(.muted))] }
        } else if let fingerprint, search == nil {
            // Scrolled back (or a message chosen): wrap only the blocks shown, counting the others' lines from the cache (a
            // search needs every line, to find and mark its matches).
            let key = LineCounts.Key(pane: pane, width: area.width, showsReasoning: state.view.showsReasoning)
            let counts = LineCounts.shared.counts(key, of: text, fingerprint: fingerprint)
            let window = text.window(rows: max(0, area.height), counts: counts) {
                scroll.firstLine(lineCount: $0, rows: area.height)
            }
            first = window.first
            chosenStart = chosen.map { counts[..<$0].reduce(0, +) }
            let below = window.total - window.first - area.height
            if below > 0 { labels.footer = [Span("↓ \(below) more · > follows", .role(.accent))] }
            shown = window.lines[...]
        } else {
            let lines = text.lines
            all = lines
            first = scroll.firstLine(lineCount: lines.count, rows: area.height)
            let below = lines.count - first - area.height
            if below > 0 { labels.footer = [Span("↓ \(below) more · > follows", .role(.accent))] }
            shown = lines.dropFirst(first).prefix(area.height)
        }
        PaneFrame.draw(rect, focused: state.view.focus == pane, labels: labels, theme: theme, agents: agents, into: &canvas)
        guard !area.isEmpty else { return }
        for (row, line) in shown.enumerated() {
            canvas.put(line, x: area.x, y: area.y + row, theme: theme, agents: agents, clip: area)
        }
        if let search { highlight(search, in: all, first: first, area: area, theme: theme, into: &canvas) }
        if let chosen {
            let start = chosenStart ?? (0..<chosen).reduce(0) { $0 + text.block($1).count }
            mark(text.block(chosen), from: start, first: first, area: area, theme: theme, into: &canvas)
        }
    }

    /// Marks the lines of the block chosen to inspect that show: its first line (after the
    /// blank line parting it from the one before) in the accent, reversed; the rest in bold.
    static func mark(_ lines: [StyledLine], from start: Int, first: Int, area: Rect, theme: Theme, into canvas: inout Canvas) {
        let skipped = lines.prefix { $0.isEmpty }.count
        let accent = theme.style(.accent).adding([.reverse, .bold])
        for (offset, _) in lines.enumerated().dropFirst(skipped) {
            let row = start + offset - first
            guard (0..<area.height).contains(row) else { continue }
            let rect = Rect(x: area.x, y: area.y + row, width: area.width, height: 1)
            canvas.restyle(rect) { style in style = offset == skipped ? accent : style.adding(.bold) }
        }
    }

    /// Marks the search's matches that show: each in reverse, the current one in the accent.
    static func highlight(_ search: PaneSearch, in lines: [StyledLine], first: Int, area: Rect, theme: Theme, into canvas: inout Canvas) {
        let matches = SearchMatch.all(of: search.query, in: lines)
        let current = search.isTyping || matches.isEmpty ? nil : matches[min(search.current, matches.count - 1)]
        for match in matches where (first..<(first + area.height)).contains(match.line) {
            let characters = Array(lines[match.line].map(\.text).joined())
            let x = area.x + TextWidth.columns(String(characters[..<match.start]))
            let width = TextWidth.columns(String(characters[match.start..<(match.start + match.length)]))
            let rect = Rect(x: x, y: area.y + match.line - first, width: width, height: 1).intersection(area)
            let accent = theme.style(.accent)
            canvas.restyle(rect) { style in
                if match == current {
                    style = accent.adding([.reverse, .bold])
                } else {
                    style = style.adding(.reverse)
                }
            }
        }
    }
}
