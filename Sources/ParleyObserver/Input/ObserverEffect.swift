import ParleyCore

/// What the app loop must do after a command: the reducer itself never talks to the debate.
public enum ObserverEffect: Sendable, Hashable {
    /// Send this command to the debate.
    case send(DebateCommand)
    /// Leave the observer (restoring the terminal).
    case quit
    /// Leave this debate for a fork of it at the turn of this message.
    case fork(MessageID)
    /// Read the parent recording at this path and show this fork beside it
    /// (``ObserverState/openComparison(parent:records:)``).
    case compare(parent: String)
    /// Draw with the theme at this index of the ``ThemeCatalog`` from now on.
    case useTheme(Int)
}

/// What the keyboard means right now, from the most pressing thing on screen.
public enum ObserverMode: Sendable, Hashable {
    /// Watching: the main keys.
    case normal
    /// Typing into the composer.
    case composing
    /// Typing the words of a search.
    case searching
    /// A search is active in the focused pane: n and N go from match to match; the other keys
    /// work as while watching.
    case searchResults
    /// The help overlay is shown.
    case help
    /// A message is chosen in the focused pane: ↑ ↓ choose another, Enter inspects it; the
    /// other keys work as while watching.
    case selecting
    /// The inspector (or a fork's comparison) fills the screen: it scrolls, Esc or q closes it.
    case inspecting
    /// Asking whether to quit while the debate runs.
    case confirmingQuit
    /// Asking whether to cancel the turn a real model is writing.
    case confirmingCancel
    /// A peer's turn failed: r retries, s skips, q quits.
    case failurePrompt
}
