import ParleyCore
import ParleyEngine
import TerminalKit

extension ObserverState {
    /// The turns that can be chosen in `pane`, oldest first: a peer's pane's messages (the
    /// person's too, which say why there is nothing to inspect), the facilitator's summaries.
    func choosable(in pane: PaneID) -> [RecordedTurns.Key] {
        switch pane {
        case .peer(let id):
            return shown.pane(id)?.entries.compactMap { entry -> RecordedTurns.Key? in
                if case .message(let message) = entry { .message(message.id) } else { nil }
            } ?? []
        case .summary: return shown.summaries.map { .summary($0.scope) }
        case .side: return []
        }
    }

    /// The block of `pane`'s text (``PaneText``) that shows `turn`, if the pane shows it.
    func block(of turn: RecordedTurns.Key, in pane: PaneID) -> Int? {
        switch (pane, turn) {
        case (.peer(let id), .message(let message)): shown.pane(id)?.entryIndex(of: message)
        case (.summary, .summary(let scope)): shown.summaries.firstIndex { $0.scope == scope }
        default: nil
        }
    }

    /// `Enter` (the latest), `↑` `↓`: chooses a message of the focused pane and scrolls the pane
    /// to show it whole (its start, when it is taller than the pane).
    mutating func select(_ move: SelectionMove) {
        let pane = view.focus
        let turns = choosable(in: pane)
        guard !turns.isEmpty else {
            let text = pane == .side
                ? "Nothing to inspect here: Tab to a peer's pane or the summary, then Enter."
                : "Nothing to inspect in this pane yet: no message."
            debate.notice = Notice(text: text, tone: .info)
            return
        }
        let current = view.selection.flatMap { $0.pane == pane ? turns.lastIndex(of: $0.turn) : nil }
        let index = switch (move, current) {
        case (.previous, let current?): max(0, current - 1)
        case (.next, let current?): min(turns.count - 1, current + 1)
        default: turns.count - 1
        }
        view.selection = MessageSelection(pane: pane, turn: turns[index])
        reveal(turns[index], in: pane)
    }

    /// Scrolls `pane` so that `turn`'s block shows whole, or from its start.
    private mutating func reveal(_ turn: RecordedTurns.Key, in pane: PaneID) {
        guard let block = block(of: turn, in: pane), let (text, rows) = ObserverView.scrollBlocks(pane, of: self, in: layout) else {
            return
        }
        let counts = (0..<text.count).map { text.block($0).count }
        let total = counts.reduce(0, +)
        let start = counts[..<block].reduce(0, +)
        let end = start + counts[block]
        let top = view.scroll(of: pane).firstLine(lineCount: total, rows: rows)
        var wanted = top
        if start < top || end - start > rows {
            wanted = start
        } else if end > top + rows {
            wanted = end - rows
        }
        guard wanted != top else { return }
        view.scrolls[pane] = wanted >= total - rows ? nil : PaneScroll(intent: .line(wanted))
    }

    /// `Enter` on a chosen message: opens the inspector on it, rebuilt from the events the
    /// timeline keeps (``RecordedTurns``, ``TurnInspection``); or says plainly why there is
    /// nothing to inspect (the person's message, a turn still being written, a version-1
    /// recording).
    mutating func inspect() {
        guard let selection = view.selection else { return }
        let turn = selection.turn
        if let why = nothingToInspect(turn, in: selection.pane) {
            debate.notice = Notice(text: why, tone: .info)
            return
        }
        let turns: RecordedTurns
        let opened: RecordedTurn
        do {
            turns = try RecordedTurns(records: timeline.records)
            opened = try turns.turn(turn)
        } catch {
            debate.notice = Notice(text: Sanitizer.clean("Nothing to inspect: \(error).").replacingNewlines(), tone: .info)
            return
        }
        let lines = TurnInspection(opened, of: turns).text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let what = switch turn {
        case .message(let id): "message #\(id.rawValue)"
        case .summary(.round(let round)): "round \(round)'s summary"
        case .summary(.final): "the final summary"
        }
        inspector = InspectorPage(title: "Inspector · \(what)", content: .text(lines.map(String.init)))
    }

    /// Why `turn` has nothing to inspect, before its recording is read: nil when it may have.
    private func nothingToInspect(_ turn: RecordedTurns.Key, in pane: PaneID) -> String? {
        switch turn {
        case .message(let id):
            guard case .peer(let peer) = pane, let message = shown.pane(peer)?.message(id) else { break }
            if message.sender == .human { return "Nothing to inspect: this is the person's message; no model was asked for it." }
            if message.isStreaming { return "Nothing to inspect yet: the turn is still being written; Enter once it is done." }
        case .summary(let scope):
            if shown.summaries.first(where: { $0.scope == scope })?.isStreaming == true {
                return "Nothing to inspect yet: the summary is still being written; Enter once it is done."
            }
        }
        if debate.info != nil, debate.info?.spec == nil {
            return "Nothing to inspect: this recording is event log version 1, which keeps no requests (record with this Parley)."
        }
        return nil
    }

    /// `d`: on a fork, asks the app to read the parent recording (it then calls
    /// ``openComparison(parent:records:)``); otherwise says it needs a fork.
    mutating func compareWithParent() -> [ObserverEffect] {
        guard let fork = debate.info?.fork else {
            debate.notice = Notice(text: "d shows a fork beside its parent: this debate is not a fork (f or parley fork makes one).", tone: .info)
            return []
        }
        guard let parent = fork.parent else {
            debate.notice = Notice(text: "This fork's parent was not recorded to a file: nothing to show it beside.", tone: .info)
            return []
        }
        return [.compare(parent: parent)]
    }

    /// Shows this fork beside its parent, from where they part: the parent's recorded events
    /// against this debate's events so far.
    /// - Parameters:
    ///   - parent: the parent recording's name, as the fork names it.
    ///   - records: the parent recording's events.
    public mutating func openComparison(parent: String, records: [EventRecord]) {
        let diff = DebateDiff(records.map(\.event), timeline.records.map(\.event))
        let fork = intake.replayName ?? intake.recordingPath ?? "this fork"
        inspector = InspectorPage(title: "This fork beside its parent, so far", content: .comparison(diff, parent: parent, fork: fork))
    }

    /// Says that the parent recording `parent` could not be read, and why.
    public mutating func parentUnreadable(_ parent: String, because error: any Error) {
        let text = "Cannot read the parent recording \(parent): \(error); parley diff PARENT FORK compares them."
        debate.notice = Notice(text: Sanitizer.clean(text).replacingNewlines(), tone: .warning)
    }

    /// Scrolls the inspector, within the lines it has at the screen's size.
    mutating func scrollInspector(_ move: ScrollMove) {
        guard var page = inspector,
            let area = InspectorView.textArea(in: Rect(x: 0, y: 0, width: view.columns, height: view.rows))
        else { return }
        let count = page.lines(width: area.width).count
        var scroll = PaneScroll(intent: .line(min(page.top, max(0, count - area.height))))
        scroll.ask(move)
        page.top = scroll.firstLine(lineCount: count, rows: area.height)
        inspector = page
    }
}
