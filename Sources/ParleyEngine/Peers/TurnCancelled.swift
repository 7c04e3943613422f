/// The person cancelled a peer's turn (``DebateCommand/cancelTurn``): its model call was
/// closed. The turn ends as a failure the person retries or skips, marked as cancelled.
struct TurnCancelled: Error, CustomStringConvertible {
    /// What the failure says.
    static let message = "the turn was cancelled by you"

    var description: String { Self.message }
}
