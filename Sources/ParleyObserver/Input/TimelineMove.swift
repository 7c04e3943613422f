/// A move along the debate's timeline (``ObserverCommand/timeline(_:)``).
public enum TimelineMove: Sendable, Hashable {
    /// One turn back (`←`).
    case turnBack
    /// One turn on (`→`); past the last turn, back to now.
    case turnForward
    /// To the end of the round before (`[`).
    case roundBack
    /// To the end of the round (`]`), or of the next when already there; past the last, now.
    case roundForward
    /// To the start, before the first turn (`Home`).
    case start
    /// Back to now, following the debate again (`End`).
    case now
}
