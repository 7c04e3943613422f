import ParleyCore

extension ShownDebate {
    /// Takes in one recorded event, `debateStarted` included (which begins the debate afresh):
    /// the reducer the ``Timeline`` replays, and the one the observer's own debate follows.
    /// `isReplay`: a failed turn only says so (see ``apply(_:isReplay:)``).
    mutating func take(_ record: EventRecord, isReplay: Bool) {
        if case .debateStarted(let info) = record.event {
            self = ShownDebate(started: info)
        }
        elapsed = max(elapsed, record.time)
        apply(record.event, isReplay: isReplay)
    }

    /// The debate as shown after `records`, taken in one by one from the start.
    static func reduced(_ records: some Sequence<EventRecord>, isReplay: Bool) -> ShownDebate {
        var debate = ShownDebate()
        for record in records { debate.take(record, isReplay: isReplay) }
        return debate
    }
}
