import ParleyCore
import TerminalKit

/// The line above the status bar: the composer while writing, the quit question, the failed
/// turn's prompt, a passing notice, or a hint of the main keys.
enum PromptLineView {
    /// What the composer shows before anything is typed, its keys from the key map.
    static var composerHint: String {
        let key = { (command: ObserverCommand) in KeyHint([command], "", in: .composing)?.label ?? "?" }
        return "@id … writes to peers (\(key(.compose(.complete))) completes), no @ to all · \(key(.compose(.submit))) sends · "
            + "\(key(.cancel)) cancels"
    }

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
        let debate = state.debate
        let shown = hints(for: state)
        if state.view.isConfirmingQuit {
            return [Span("The debate is still running. Stop it and quit? ", .role(.warning), .bold)] + hints(shown)
        }
        if let id = state.view.cancelling {
            let name = debate.pane(id)?.agent.name ?? id.rawValue
            return [Span("\(name)'s model is mid-reply. Cancel the turn? ", .role(.warning), .bold)] + hints(shown)
        }
        if let failure = debate.failure {
            let name = debate.pane(failure.agent)?.agent.name ?? failure.agent.rawValue
            if failure.cancelled { return [Span("⊘ \(name)'s turn was cancelled · ", .role(.warning), .bold)] + hints(shown) }
            return [Span("✗ \(name)'s turn failed · ", .role(.error), .bold)] + hints(shown) + [Span(" · \(failure.error)", .role(.error))]
        }
        if let notice = debate.notice {
            return [Span(notice.text, .role(notice.tone.role))]
        }
        if let finish = debate.finish {
            let head = [Span(finishedHead(finish), .role(.accent))]
            return head + hints(shown, width: width - PaneFrame.width(head))
        }
        if debate.info == nil { return [Span("Waiting for the debate to start…", .role(.muted))] }
        return hints(shown, width: width)
    }

    /// What the line says first once the debate is over: `Debate finished — `, with why when
    /// it did not run to its end.
    static func finishedHead(_ finish: FinishReason) -> String {
        finish == .completed ? "Debate finished — " : "Debate finished, \(finish) — "
    }

    /// The key hints the line shows for `state` when the composer is closed, each made from the
    /// key map for the mode the line is about (the help overlay, which any key closes, aside);
    /// none when it shows a notice or waits for the debate.
    static func hints(for state: ObserverState) -> [KeyHint] {
        let debate = state.debate
        let mode: ObserverMode = if state.view.isConfirmingQuit {
            .confirmingQuit
        } else if state.view.cancelling != nil {
            .confirmingCancel
        } else {
            debate.failure != nil ? .failurePrompt : .normal
        }
        let wanted: [([ObserverCommand], String)]
        if state.view.isConfirmingQuit {
            wanted = [([.confirmQuit], "yes"), ([.cancel], "keep watching")]
        } else if state.view.cancelling != nil {
            wanted = [([.confirmCancelTurn], "cancel it"), ([.cancel], "let it finish")]
        } else if let failure = debate.failure {
            wanted = [([.retryTurn], failure.retryable ? "retry" : "retry anyway"), ([.skipTurn], "skip"), ([.confirmQuit], "quit")]
        } else if debate.notice != nil || debate.info == nil {
            wanted = []
        } else if debate.finish != nil {
            wanted = [
                ([.requestQuit], "quit"), ([.focusNext], "focus"), ([.scroll(.up), .scroll(.down)], "scroll"),
                ([.toggleGraphView], "blackboard"), ([.showHelp], "help"),
            ]
        } else {
            let all: [([ObserverCommand], String)] = [
                ([.togglePause], debate.pace.mode == .live ? "pause" : "resume"), ([.stepTurn], "step"), ([.stepRound], "round"),
                ([.startCompose], "write"), ([.showHelp], "help"), ([.requestQuit], "quit"), ([.focusNext], "focus"),
                ([.toggleZoom], "zoom"), ([.toggleGraphView], "graph/board"), ([.faster, .slower], "speed"),
            ]
            // A replay cannot be written to and has no speed of its own to change.
            wanted = state.intake.isReplay ? all.filter { !$0.0.contains(where: \.needsLiveDebate) } : all
        }
        return wanted.compactMap { KeyHint($0.0, $0.1, in: mode) }
    }

    /// `key what · key what`, keys in the accent: as many of the hints, in order, as fit.
    static func hints(_ hints: [KeyHint], width: Int) -> StyledLine {
        var hints = hints
        while hints.count > 1, PaneFrame.width(self.hints(hints)) > width { hints.removeLast() }
        return self.hints(hints)
    }

    static func hints(_ hints: [KeyHint]) -> StyledLine {
        var line: StyledLine = []
        for (index, hint) in hints.enumerated() {
            if index > 0 { line.append(Span(" · ", .role(.muted))) }
            line.append(Span(hint.label, .role(.accent), .bold))
            line.append(Span(" \(hint.what)", .role(.muted)))
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
