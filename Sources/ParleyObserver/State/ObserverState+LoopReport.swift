import TerminalKit

extension ObserverState {
    /// Takes in what the app's loop reports.
    /// - `clockTicked`: the elapsed time moves on (never back) while the debate runs (not while
    ///   it lingers, concluded).
    /// - `now`: the observer's own clock moves on (never back); a notice whose time is up fades.
    /// - `eventsEnded`: recorded in ``intake``; when they failed before the debate finished,
    ///   the prompt line says why.
    /// - `scrollsSettled`: each pane's moves are carried out: it shows from where it was drawn.
    public mutating func apply(_ report: LoopReport) {
        switch report {
        case .clockTicked(let elapsed):
            guard debate.isRunning, !debate.isConcluded else { return }
            debate.elapsed = max(debate.elapsed, elapsed)
        case .now(let seconds):
            view.now = max(view.now, seconds)
            if let fadesAt = debate.notice?.fadesAt, fadesAt <= view.now { debate.notice = nil }
        case .eventsEnded(let failure):
            intake.hasEnded = true
            if let failure, debate.finish == nil {
                debate.notice = Notice(text: "The debate's events stopped: \(Sanitizer.clean(failure))", tone: .error)
            }
        case .scrollsSettled(let intents):
            for (pane, intent) in intents {
                view.scrolls[pane] = intent == .follow ? nil : PaneScroll(intent: intent)
            }
        }
    }
}
