import TerminalKit

/// What a terminal too small for the observer shows instead: what size it needs.
enum TooSmallView {
    static func message(_ layout: Layout, confirmingQuit: Bool) -> String {
        if confirmingQuit { return "Stop the debate and quit? y yes · n no" }
        return "Parley needs at least \(layout.minimumColumns)×\(layout.minimumRows) — this terminal is \(layout.columns)×\(layout.rows). Make it larger, or press q to quit."
    }

    static func draw(_ layout: Layout, confirmingQuit: Bool, theme: Theme, into canvas: inout Canvas) {
        let bounds = canvas.bounds
        let width = max(1, min(bounds.width - 2, 48))
        let lines = TextWrap.wrap(message(layout, confirmingQuit: confirmingQuit), width: width)
        let top = max(0, (bounds.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let x = max(0, (bounds.width - TextWidth.columns(line)) / 2)
            canvas.put(line, x: x, y: top + index, style: theme.style(index == 0 ? .warning : .foreground))
        }
    }
}
