import ParleyCore
import TerminalKit

/// The line above the status bar: the composer while writing, the quit question, the failed
/// turn's prompt, a passing notice, or a hint of the main keys.
enum PromptLineView {
    /// What the composer shows before anything is typed.
    static let composerHint = "@id … writes to peers (Tab completes), no @ to all · Enter sends · Esc cancels"

    static func draw(_ state: ObserverState, rect: Rect, theme: Theme, agents: [Int: Style], into canvas: inout Canvas) {
        canvas.fill(rect, style: theme.base)
        if state.view.composer.isOpen, !state.view.isConfirmingQuit {
            drawComposer(state, rect: rect, theme: theme, agents: agents, into: &canvas)
            return
        }
        let line = PaneFrame.ellipsized(line(for: state, width: rect.width - 2), width: rect.width - 2)
        canvas.put(line, x: rect.x + 1, y: rect.y, theme: theme, agents: agents, clip: rect)
    }

    /// What the line says when the composer is closed.
    static func line(for state: ObserverState, width: Int) -> StyledLine {
        if state.view.isConfirmingQuit {
            return [
                Span("The debate is still running. Stop it and quit? ", .role(.warning), .bold),
                Span("y", .role(.accent), .bold), Span(" yes · ", .role(.muted)),
                Span("n", .role(.accent), .bold), Span(" keep watching", .role(.muted)),
            ]
        }
        if let failure = state.debate.failure {
            let name = state.debate.pane(failure.agent)?.agent.name ?? failure.agent.rawValue
            let keys: [(String, String)] = (failure.retryable ? [("r", "retry")] : [("r", "retry anyway")]) + [("s", "skip"), ("q", "quit")]
            return [Span("✗ \(name)'s turn failed · ", .role(.error), .bold)] + hints(keys)
                + [Span(" · \(failure.error)", .role(.error))]
        }
        if let notice = state.debate.notice {
            return [Span(notice.text, .role(notice.tone.role))]
        }
        if let finish = state.debate.finish {
            let head = [Span("The debate ended: \(finish). ", .role(.accent))]
            return head + hints([("q", "quit"), ("Tab", "focus"), ("↑↓", "scroll"), ("g", "blackboard"), ("?", "help")], width: width - PaneFrame.width(head))
        }
        if state.debate.info == nil { return [Span("Waiting for the debate to start…", .role(.muted))] }
        let pause = state.debate.pace.mode == .live ? "pause" : "resume"
        // A replay cannot be written to and has no speed of its own to change.
        let live: (String, String) -> [(String, String)] = { state.intake.isReplay ? [] : [($0, $1)] }
        return hints(
            [("space", pause), ("n", "step"), ("r", "round")] + live("i", "write")
                + [("?", "help"), ("q", "quit"), ("Tab", "focus"), ("z", "zoom"), ("g", "graph/board")] + live("+-", "speed"),
            width: width)
    }

    /// `key what · key what`, keys in the accent: as many of the pairs, in order, as fit.
    static func hints(_ pairs: [(String, String)], width: Int) -> StyledLine {
        var pairs = pairs
        while pairs.count > 1, PaneFrame.width(hints(pairs)) > width { pairs.removeLast() }
        return hints(pairs)
    }

    static func hints(_ pairs: [(String, String)]) -> StyledLine {
        var line: StyledLine = []
        for (index, (key, what)) in pairs.enumerated() {
            if index > 0 { line.append(Span(" · ", .role(.muted))) }
            line.append(Span(key, .role(.accent), .bold))
            line.append(Span(" \(what)", .role(.muted)))
        }
        return line
    }

    /// The composer's text as shown: each character sanitized on its own, so the cursor keeps
    /// its place, and the columns each takes.
    static func shownCharacters(_ composer: Composer) -> [(text: String, columns: Int)] {
        composer.characters.map { character in
            let text = Sanitizer.clean(String(character)).replacingNewlines()
            return (text, TextWidth.columns(text))
        }
    }

    static let prompt = "› "

    /// The composer's text window: the first character shown and the cursor's column from
    /// where the text starts on screen, so that the cursor is always in view. When the start of
    /// the line is out of view, a `…` takes the first column.
    static func window(_ composer: Composer, width: Int) -> (first: Int, cursorColumn: Int) {
        let shown = shownCharacters(composer)
        let room = max(2, width - TextWidth.columns(prompt) - 2)
        var first = 0
        var cursorColumn = shown.prefix(composer.cursor).reduce(0) { $0 + $1.columns }
        guard cursorColumn > room - 1 else { return (0, cursorColumn) }
        cursorColumn += 1
        while cursorColumn > room - 1, first < composer.cursor {
            cursorColumn -= shown[first].columns
            first += 1
        }
        return (first, cursorColumn)
    }

    static func drawComposer(_ state: ObserverState, rect: Rect, theme: Theme, agents: [Int: Style], into canvas: inout Canvas) {
        let composer = state.view.composer
        var x = canvas.put(prompt, x: rect.x + 1, y: rect.y, style: theme.style(.accent).adding(.bold), clip: rect)
        guard !composer.characters.isEmpty else {
            canvas.put(composerHint, x: x, y: rect.y, style: theme.style(.muted), clip: rect)
            return
        }
        let (first, _) = window(composer, width: rect.width)
        if first > 0 { x = canvas.put("…", x: x, y: rect.y, style: theme.style(.muted), clip: rect) }
        let text = shownCharacters(composer).dropFirst(first).map(\.text).joined()
        canvas.put(text, x: x, y: rect.y, style: theme.style(.composer), clip: Rect(x: rect.x, y: rect.y, width: rect.width - 1, height: 1))
    }

    /// Where the terminal's cursor goes while composing.
    static func cursor(_ state: ObserverState, rect: Rect) -> Point? {
        guard state.view.composer.isOpen, !state.view.isConfirmingQuit, !state.view.showsHelp else { return nil }
        let (_, column) = window(state.view.composer, width: rect.width)
        return Point(x: min(rect.maxX - 1, rect.x + 1 + TextWidth.columns(prompt) + column), y: rect.y)
    }
}
