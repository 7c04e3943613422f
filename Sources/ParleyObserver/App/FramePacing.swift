/// When to draw: at once when the last frame is old enough, else at a one-shot deadline; never
/// while nothing changed. And when the status bar's clock next needs a frame: once a second
/// while the debate runs, live, paused or stepping (a live debate's time goes on while it
/// holds); never before it starts, once it is over or concluded, nor while a replay holds (its clock is
/// the recording's).
struct FramePacing: Sendable {
    /// What to do about a change.
    enum Decision: Equatable {
        /// Draw now.
        case drawNow
        /// Draw at this instant (arm a one-shot timer for it).
        case drawAt(ContinuousClock.Instant)
        /// A timer is armed already; it will draw.
        case wait
    }

    /// The shortest time between two frames.
    let interval: Duration
    /// When the last frame was drawn.
    private(set) var lastFrame: ContinuousClock.Instant?
    /// Whether a frame deadline is armed.
    private(set) var deadlineArmed = false
    /// Whether something changed since the last frame.
    private(set) var isDirty = false

    init(interval: Duration) {
        self.interval = interval
    }

    /// Something changed at `now`: draw now, or at a deadline.
    mutating func changed(at now: ContinuousClock.Instant) -> Decision {
        isDirty = true
        if let lastFrame, now < lastFrame + interval {
            if deadlineArmed { return .wait }
            deadlineArmed = true
            return .drawAt(lastFrame + interval)
        }
        return deadlineArmed ? .wait : .drawNow
    }

    /// The deadline came: whether there is anything to draw.
    mutating func deadlinePassed() -> Bool {
        deadlineArmed = false
        return isDirty
    }

    /// A frame was drawn at `now`.
    mutating func drawn(at now: ContinuousClock.Instant) {
        lastFrame = now
        isDirty = false
    }

    /// When the clock in the status bar next shows a new second, if it should tick at all:
    /// while the debate runs, in any pace (a replay's only while it plays). The app arms a
    /// one-shot timer for it and arms the next after drawing. `elapsed` is the clock's reading
    /// at `now`.
    static func nextTick(for state: ObserverState, elapsed: Double, at now: ContinuousClock.Instant) -> ContinuousClock.Instant? {
        guard state.debate.isRunning, !state.debate.isConcluded, !state.intake.isReplay || state.debate.pace.mode == .live else { return nil }
        let toNextSecond = (elapsed.rounded(.down) + 1) - elapsed
        return now + .milliseconds(Int((toNextSecond * 1000).rounded(.up)))
    }
}
