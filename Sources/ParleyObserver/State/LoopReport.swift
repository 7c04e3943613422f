/// What the observer's loop tells the state besides the debate's events and the person's
/// commands: the time, the end of the events, and where the panes' scrolls settled when they
/// were drawn. It goes through ``ObserverState/apply(_:)-(LoopReport)`` like every other change.
public enum LoopReport: Sendable, Hashable {
    /// The app's clock reads this many seconds since the debate started.
    case clockTicked(Double)
    /// The observer's own clock reads this many seconds since it started (it never stops, in a
    /// replay or after the debate too): a notice whose time is up fades.
    case now(Double)
    /// The events ended: the debate finished, the replay ran out, or, with `failure` saying
    /// why, the stream failed.
    case eventsEnded(failure: String?)
    /// Where the panes that had moves waiting now show from, as drawn (see
    /// ``ObserverView/settledScrolls(of:)``).
    case scrollsSettled([PaneID: PaneScroll.Intent])
}
