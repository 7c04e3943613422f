/// Every change in a debate, in one ordered stream. Front ends are consumers of it: the
/// observer, the headless printer, the recorder; replay reads it back from a file.
public enum DebateEvent: Sendable, Hashable {
    /// The debate began; this is always the first event.
    case debateStarted(DebateInfo)
    /// A round began.
    case roundStarted(round: Int)
    /// A peer passed the floor to another (nil `from`: the debate's first turn).
    case floorPassed(from: AgentID?, to: AgentID, round: Int)
    /// A peer took the floor; its message will carry this id.
    case turnStarted(agent: AgentID, round: Int, message: MessageID)
    /// A piece of a peer's message, streamed as the model writes it.
    case textDelta(agent: AgentID, message: MessageID, text: String)
    /// A piece of a reasoning model's thinking, kept apart from the message.
    case reasoningDelta(agent: AgentID, message: MessageID, text: String)
    /// What a model was asked for a turn and how it answered: written just before the turn's
    /// `messageCompleted` (or the facilitator's `summaryCompleted`). Log version 2 on.
    case turnTraced(TurnTrace)
    /// A peer's message is complete and delivered to its addressees.
    case messageCompleted(Message)
    /// The human said something into the debate; its addressees see it on their next turn.
    case humanMessage(Message)
    /// A note went up on the blackboard.
    case blackboardNote(BlackboardNote)
    /// Every peer of the round has spoken.
    case roundEnded(round: Int)
    /// The facilitator began a summary.
    case summaryStarted(SummaryScope)
    /// A piece of a summary, streamed as it is written.
    case summaryDelta(SummaryScope, text: String)
    /// A summary is complete.
    case summaryCompleted(Summary)
    /// A guard fired.
    case guardTripped(GuardTrip)
    /// A turn failed; the debate holds until the turn is retried or skipped, or stops.
    case peerFailed(PeerFailure)
    /// A model call failed in a way worth retrying, and will be retried after `delay` seconds.
    case turnRetrying(agent: AgentID, attempt: Int, delay: Double, reason: String)
    /// A peer's oldest turns were folded into a short note to fit its model's context.
    case contextFolded(agent: AgentID, turns: Int, note: String)
    /// The pace holds the floor before this peer's turn: paused, or waiting for a step.
    case held(agent: AgentID, round: Int)
    /// The pace changed: paused, resumed, stepping, or a new delay.
    case paceChanged(PaceState)
    /// The debate now holds this many rounds: the person added one.
    case roundsChanged(rounds: Int)
    /// The person's message reached peers that have no turn left (their last round is over, or
    /// the debate is ending): they will not answer it unless a round is added.
    case unheard(peers: [AgentID], message: MessageID)
    /// Every round planned is held and the final summary written, and the debate lingers (in the
    /// observer only): the person may add a round (`roundsChanged`, then `roundStarted`), after
    /// which it concludes again, or quit (`debateFinished`). `round` is the last round held.
    case debateConcluded(round: Int)
    /// The debate ended; this is always the last event. `usage` is the whole debate's.
    case debateFinished(FinishReason, usage: Usage)
    /// An attached observer's line to the server was lost, was made again, or a command was
    /// refused (see ``ConnectionNote``); never part of a debate's own events.
    case connection(ConnectionNote)

    /// The event's name in the event log's `type` field.
    public var type: String {
        switch self {
        case .debateStarted: "debateStarted"
        case .roundStarted: "roundStarted"
        case .floorPassed: "floorPassed"
        case .turnStarted: "turnStarted"
        case .textDelta: "textDelta"
        case .reasoningDelta: "reasoningDelta"
        case .turnTraced: "turnTraced"
        case .messageCompleted: "messageCompleted"
        case .humanMessage: "humanMessage"
        case .blackboardNote: "blackboardNote"
        case .roundEnded: "roundEnded"
        case .summaryStarted: "summaryStarted"
        case .summaryDelta: "summaryDelta"
        case .summaryCompleted: "summaryCompleted"
        case .guardTripped: "guardTripped"
        case .peerFailed: "peerFailed"
        case .turnRetrying: "turnRetrying"
        case .contextFolded: "contextFolded"
        case .roundsChanged: "roundsChanged"
        case .unheard: "unheard"
        case .held: "held"
        case .paceChanged: "paceChanged"
        case .debateConcluded: "debateConcluded"
        case .debateFinished: "debateFinished"
        case .connection: "connection"
        }
    }

    /// Whether the event is a streamed piece of text that a later event repeats whole
    /// (text, reasoning and summary deltas). The recorder may leave these out.
    public var isDelta: Bool {
        switch self {
        case .textDelta, .reasoningDelta, .summaryDelta: true
        default: false
        }
    }
}

/// An event with its place in the stream: its sequence number and when it happened.
public struct EventRecord: Sendable, Hashable {
    /// 1 for the first event of the debate, then one more for each.
    public var seq: Int
    /// Seconds since the debate started.
    public var time: Double
    /// The event.
    public var event: DebateEvent

    /// Makes a record.
    public init(seq: Int, time: Double, event: DebateEvent) {
        self.seq = seq
        self.time = time
        self.event = event
    }
}
