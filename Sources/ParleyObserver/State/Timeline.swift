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
    /// How many events a timeline keeps at most (a 100,000-event recording whole): past that, a
    /// long live debate's oldest events are let go a checkpoint's worth at a time, and its
    /// timeline starts later (the recording keeps them all).
    public static let defaultCapacity = 131_072
    /// About how many bytes a timeline's events take at most, whatever their number (each
    /// event's own size, and its text twice: as kept, and as shown in the panes of the debate it
    /// reduces to): a debate of long replies reaches it first.
    public static let defaultTextCapacity = 64 << 20

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
    /// How many events it keeps at most: a multiple of ``interval``.
    public let capacity: Int
    /// About how many bytes its events may take at most (``defaultTextCapacity``).
    public let textCapacity: Int
    /// About how many bytes the events kept take, and those of each block of ``interval``
    /// events from the first kept (the last block being filled).
    private var text = 0
    private var blockText: [Int] = [0]
    /// How many of the debate's first events were let go to stay within ``capacity`` (a multiple
    /// of ``interval``); ``records`` starts after them, and ``stops`` count from the very first.
    public private(set) var dropped = 0

    /// `checkpoints[i]`: the debate reduced over the first `dropped + i × interval` events.
    private var checkpoints: [ShownDebate] = [ShownDebate()]
    /// The debate reduced over every record kept.
    private var head = ShownDebate()

    /// An empty timeline; `interval` events between checkpoints, at most about `capacity` kept.
    public init(
        isReplay: Bool, interval: Int = Timeline.checkpointInterval, capacity: Int = Timeline.defaultCapacity,
        textCapacity: Int = Timeline.defaultTextCapacity
    ) {
        self.isReplay = isReplay
        self.interval = max(1, interval)
        self.capacity = max(2, (capacity + self.interval - 1) / self.interval) * self.interval
        self.textCapacity = max(1, textCapacity)
    }

    /// The first turn whose debate can still be shown: 0 until events were let go.
    public var firstKeptTurn: Int {
        guard dropped > 0 else { return 0 }
        return stops.firstIndex { $0 >= dropped } ?? max(0, stops.count - 1)
    }

    /// How many of the debate's events it has taken in, the ones let go included.
    private var taken: Int { dropped + records.count }

    /// How many checkpoints are kept: one for the start, then one every ``interval`` events.
    var checkpointCount: Int { checkpoints.count }

    /// How many turns ended (messages completed, turns failed or cancelled).
    public var turnCount: Int { max(0, stops.count - 1) }

    /// Takes in the debate's next event. A `debateStarted` begins a new timeline (a fork or a
    /// reconnect brings one); the streamed pieces are not kept.
    public mutating func append(_ record: EventRecord) {
        guard !record.event.isDelta else { return }
        if case .debateStarted = record.event {
            self = Timeline(isReplay: isReplay, interval: interval, capacity: capacity, textCapacity: textCapacity)
        }
        records.append(record)
        let bytes = Self.bytes(of: record.event)
        text += bytes
        blockText[blockText.count - 1] += bytes
        head.take(record, isReplay: isReplay)
        if taken % interval == 0 {
            checkpoints.append(head)
            blockText.append(0)
        }
        switch record.event {
        case .debateStarted:
            stops = [taken]
            rounds = [0]
            speakers = [.human]
        case .messageCompleted(let message):
            endTurn(round: message.round, speaker: message.sender)
        case .peerFailed(let failure):
            endTurn(round: head.round, speaker: failure.agent)
        case .blackboardNote, .roundEnded, .guardTripped, .unheard:
            // What a turn sets off belongs to it: its notes, the round's end, a guard it tripped.
            if stops.last == taken - 1 { stops[stops.count - 1] = taken }
        default: break
        }
        while records.count > capacity || text > textCapacity, checkpoints.count > 1, records.count > interval {
            records.removeFirst(interval)
            checkpoints.removeFirst()
            text -= blockText.removeFirst()
            dropped += interval
        }
    }

    /// About how many bytes an event takes, kept and shown: its own size, and its text twice.
    private static func bytes(of event: DebateEvent) -> Int {
        MemoryLayout<EventRecord>.stride + 2 * textBytes(of: event)
    }

    /// How many bytes of text an event holds.
    private static func textBytes(of event: DebateEvent) -> Int {
        switch event {
        case .messageCompleted(let message), .humanMessage(let message):
            message.text.utf8.count + (message.reasoning?.utf8.count ?? 0)
        case .summaryCompleted(let summary): summary.text.utf8.count
        case .turnTraced(let trace): trace.cue.utf8.count + (trace.system?.utf8.count ?? 0) + 16 * trace.memory.count
        case .contextFolded(_, _, let note): note.utf8.count
        case .blackboardNote(let note): note.text.utf8.count
        default: 0
        }
    }

    private mutating func endTurn(round: Int, speaker: AgentID) {
        guard !stops.isEmpty else { return }
        stops.append(taken)
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

    /// The debate reduced over its first `count` events (the earliest kept, when those were let
    /// go): from the checkpoint at or before that point, at most ``interval`` events on.
    public func debate(after count: Int) -> ShownDebate {
        let kept = min(max(dropped, count), taken) - dropped
        let checkpoint = min(kept / interval, checkpoints.count - 1)
        var debate = checkpoints[checkpoint]
        for record in records[(checkpoint * interval)..<kept] { debate.take(record, isReplay: isReplay) }
        return debate
    }
}
