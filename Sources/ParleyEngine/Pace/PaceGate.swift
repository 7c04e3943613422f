import ParleyCore

/// The gate every peer passes before it takes the floor: live (with an optional delay between
/// turns), paused, or stepping one turn or one round at a time.
///
/// Step commands are permits: each `stepTurn` lets exactly one more turn through, however many
/// arrive at once and whenever they arrive (mid-turn too); `stepRound` lets the rest of the
/// round of the next turn through.
final class PaceGate: Sendable {
    struct State: Sendable {
        var pace: PaceState
        /// Turns that may still pass while paused or stepping.
        var permits = 0
        /// While paused or stepping, turns of rounds up to this one pass.
        var roundPermit: Int?
        /// `stepRound`s not yet bound to a round: the next turn that arrives binds them.
        var pendingRounds = 0
        /// Whether any turn has passed (the first turn never waits for the delay).
        var admittedAny = false

        /// The round of the latest turn that passed.
        var lastRound = 0

        mutating func admit(round: Int) -> Bool? {
            guard mayPass(round: round) else { return nil }
            admittedAny = true
            lastRound = max(lastRound, round)
            return true
        }

        private mutating func mayPass(round: Int) -> Bool {
            if pace.mode == .live { return true }
            if let limit = roundPermit, round <= limit { return true }
            if pendingRounds > 0 {
                roundPermit = round + pendingRounds - 1
                pendingRounds = 0
                return true
            }
            if permits > 0 {
                permits -= 1
                return true
            }
            return false
        }
    }

    private let monitor: Monitor<State>
    private let bus: EventBus

    init(_ pace: PaceState, bus: EventBus) {
        monitor = Monitor(State(pace: pace))
        self.bus = bus
    }

    /// The pace now.
    var pace: PaceState { monitor.read(\.pace) }

    /// Waits until `agent` may take the floor for a turn of `round`; emits `held` when it must wait.
    /// - Throws: `CancellationError` when the debate stops meanwhile.
    func admit(_ agent: AgentID, round: Int, isolation: isolated (any Actor)? = #isolation) async throws {
        let (delay, first) = monitor.read { ($0.pace.mode == .live ? $0.pace.delay : 0, !$0.admittedAny) }
        if delay > 0, !first { try await Task.sleep(for: .seconds(delay)) }
        if monitor.now({ $0.admit(round: round) }) != nil { return }
        let bus = self.bus
        _ = try await monitor.wait(
            until: { $0.admit(round: round) },
            onWait: { _ in bus.emit(.held(agent: agent, round: round)) }, isolation: isolation)
    }

    /// Holds the floor before the next turn.
    func pause() { set(.paused) }

    /// Goes live.
    func resume() { set(.live) }

    /// Switches to live or paused, forgetting any steps not yet taken.
    private func set(_ mode: PaceMode) {
        change { state in
            state.pace.mode = mode
            state.permits = 0
            state.roundPermit = nil
            state.pendingRounds = 0
        }
    }

    /// Lets exactly one more turn through, then holds.
    func stepTurn() {
        change { state in
            state.pace.mode = .step
            state.permits += 1
        }
    }

    /// Lets the rest of the next turn's round through, then holds; again extends by a round.
    func stepRound() {
        change { state in
            state.pace.mode = .step
            if let limit = state.roundPermit, state.lastRound <= limit {
                state.roundPermit = limit + 1
            } else {
                state.roundPermit = nil
                state.pendingRounds += 1
            }
        }
    }

    /// Sets the delay before each live turn.
    func setDelay(_ seconds: Double) {
        change { $0.pace.delay = max(0, seconds) }
    }

    /// Ends every wait: the debate is over.
    func close() { monitor.close() }

    private func change(_ body: (inout State) -> Void) {
        let bus = self.bus
        monitor.update { state in
            let before = state.pace
            body(&state)
            if state.pace != before { bus.emit(.paceChanged(state.pace)) }
        }
    }
}
