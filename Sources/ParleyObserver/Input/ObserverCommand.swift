import ParleyCore
import TerminalKit

/// What the person watching asks of the observer: the UI's own vocabulary, which ``KeyMap``
/// makes from keys and ``ObserverState/apply(_:)-(ObserverCommand)`` carries out.
public enum ObserverCommand: Sendable, Hashable {
    /// Pause a live debate, or go live again.
    case togglePause
    /// Let one more turn happen, then hold.
    case stepTurn
    /// Let the rest of the round happen, then hold.
    case stepRound
    /// Cancel the turn being written; asks first when a real model is mid-reply.
    case cancelTurn
    /// Yes, cancel the turn asked about.
    case confirmCancelTurn
    /// After a peer failed: try its turn again.
    case retryTurn
    /// After a peer failed: skip its turn.
    case skipTurn
    /// Open the composer to write into the debate.
    case startCompose
    /// Edit the composer's text.
    case compose(ComposerEdit)
    /// Search the focused pane: type the words, Enter.
    case startSearch
    /// Type the search's words, or go from match to match.
    case search(SearchEdit)
    /// Close what is open, innermost first: the quit or cancel question, the help, the composer,
    /// a zoom. With nothing open it does nothing: it never cancels a turn (people press Esc
    /// twice to be sure).
    case cancel
    /// Focus the next pane (peers in ring order, then the summary and the side pane).
    case focusNext
    /// Focus the previous pane.
    case focusPrevious
    /// Focus a pane.
    case focus(PaneID)
    /// Scroll the focused pane.
    case scroll(ScrollMove)
    /// Show the focused pane on the whole screen, or go back.
    case toggleZoom
    /// Switch the side pane to its next view: graph → matrix → blackboard (the graph is skipped
    /// for debates too large to draw).
    case toggleGraphView
    /// Show or hide the reasoning models' thinking.
    case toggleReasoning
    /// Switch to the next colour theme.
    case nextTheme
    /// Shorten the delay between turns; in a replay, play faster.
    case faster
    /// Lengthen the delay between turns; in a replay, play slower.
    case slower
    /// Move along the timeline: look back at a turn, or follow the debate now again.
    case timeline(TimelineMove)
    /// Fork the debate at the turn ``ObserverState/forkTurn`` names: a new live debate goes on
    /// from the state before it.
    case fork
    /// Choose a message in the focused pane (or a summary) to inspect: its latest, or the one
    /// before or after the chosen one.
    case select(SelectionMove)
    /// Open the inspector on the chosen message: the request its model was asked, its answer.
    case inspect
    /// On a fork: open its comparison with the parent recording, from where they part.
    case compareWithParent
    /// Quit; asks first while the debate is running.
    case requestQuit
    /// Quit now, stopping the debate if it still runs.
    case confirmQuit
    /// Show or hide the list of keys.
    case showHelp
    /// A mouse click at a cell: focuses the pane there.
    case click(Point)
    /// The mouse wheel turned over a cell: scrolls the pane there.
    case wheel(Point, WheelDirection)
    /// The terminal is now this size.
    case resize(columns: Int, rows: Int)
    /// Hold one more round than planned.
    case addRound

    /// Whether only a live debate can do it: a replay cannot be written to or extended, and
    /// its turns were written (or retried, or skipped) when it was recorded.
    public var needsLiveDebate: Bool {
        switch self {
        case .startCompose, .compose, .cancelTurn, .confirmCancelTurn, .retryTurn, .skipTurn, .addRound: true
        default: false
        }
    }

    /// Whether it steers the debate (its pace, its turns, what is said in it): an observer that
    /// only watches (`parley attach --read-only`) cannot.
    public var steers: Bool {
        switch self {
        case .togglePause, .stepTurn, .stepRound, .faster, .slower, .fork: true
        default: needsLiveDebate
        }
    }
}

/// Which message `Enter`, `↑` and `↓` choose in the focused pane.
public enum SelectionMove: Sendable, Hashable {
    /// The pane's latest message (or summary).
    case latest
    /// The one before the chosen one.
    case previous
    /// The one after the chosen one.
    case next
}

/// What a search is told: an edit of its words, or a move between its matches.
public enum SearchEdit: Sendable, Hashable {
    /// Type text at the end of the words.
    case insert(String)
    /// Delete the last character.
    case backspace
    /// End the typing: go to the latest match.
    case submit
    /// Go to the next match (down, wrapping to the first).
    case next
    /// Go to the previous match (up, wrapping to the last).
    case previous
}

/// How far to scroll a pane.
public enum ScrollMove: Sendable, Hashable {
    /// One line back.
    case up
    /// One line on.
    case down
    /// A page back.
    case pageUp
    /// A page on.
    case pageDown
    /// To the first line.
    case home
    /// To the last line, following new text again.
    case end
    /// Some lines back (negative) or on (positive), as the mouse wheel scrolls.
    case lines(Int)
}

/// Which way the mouse wheel turned.
public enum WheelDirection: Sendable, Hashable {
    /// Towards earlier text.
    case up
    /// Towards later text.
    case down
}

/// An edit of the composer's line.
public enum ComposerEdit: Sendable, Hashable {
    /// Type text at the cursor.
    case insert(String)
    /// Delete the character before the cursor.
    case backspace
    /// Delete the character at the cursor.
    case deleteForward
    /// Delete the word before the cursor.
    case deleteWord
    /// Delete the whole line.
    case clear
    /// Move the cursor one character left.
    case left
    /// Move the cursor one character right.
    case right
    /// Move the cursor to the start of the line.
    case home
    /// Move the cursor to the end of the line.
    case end
    /// Recall the previous message sent (↑).
    case historyPrevious
    /// Recall the next message sent, or the draft (↓).
    case historyNext
    /// Complete the `@id` at the cursor; again cycles through the ids that fit.
    case complete
    /// Send the line into the debate.
    case submit
}
