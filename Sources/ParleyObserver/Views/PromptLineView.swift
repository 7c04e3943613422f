import ParleyCore
import TerminalKit

/// The line above the status bar: the composer while writing, the quit question, the failed
/// turn's prompt, a passing notice, or a hint of the main keys.
enum PromptLineView {
    static func draw(_ state: ObserverState, rect: Rect, theme: Theme, agents: [Int: Style], into canvas: inout Canvas) {
        canvas.fill(rect, style: theme.base)
        if state.view.composer.isOpen, !state.view.isConfirmingQuit {
            ComposerLineView.draw(state, rect: rect, theme: theme, agents: agents, into: &canvas)
            return
        }
        if let search = state.view.search, search.isTyping, !state.view.isConfirmingQuit {
            let prompt = [Span("/ ", .role(.accent), .bold), Span(Sanitizer.clean(search.text).replacingNewlines(), .role(.composer))]
            canvas.put(prompt, x: rect.x + 1, y: rect.y, theme: theme, agents: agents, clip: rect)
            return
        }
        let line = PaneFrame.ellipsized(line(for: state, width: rect.width - 2), width: rect.width - 2)
        canvas.put(line, x: rect.x + 1, y: rect.y, theme: theme, agents: agents, clip: rect)
    }

    /// What the line says when the composer is closed.
    static func line(for state: ObserverState, width: Int) -> StyledLine {
        let debate = state.debate
        if let question = question(for: state) { return question }
        let shown = hints(for: state)
        if let notice = debate.notice {
            return [Span(notice.text, .role(notice.tone.role))]
        }
        if state.mode == .searchResults, let search = state.view.search {
            return searchLine(search, state: state) + [Span(" · ", .role(.muted))] + hints(shown)
        }
        if debate.isDone {
            let head = [Span(finishedHead(debate.finish ?? .completed), .role(.accent))]
            return head + hints(shown, width: width - PaneFrame.width(head))
        }
        if debate.info == nil { return [Span("Waiting for the debate to start…", .role(.muted))] }
        return hints(shown, width: width)
    }

    /// The question the observer waits for an answer to, with the keys that answer it: quit?,
    /// cancel the turn?, or retry / skip the failed turn; nil when it asks nothing. The
    /// too-small screen shows it too, as a key must not be answered blind.
    static func question(for state: ObserverState) -> StyledLine? {
        let debate = state.debate
        if state.view.isConfirmingQuit {
            return [Span("The debate is still running. Stop it and quit? ", .role(.warning), .bold)] + hints(hints(for: state))
        }
        if let id = state.view.cancelling {
            let name = debate.pane(id)?.agent.name ?? id.rawValue
            return [Span("\(name)'s model is mid-reply. Cancel the turn? ", .role(.warning), .bold)] + hints(hints(for: state))
        }
        if let failure = debate.failure {
            let name = debate.pane(failure.agent)?.agent.name ?? failure.agent.rawValue
            let shown = hints(hints(for: state))
            if failure.cancelled { return [Span("⊘ \(name)'s turn was cancelled · ", .role(.warning), .bold)] + shown }
            return [Span("✗ \(name)'s turn failed · ", .role(.error), .bold)] + shown + [Span(" · \(failure.error)", .role(.error))]
        }
        return nil
    }

    /// What a search found: `/cost: match 2 of 5`.
    static func searchLine(_ search: PaneSearch, state: ObserverState) -> StyledLine {
        let lines = ObserverView.scrollContent(search.pane, of: state, in: state.layout)?.lines ?? []
        let count = SearchMatch.all(of: search.query, in: lines).count
        let found = count == 0 ? "no match" : "match \(min(search.current, count - 1) + 1) of \(count)"
        return [Span("/\(Sanitizer.clean(search.text).replacingNewlines()): \(found)", .role(.accent), .bold)]
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
        } else if state.mode == .searchResults, debate.notice == nil {
            .searchResults
        } else if state.mode == .selecting, debate.notice == nil {
            .selecting
        } else {
            debate.failure != nil ? .failurePrompt : .normal
        }
        var wanted: [([ObserverCommand], String)]
        if state.view.isConfirmingQuit {
            wanted = [([.confirmQuit], "yes"), ([.cancel], "keep watching")]
        } else if state.view.cancelling != nil {
            wanted = [([.confirmCancelTurn], "cancel it"), ([.cancel], "let it finish")]
        } else if mode == .searchResults {
            wanted = [([.search(.next), .search(.previous)], "next/previous"), ([.cancel], "end search")]
        } else if mode == .selecting {
            wanted = [([.inspect], "inspect"), ([.select(.previous), .select(.next)], "choose"), ([.cancel], "done")]
        } else if let failure = debate.failure {
            wanted = [([.retryTurn], failure.retryable ? "retry" : "retry anyway"), ([.skipTurn], "skip"), ([.confirmQuit], "quit")]
        } else if debate.notice != nil || debate.info == nil {
            wanted = []
        } else if debate.isDone {
            // A concluded debate (live) still takes one more round, and messages for it.
            let lingers = debate.isConcluded && !state.intake.isReplay
            wanted = (lingers ? [([.addRound], "one more round")] : []) + [([.requestQuit], "quit")]
                + (lingers ? [([.startCompose], "write")] : []) + [
                ([.timeline(.turnBack), .timeline(.turnForward)], "timeline"), ([.focusNext], "focus"), ([.scroll(.up), .scroll(.down)], "scroll"),
                ([.toggleGraphView], "blackboard"), ([.showHelp], "help"), ([.select(.latest)], "inspect"),
            ]
        } else {
            let all: [([ObserverCommand], String)] = [
                ([.togglePause], debate.pace.mode == .live ? "pause" : "resume"), ([.stepTurn], "step"), ([.stepRound], "round"),
                ([.startCompose], "write"), ([.timeline(.turnBack), .timeline(.turnForward)], "timeline"), ([.showHelp], "help"), ([.requestQuit], "quit"), ([.focusNext], "focus"),
                ([.toggleZoom], "zoom"), ([.toggleGraphView], "graph/board"), ([.faster, .slower], "speed"), ([.select(.latest)], "inspect"),
            ]
            // A replay cannot be written to.
            wanted = state.intake.isReplay ? all.filter { !$0.0.contains(where: \.needsLiveDebate) } : all
        }
        // An observer that only watches cannot steer.
        if state.intake.isReadOnly { wanted.removeAll { $0.0.contains(where: \.steers) } }
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
}
