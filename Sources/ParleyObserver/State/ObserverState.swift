import ParleyCore
import TerminalKit

/// Everything the observer shows, as a value, in three parts: the debate as shown
/// (``debate``), the person's view settings (``view``) and how events are taken in
/// (``intake``). It is reduced from the debate's events (``apply(_:)-(DebateEvent)``), the
/// person's commands (``apply(_:)-(ObserverCommand)``) and what the app's loop reports: the
/// clock, the end of the events, the panes' scrolls settled where they were drawn
/// (``apply(_:)-(LoopReport)``). Views draw it; nothing else changes it. A new debate replaces
/// ``debate`` only.
public struct ObserverState: Sendable {
    /// The debate as shown: what its events told, sanitized.
    public var debate = ShownDebate()
    /// The person's settings: focus, zoom, side view, help, theme, size, scrolls, composer.
    public var view: ViewSettings
    /// How the events come in: live or replayed, recorded where, ended or not.
    public var intake: Intake
    /// The debate's past: its events kept once, to look back at any turn.
    public internal(set) var timeline: Timeline
    /// The turn the person looks back at (`←`, `[`, `Home`), with the debate as it was then;
    /// nil while following the debate as it is now.
    public internal(set) var viewed: ViewedTurn?
    /// What fills the screen over the panes, when open: the inspector on a turn (`Enter`), or a
    /// fork beside its parent (`d`).
    public internal(set) var inspector: InspectorPage?

    /// A turn looked back at: its number (0: the start) and the debate as shown after it.
    public struct ViewedTurn: Sendable, Equatable {
        /// The turn, from 1; 0 is the start, before any turn.
        public var turn: Int
        /// The debate as it was after that turn.
        public var debate: ShownDebate
    }

    /// What the side pane shows.
    public enum SideView: Sendable, Hashable {
        /// The message-flow graph, drawn (the matrix for debates over ``GraphView/mostDrawnPeers`` peers).
        case graph
        /// The message-flow matrix: who sent how many messages to whom.
        case matrix
        /// The blackboard's notes.
        case blackboard
    }

    /// A passing notice: the next key clears it, and a notice that only confirms a key (`t`,
    /// `v`) also fades by itself after ``noticeLife`` seconds.
    public struct Notice: Sendable, Hashable {
        /// What it says (sanitized).
        public var text: String
        /// How it reads.
        public var tone: NoticeTone
        /// When it fades, on the observer's own clock (``ViewSettings/now``); nil: it stays
        /// until the next key.
        public var fadesAt: Double? = nil
    }

    /// How long a notice that fades stays, in seconds.
    public static let noticeLife = 2.0

    /// The delays between turns that `+` and `-` step through, in seconds.
    public static let delays: [Double] = [0, 0.25, 0.5, 1, 2, 4]

    /// Makes the state of an observer waiting for a debate to start.
    public init(
        columns: Int = 80, rows: Int = 24, themeIndex: Int = 0, themeCount: Int = 1, themeNames: [String] = [],
        showsReasoning: Bool = true, recordingPath: String? = nil, isReplay: Bool = false
    ) {
        view = ViewSettings(
            columns: columns, rows: rows, themeIndex: themeIndex, themeCount: themeCount, showsReasoning: showsReasoning)
        view.themeNames = themeNames
        intake = Intake(isReplay: isReplay, recordingPath: recordingPath)
        timeline = Timeline(isReplay: isReplay)
    }

    /// The debate the panes, graph, blackboard, summaries and counts show: the one at the
    /// turn looked back at, else the debate now.
    public var shown: ShownDebate { viewed?.debate ?? debate }

    /// The pane shown on the whole screen, if one is zoomed.
    public var zoomedPane: PaneID? { view.isZoomed ? view.focus : nil }

    /// Where everything goes on the terminal now.
    public var layout: Layout {
        Layout(columns: view.columns, rows: view.rows, peers: shown.peerIDs, zoomed: zoomedPane, summaryLines: finalSummaryLines)
    }

    /// What keys mean now, from the most pressing thing on screen.
    public var mode: ObserverMode {
        if view.isConfirmingQuit { return .confirmingQuit }
        if view.cancelling != nil { return .confirmingCancel }
        if view.showsHelp { return .help }
        if inspector != nil { return .inspecting }
        if view.composer.isOpen { return .composing }
        if view.search?.isTyping == true { return .searching }
        if debate.failure != nil { return .failurePrompt }
        if let selection = view.selection, selection.pane == view.focus { return .selecting }
        if let search = view.search, search.pane == view.focus { return .searchResults }
        return .normal
    }
}
