import ParleyCore
import TerminalKit

/// The status bar: title, the turn looked back at (`viewing turn 7 of 12 · End follows live`),
/// round i/N, protocol, pace (LIVE / PAUSING AFTER THIS TURN / PAUSED / STEP; a replay's REPLAY
/// with its file, position and speed), elapsed time, tokens, cost where known, where the
/// recording goes, and the help key. Round, time, tokens and cost are the debate's at the turn
/// shown. Items that do not fit are left out, least important first; the title is cut to what
/// is left.
enum StatusBarView {
    /// One item of the bar and how much it matters (lower is left out first).
    struct Item {
        var spans: StyledLine
        var priority: Int
    }

    static func items(_ state: ObserverState) -> (title: String, items: [Item]) {
        var items: [Item] = []
        if let viewing = viewing(state) { items.append(Item(spans: [viewing], priority: 11)) }
        items.append(Item(spans: [mode(state)], priority: 10))
        if state.intake.isReplay { items.append(Item(spans: [replay(state)], priority: 7)) }
        if let info = state.shown.info {
            items.append(Item(spans: [Span("round \(max(state.shown.round, 0))/\(info.rounds)", .role(.statusBar))], priority: 9))
            items.append(Item(spans: [Span(info.floor.rawValue, .role(.statusBar))], priority: 3))
        }
        items.append(Item(spans: [Span(Format.clock(state.shown.elapsed), .role(.statusBar))], priority: 6))
        items.append(Item(spans: [Span("\(Format.tokens(state.shown.usage.totalTokens)) tok", .role(.statusBar))], priority: 5))
        if let cost = state.shown.usage.cost { items.append(Item(spans: [Span(Format.cost(cost), .role(.statusBar))], priority: 4)) }
        if let path = state.intake.recordingPath {
            let name = Sanitizer.clean(path).replacingNewlines()
            // A recording that could not be written is never shown as recording.
            let failed = state.debate.guardTrips.contains { $0.kind == .recording }
            items.append(Item(spans: [failed ? Span("✖ rec failed \(name)", .role(.error), .bold) : Span("● rec \(name)", .role(.statusBar))], priority: 2))
        }
        if let server = state.intake.attachedTo {
            let name = Sanitizer.clean(server).replacingNewlines() + (state.intake.isReadOnly ? " read-only" : "")
            items.append(Item(spans: [
                state.intake.isConnectionLost
                    ? Span("⟳ reconnecting \(name)", .role(.error), .bold) : Span("⇄ \(name)", .role(.statusBar))
            ], priority: 8))
        }
        if let served = state.intake.servedAt {
            items.append(Item(spans: [Span("⇆ serving \(Sanitizer.clean(served).replacingNewlines())", .role(.statusBar))], priority: 2))
        }
        items.append(Item(spans: [Span("? help", .role(.statusBar), .bold)], priority: 8))
        return (state.debate.info?.title ?? "Parley — waiting for the debate to start", items)
    }

    /// `viewing turn 7 of 12 · End follows live` while looking back; nil while following.
    static func viewing(_ state: ObserverState) -> Span? {
        guard let viewed = state.viewed else { return nil }
        let turns = state.timeline.turnCount
        let point = viewed.turn == 0 ? "the start of \(turns) turn\(turns == 1 ? "" : "s")" : "turn \(viewed.turn) of \(turns)"
        let end = if state.debate.finish != nil { "End goes to the end" } else if state.intake.isReplay { "End follows the replay" } else { "End follows live" }
        return Span(" viewing \(point) · \(end) ", .role(.statusHeld), .bold)
    }

    /// A replay's file, how far it has played and its speed: `run.jsonl · turn 7 of 12 · 2×`.
    static func replay(_ state: ObserverState) -> Span {
        var parts: [String] = []
        if let name = state.intake.replayName { parts.append(Sanitizer.clean(name).replacingNewlines()) }
        let played = state.timeline.turnCount
        parts.append(state.intake.replayTurns.map { "turn \(played) of \($0)" } ?? "turn \(played)")
        parts.append(ObserverState.describe(speed: state.intake.replaySpeed))
        return Span(parts.joined(separator: " · "), .role(.statusBar))
    }

    static func mode(_ state: ObserverState) -> Span {
        if let finish = state.debate.finish {
            return Span(finish == .completed ? " DONE " : " ENDED ", .role(.statusHeld))
        }
        if state.debate.isConcluded { return Span(" DONE ", .role(.statusHeld)) }
        if state.intake.isReplay {
            // The replay's pace is the player's: playing, paused or stepping.
            switch state.debate.pace.mode {
            case .live: return Span(" REPLAY ", .role(.statusLive))
            case .paused: return Span(" REPLAY · PAUSED ", .role(.statusHeld))
            case .step: return Span(" REPLAY · STEP ", .role(.statusHeld))
            }
        }
        switch state.debate.pace.mode {
        case .live:
            let delay = state.debate.pace.delay > 0 ? " +\(Seconds.describe(state.debate.pace.delay))" : ""
            return Span(" LIVE\(delay) ", .role(.statusLive))
        case .paused:
            // The pace gate holds the next turn; the one under way goes on to its end.
            if state.debate.isPausingAfterTurn { return Span(" PAUSING AFTER THIS TURN ", .role(.statusHeld)) }
            return Span(" PAUSED ", .role(.statusHeld))
        case .step: return Span(" STEP ", .role(.statusHeld))
        }
    }

    static func draw(_ state: ObserverState, rect: Rect, theme: Theme, agents: [Int: Style], into canvas: inout Canvas) {
        canvas.fill(rect, style: theme.style(.statusBar))
        let (title, all) = items(state)
        let separator = " │ "
        var shown = all
        let width = { (items: [Item]) in items.reduce(0) { $0 + PaneFrame.width($1.spans) + 3 } }
        // Keep room for at least a few characters of the title.
        while width(shown) + 8 > rect.width, let least = shown.indices.min(by: { shown[$0].priority < shown[$1].priority }) {
            shown.remove(at: least)
        }
        var right: StyledLine = []
        for item in shown {
            right.append(Span(separator, .role(.statusBar)))
            right += item.spans
        }
        right.append(Span(" ", .role(.statusBar)))
        let rightWidth = PaneFrame.width(right)
        let titleRoom = rect.width - rightWidth - 1
        if titleRoom > 0 {
            let line = PaneFrame.ellipsized([Span(title.replacingNewlines(), .role(.statusBar), .bold)], width: titleRoom)
            canvas.put([Span(" ", .role(.statusBar))] + line, x: rect.x, y: rect.y, theme: theme, agents: agents, clip: rect)
        }
        canvas.put(right, x: rect.maxX - rightWidth, y: rect.y, theme: theme, agents: agents, clip: rect)
    }
}
