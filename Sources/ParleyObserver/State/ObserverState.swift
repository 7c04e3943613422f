import ParleyCore
import TerminalKit

/// Everything the observer shows, as a value: reduced from the debate's events
/// (``apply(_:)-(DebateEvent)``) and the person's commands (``apply(_:)-(ObserverCommand)``).
/// Views draw it; nothing else changes it. All text in it from the debate is sanitized as it
/// is taken in, agent ids and the finish reason included (see ``apply(_:)-(DebateEvent)``), so
/// that the views can draw it as it is.
public struct ObserverState: Sendable {
    /// The debate, as announced when it started (ids, names, roles, models and title
    /// sanitized); nil until then.
    public var info: DebateInfo?
    /// The peers' panes, in ring order.
    public var peers: [PeerPane] = []
    /// The facilitator's summaries, in the order they were begun; the final tradeoffs last.
    public var summaries: [SummaryEntry] = []
    /// The blackboard's notes, oldest first, their text sanitized.
    public var notes: [BlackboardNote] = []
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
    /// Seconds since the debate started, as the last event record (or the app's clock) told.
    public var elapsed: Double = 0
    /// Tokens and cost so far (the whole debate's once it finished).
    public var usage = Usage.zero
    /// Where the debate is being recorded, as the app sets it; nil when it is not.
    public var recordingPath: String?
    /// Why the debate ended (a failure's text sanitized); nil while it runs.
    public var finish: FinishReason?
    /// Whether the debate is a recording played back: it cannot be written to, its turns
    /// cannot be cancelled or retried, and its speed is not the observer's to change.
    public var isReplay: Bool

    /// The line the human writes with.
    public var composer = Composer()
    /// The focused pane.
    public var focus: PaneID = .summary
    /// Whether the focused pane fills the screen.
    public var isZoomed = false
    /// What the side pane shows.
    public var sideView: SideView = .graph
    /// Whether the help overlay is shown.
    public var showsHelp = false
    /// Whether the observer is asking if it should quit.
    public var isConfirmingQuit = false
    /// Whether reasoning models' thinking is shown (dimmed) in the panes.
    public var showsReasoning: Bool
    /// The theme in use, an index into the app's ``ThemeCatalog``.
    public var themeIndex: Int
    /// How many themes ``nextTheme`` cycles through.
    public var themeCount: Int
    /// The terminal's columns.
    public var columns: Int
    /// The terminal's rows.
    public var rows: Int
    /// Panes scrolled away from their end: the first line shown. A pane not here follows new text.
    public var scrollTops: [PaneID: Int] = [:]
    /// A passing notice on the prompt line; the next key clears it.
    public var notice: Notice?

    /// Streamed text being cleaned, one sanitizer per message, reasoning and summary.
    var streams: [StreamKey: StreamSanitizer] = [:]
    /// The clean ids given to announced agents whose own ids were not clean, by their own ids.
    var renamedIDs: [AgentID: AgentID] = [:]

    /// What the side pane shows.
    public enum SideView: Sendable, Hashable {
        /// The message-flow graph.
        case graph
        /// The blackboard's notes.
        case blackboard
    }

    /// A passing notice.
    public struct Notice: Sendable, Hashable {
        /// What it says (sanitized).
        public var text: String
        /// How it reads.
        public var tone: NoticeTone
    }

    enum StreamKey: Hashable {
        case text(MessageID)
        case reasoning(MessageID)
        case summary(SummaryScope)
    }

    /// The delays between turns that `+` and `-` step through, in seconds.
    public static let delays: [Double] = [0, 0.25, 0.5, 1, 2, 4]

    /// Makes the state of an observer waiting for a debate to start.
    public init(
        columns: Int = 80, rows: Int = 24, themeIndex: Int = 0, themeCount: Int = 1, showsReasoning: Bool = true,
        recordingPath: String? = nil, isReplay: Bool = false
    ) {
        self.columns = columns
        self.rows = rows
        self.themeIndex = themeIndex
        self.themeCount = max(1, themeCount)
        self.showsReasoning = showsReasoning
        self.recordingPath = recordingPath
        self.isReplay = isReplay
    }

    /// The peers' ids, in ring order.
    public var peerIDs: [AgentID] { peers.map(\.id) }

    /// The pane of peer `id`.
    public func pane(_ id: AgentID) -> PeerPane? {
        peers.first { $0.id == id }
    }

    /// Whether the debate started and has not finished.
    public var isRunning: Bool { info != nil && finish == nil }

    /// Whether a peer's turn is being written now (thinking or speaking).
    public var isTurnBeingWritten: Bool {
        peers.contains { $0.activity == .thinking || $0.activity == .speaking }
    }

    /// The pane shown on the whole screen, if one is zoomed.
    public var zoomedPane: PaneID? { isZoomed ? focus : nil }

    /// Where everything goes on the terminal now.
    public var layout: Layout {
        Layout(columns: columns, rows: rows, peers: peerIDs, zoomed: zoomedPane)
    }

    /// What keys mean now, from the most pressing thing on screen.
    public var mode: ObserverMode {
        if isConfirmingQuit { return .confirmingQuit }
        if showsHelp { return .help }
        if composer.isOpen { return .composing }
        if failure != nil { return .failurePrompt }
        return .normal
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
