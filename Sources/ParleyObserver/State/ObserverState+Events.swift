import ParleyCore
import TerminalKit

extension ObserverState {
    /// Takes in an event with its time: the elapsed-time clock follows the record.
    public mutating func apply(_ record: EventRecord) {
        if case .connection(let note) = record.event { return hear(note) }
        timeline.append(record)
        take(record.event)
        debate.elapsed = max(debate.elapsed, record.time)
    }

    /// Takes in one event of the debate, into ``debate``; text in it is sanitized on the way in
    /// (see ``ShownDebate``). `debateStarted` begins a new debate: the last one's is dropped
    /// whole (and the turn looked back at with it), and the person's settings kept. The
    /// ``timeline`` keeps the event (at time 0: use ``apply(_:)-(EventRecord)`` for its time).
    public mutating func apply(_ event: DebateEvent) {
        apply(EventRecord(seq: 0, time: 0, event: event))
    }

    private mutating func take(_ event: DebateEvent) {
        guard case .debateStarted(let info) = event else { return debate.apply(event, isReplay: intake.isReplay) }
        let first = debate.info == nil
        debate = ShownDebate(started: info)
        viewed = nil
        view.selection = nil
        inspector = nil
        intake.hasEnded = false
        // The first debate focuses its first peer; a later one keeps the focus while its pane is there.
        if first || !(debate.peerIDs.map(PaneID.peer) + [.summary, .side]).contains(view.focus) {
            view.focus = debate.peers.first.map { .peer($0.id) } ?? .summary
        }
    }

    /// Takes in what the line to a served debate says: the status bar shows it lost until it is
    /// made again, and the prompt line says what happened. It is no part of the debate, so the
    /// timeline does not keep it.
    private mutating func hear(_ note: ConnectionNote) {
        let text = Sanitizer.clean(note.description).replacingNewlines()
        switch note {
        case .lost:
            intake.isConnectionLost = true
            debate.notice = Notice(text: text, tone: .warning)
        case .restored:
            intake.isConnectionLost = false
            debate.notice = fading(text)
        case .refused:
            debate.notice = Notice(text: text, tone: .warning)
        }
    }
}
