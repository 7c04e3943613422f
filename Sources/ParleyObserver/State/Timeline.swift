import ParleyCore

/// A debate's past, to look back at any of its turns: the debate as shown after turn `t` is
/// the one reduced over the events up to that turn's end.
///
/// The events are kept once, without the streamed pieces of messages and summaries (a
/// completed message or summary carries its whole text, as in a recording). So that looking
/// back is fast however long the debate, the debate as shown is kept every
/// ``checkpointInterval`` events: reaching any point reduces at most that many events from the
/// checkpoint before it. Only the checkpoints and the debate reduced over every event kept (to
/// make the next checkpoint from) are copies of the shown debate, and the copies share their
/// texts and, by the chunk, their panes' entries, notes and summaries (``ChunkedArray``).
public struct Timeline: Sendable {
    /// How many events lie between two checkpoints.
    public static let checkpointInterval = 2048

    /// The events kept, in order: every event but the streamed pieces.
    public private(set) var records: [EventRecord] = []
    /// Where each turn ends, from the start: `stops[0]` is the start (the debate announced, no
    /// turn taken), `stops[t]` how many of ``records`` make up the debate after turn `t`.
    public private(set) var stops: [Int] = []
    /// The round of each turn: `rounds[t]` is turn `t`'s (0 for the start).
    public private(set) var rounds: [Int] = []
    /// Who took each turn: `speakers[t]` is turn `t`'s peer (``AgentID/human`` for the start).
    public private(set) var speakers: [AgentID] = []
    /// Whether the debate is a replay, which the reducer needs (a failed turn only says so).
    public let isReplay: Bool
    /// The events between two checkpoints.
    public let interval: Int

    /// `checkpoints[i]`: the debate reduced over the first `i × interval` records.
    private var checkpoints: [ShownDebate] = [ShownDebate()]
    /// The debate reduced over every record kept.
    private var head = ShownDebate()

    /// An empty timeline; `interval` events between checkpoints.
    public init(isReplay: Bool, interval: Int = Timeline.checkpointInterval) {
        self.isReplay = isReplay
        self.interval = max(1, interval)
    }

    /// How many checkpoints are kept: one for the start, then one every ``interval`` events.
    var checkpointCount: Int { checkpoints.count }

    /// How many turns ended (messages completed, turns failed or cancelled).
    public var turnCount: Int { max(0, stops.count - 1) }

    /// Takes in the debate's next event. A `debateStarted` begins a new timeline (a fork or a
    /// reconnect brings one); the streamed pieces are not kept.
    public mutating func append(_ record: EventRecord) {
        guard !record.event.isDelta else { return }
        if case .debateStarted = record.event { self = Timeline(isReplay: isReplay, interval: interval) }
        records.append(record)
        head.take(record, isReplay: isReplay)
        if records.count % interval == 0 { checkpoints.append(head) }
        switch record.event {
        case .debateStarted:
            stops = [records.count]
            rounds = [0]
            speakers = [.human]
        case .messageCompleted(let message):
            endTurn(round: message.round, speaker: message.sender)
        case .peerFailed(let failure):
            endTurn(round: head.round, speaker: failure.agent)
        case .blackboardNote, .roundEnded, .guardTripped, .unheard:
            // What a turn sets off belongs to it: its notes, the round's end, a guard it tripped.
            if stops.last == records.count - 1 { stops[stops.count - 1] = records.count }
        default: break
        }
    }

    private mutating func endTurn(round: Int, speaker: AgentID) {
        guard !stops.isEmpty else { return }
        stops.append(records.count)
        rounds.append(round)
        speakers.append(speaker)
    }

    /// Whether `event` ends a turn: a peer's message completed, or its turn failed or was
    /// cancelled.
    public static func endsTurn(_ event: DebateEvent) -> Bool {
        switch event {
        case .messageCompleted, .peerFailed: true
        default: false
        }
    }

    /// The debate as shown after turn `turn` (0: the start), clamped to the turns there are;
    /// nil before the debate started.
    public func debate(atTurn turn: Int) -> ShownDebate? {
        guard !stops.isEmpty else { return nil }
        return debate(after: stops[min(max(0, turn), stops.count - 1)])
    }

    /// The debate reduced over the first `count` records: from the checkpoint at or before
    /// that point, at most ``interval`` events on.
    public func debate(after count: Int) -> ShownDebate {
        let count = min(max(0, count), records.count)
        let checkpoint = min(count / interval, checkpoints.count - 1)
        var debate = checkpoints[checkpoint]
        for record in records[(checkpoint * interval)..<count] { debate.take(record, isReplay: isReplay) }
        return debate
    }

    /// The first turn of round `round`'s, or nil when no turn of it has ended.
    public func firstTurn(ofRound round: Int) -> Int? {
        rounds.indices.dropFirst().first { rounds[$0] == round }
    }
}
