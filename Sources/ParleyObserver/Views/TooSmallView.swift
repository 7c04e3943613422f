import TerminalKit

/// What a terminal too small for the observer shows instead: what size it needs — or, while the
/// observer asks a question (quit?, cancel the turn?, retry or skip a failed turn?), the
/// question and the keys that answer it, as the prompt line would show them.
enum TooSmallView {
    static func message(_ state: ObserverState, layout: Layout) -> String {
        if let question = PromptLineView.question(for: state) { return question.map(\.text).joined() }
        return "Parley needs at least \(layout.minimumColumns)×\(layout.minimumRows) — this terminal is \(layout.columns)×\(layout.rows). Make it larger, or press q to quit."
    }

    static func draw(_ state: ObserverState, layout: Layout, theme: Theme, into canvas: inout Canvas) {
        let bounds = canvas.bounds
        let width = max(1, min(bounds.width - 2, 48))
        let lines = TextWrap.wrap(message(state, layout: layout), width: width)
        let top = max(0, (bounds.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let x = max(0, (bounds.width - TextWidth.columns(line)) / 2)
            canvas.put(line, x: x, y: top + index, style: theme.style(index == 0 ? .warning : .foreground))
        }
    }
}
