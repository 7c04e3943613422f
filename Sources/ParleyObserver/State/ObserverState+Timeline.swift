import ParleyCore

extension ObserverState {
    /// Where "now" stands on the timeline: after the last turn that ended, or, while a turn
    /// is being written, one turn further.
    var nowTurn: Int {
        timeline.turnCount + (debate.isTurnBeingWritten ? 1 : 0)
    }

    /// The turn shown: the one looked back at, else ``nowTurn``.
    var shownTurn: Int { viewed?.turn ?? nowTurn }

    /// Moves along the timeline: the panes, graph, blackboard, summaries and counts then show
    /// the debate as it was after the turn reached, until `End` (or a move past the last turn)
    /// follows the debate again. The debate itself goes on meanwhile.
    mutating func move(_ move: TimelineMove) {
        guard !timeline.stops.isEmpty else {
            debate.notice = Notice(text: "The debate has not started yet.", tone: .info)
            return
        }
        let now = nowTurn
        let here = shownTurn
        let target: Int
        switch move {
        case .turnBack: target = here - 1
        case .turnForward: target = here + 1
        case .roundBack:
            let round = round(ofTurn: here)
            target = (0..<min(here, timeline.stops.count)).last { timeline.rounds[$0] < round } ?? 0
        case .roundForward:
            guard here + 1 < timeline.stops.count else { target = now; break }
            let round = timeline.rounds[here + 1]
            target = timeline.rounds.lastIndex(of: round) ?? now
        case .start: target = 0
        case .now: target = now
        }
        // A long live debate's first turns may have been let go (the recording has them).
        show(turn: min(max(timeline.firstKeptTurn, target), now))
    }

    /// Shows the debate as it was after `turn` (0: the start), as a timeline move does; at or
    /// past the turn now, follows the debate now again.
    public mutating func show(turn: Int) {
        guard turn < nowTurn, turn < timeline.stops.count, let past = timeline.debate(atTurn: turn) else {
            viewed = nil
            return
        }
        if viewed?.turn != turn { viewed = ViewedTurn(turn: turn, debate: past) }
    }

    /// The round of `turn`: that of the turn now being written past the last one ended.
    private func round(ofTurn turn: Int) -> Int {
        turn < timeline.rounds.count ? timeline.rounds[turn] : debate.round
    }
}
