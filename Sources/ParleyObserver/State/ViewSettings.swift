import ParleyCore
import TerminalKit

/// How the person watching has set up the observer: what is focused, zoomed, open, scrolled,
/// the theme and the terminal's size. A new debate keeps them.
public struct ViewSettings: Sendable, Hashable {
    /// The line the human writes with, with the messages sent before.
    public var composer = Composer()
    /// The search of a pane (`/`), while there is one.
    public var search: PaneSearch?
    /// The message (or summary) chosen to inspect, while one is.
    public var selection: MessageSelection?
    /// The focused pane.
    public var focus: PaneID = .summary
    /// Whether the focused pane fills the screen.
    public var isZoomed = false
    /// What the side pane shows.
    public var sideView: ObserverState.SideView = .graph
    /// Whether the help overlay is shown.
    public var showsHelp = false
    /// The help's first line shown, when it is longer than the screen.
    public var helpScroll = 0
    /// Whether the observer is asking if it should quit.
    public var isConfirmingQuit = false
    /// The peer whose turn the observer asks whether to cancel (its real model is mid-reply);
    /// nil when not asking.
    public var cancelling: AgentID?
    /// Whether reasoning models' thinking is shown (dimmed) in the panes.
    public var showsReasoning: Bool
    /// The theme in use, an index into the app's ``ThemeCatalog``.
    public var themeIndex: Int
    /// How many themes ``ObserverCommand/nextTheme`` cycles through.
    public var themeCount: Int
    /// The themes' names, by index, for the notice `t` shows; empty when not known.
    public var themeNames: [String] = []
    /// The terminal's columns.
    public var columns: Int
    /// The terminal's rows.
    public var rows: Int
    /// Where each pane is scrolled to; a pane not here follows new text.
    public var scrolls: [PaneID: PaneScroll] = [:]
    /// The observer's own clock, in seconds since it started, as its loop last reported it
    /// (``LoopReport/now(_:)``): what fading notices are timed by.
    public var now: Double = 0

    /// Makes the settings of a terminal of `columns` × `rows`.
    public init(columns: Int, rows: Int, themeIndex: Int, themeCount: Int, showsReasoning: Bool) {
        self.columns = columns
        self.rows = rows
        self.themeIndex = themeIndex
        self.themeCount = max(1, themeCount)
        self.showsReasoning = showsReasoning
    }

    /// Where pane `pane` is scrolled to.
    public func scroll(of pane: PaneID) -> PaneScroll {
        scrolls[pane] ?? PaneScroll()
    }
}
