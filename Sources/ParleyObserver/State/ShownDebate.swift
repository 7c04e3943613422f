import ParleyCore
import TerminalKit

/// The debate as the observer shows it: everything taken in from one debate's events, and
/// nothing of the person's settings. A new debate (a second `debateStarted`, as a fork or a
/// reconnect brings) replaces it whole. All text in it is sanitized as it is taken in, agent
/// ids and the finish reason included, so that the views can draw it as it is.
public struct ShownDebate: Sendable, Equatable {
    /// The debate, as announced when it started (ids, names, roles, models and title
    /// sanitized); nil until then.
    public var info: DebateInfo?
    /// The peers' panes, in ring order.
    public var peers: [PeerPane] = []
    /// The facilitator's summaries, in the order they were begun; the final tradeoffs last.
    public var summaries: ChunkedArray<SummaryEntry> = []
    /// The blackboard's notes, oldest first, their text sanitized.
    public var notes: ChunkedArray<BlackboardNote> = []
    /// Who talked to whom, and the messages being written.
    public var graph = FlowGraph()
    /// Guards that fired, oldest first (details sanitized).
    public var guardTrips: [GuardTrip] = []
    /// The failed turn waiting for retry, skip or quit (error sanitized); nil when none.
    public var failure: PeerFailure?
    /// The pace: live, paused or stepping, and the delay between turns.
    public var pace = PaceState(mode: .live)
    /// The round under way (0 before the first).
    public var round = 0
    /// The peer the floor passed to or that the pace holds, until its turn starts.
    public var nextSpeaker: AgentID?
    /// The message id of the latest turn that started.
    public var latestTurn: MessageID?
    /// Seconds since the debate started, as the last event record or the app's clock told.
    public var elapsed: Double = 0
    /// Tokens and cost so far (the whole debate's once it finished).
    public var usage = Usage.zero
    /// Why the debate ended (a failure's text sanitized); nil while it runs.
    public var finish: FinishReason?
    /// Whether the debate concluded and lingers: its rounds are done and its final summary
    /// written, and the person may add a round (`e`) or quit. A round added clears it.
    public var isConcluded = false
    /// A passing notice about the debate on the prompt line (sanitized); the next key clears it.
    public var notice: ObserverState.Notice?

    /// Streamed text being cleaned, one sanitizer per message, reasoning and summary.
    var streams: [StreamKey: StreamSanitizer] = [:]
    /// The clean ids given to announced agents whose own ids were not clean, by their own ids.
    var renamedIDs: [AgentID: AgentID] = [:]

    enum StreamKey: Hashable {
        case text(MessageID)
        case reasoning(MessageID)
        case summary(SummaryScope)
    }

    /// Makes the debate of an observer waiting for one to start.
    public init() {}

    /// The peers' ids, in ring order.
    public var peerIDs: [AgentID] { peers.map(\.id) }

    /// The pane of peer `id`.
    public func pane(_ id: AgentID) -> PeerPane? {
        peers.first { $0.id == id }
    }

    /// Whether the debate started and has not finished (it may have concluded, and still take
    /// a message or a round).
    public var isRunning: Bool { info != nil && finish == nil }

    /// Whether the debate's rounds are done: it finished, or concluded and lingers.
    public var isDone: Bool { finish != nil || isConcluded }

    /// Whether a peer's turn is being written now (thinking or speaking).
    public var isTurnBeingWritten: Bool {
        !speakers.isEmpty
    }

    /// The panes of the peers whose turn is being written now (thinking or speaking), in ring
    /// order.
    public var speakers: [PeerPane] {
        peers.filter { $0.activity == .thinking || $0.activity == .speaking }
    }

    /// Whether the pace holds the debate while a turn is still being written: the person
    /// paused mid-turn, and the pause takes hold when the turn ends.
    public var isPausingAfterTurn: Bool {
        pace.mode == .paused && isTurnBeingWritten
    }

    /// Whether any peer's model has produced reasoning (thinking) so far.
    public var hasReasoning: Bool {
        peers.contains { pane in
            pane.entries.contains { if case .message(let message) = $0 { !message.reasoning.isEmpty } else { false } }
        }
    }

    /// Changes peer `id`'s pane in place.
    mutating func updatePane(_ id: AgentID, _ change: (inout PeerPane) -> Void) {
        guard let index = peers.firstIndex(where: { $0.id == id }) else { return }
        change(&peers[index])
    }

    /// Cleans the next piece of a stream.
    mutating func feed(_ text: String, to key: StreamKey) -> String {
        streams[key, default: StreamSanitizer()].feed(text)
    }
}
