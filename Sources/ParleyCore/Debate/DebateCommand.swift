/// What a front end may ask of a running debate. Commands arrive at any moment, mid-turn too.
public enum DebateCommand: Sendable, Hashable {
    /// Hold the floor before the next turn.
    case pause
    /// Go live again.
    case resume
    /// Let exactly one more turn happen, then hold.
    case stepTurn
    /// Let the rest of the current round (or the next whole round) happen, then hold.
    case stepRound
    /// Say something into the debate as the human: to everyone or to some peers.
    case inject(text: String, to: Address)
    /// Set the delay before each turn in live mode, in seconds.
    case setDelay(Double)
    /// Set a replay's speed: 2 plays twice as fast as recorded, 0 as fast as it can; a live
    /// debate, whose pace is its delay (``setDelay(_:)``), ignores it.
    case setSpeed(Double)
    /// Cancel the turn in flight (its model call is closed); the debate holds as after a failure.
    case cancelTurn
    /// After a peer failed: try its turn again.
    case retryTurn
    /// After a peer failed: skip its turn and go on.
    case skipTurn
    /// Hold one round more than planned; asked while the debate runs (its last round included).
    case addRound
    /// End the debate now; every task it started ends.
    case stop
}
