import ParleyEngine

/// The message (or summary) chosen in a pane to inspect: `Enter` chooses the focused pane's
/// latest, `↑` `↓` another, `Enter` again opens the inspector on it.
public struct MessageSelection: Sendable, Hashable {
    /// The pane it was chosen in.
    public var pane: PaneID
    /// The turn chosen: a message's, or a summary's.
    public var turn: RecordedTurns.Key

    /// Chooses `turn` in `pane`.
    public init(pane: PaneID, turn: RecordedTurns.Key) {
        self.pane = pane
        self.turn = turn
    }
}
