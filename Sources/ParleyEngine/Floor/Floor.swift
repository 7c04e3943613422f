import ParleyCore

/// The floor protocol the peers follow among themselves. It keeps only what the protocol needs
/// to be shared — the round, who has spoken in it, and (for the sequential protocols) who holds
/// the floor — and each peer, after speaking, works out from it who comes next. Nobody above
/// the peers schedules them.
final class Floor: Sendable {
    /// What a waiting peer is told.
    enum Turn: Sendable, Equatable {
        /// Take a turn in this round.
        case speak(round: Int)
        /// The debate is over.
        case over
    }

    /// What follows the end of a round.
    enum RoundEnd: Sendable, Equatable {
        /// The next round.
        case next
        /// Nothing until the person adds a round: the rounds planned are held, and the debate
        /// lingers (see ``Floor/init(ring:rule:rounds:lingers:summarized:bus:state:shouldEnd:onRoundEnded:)``).
        case concluded
        /// Nothing ever: the debate is over.
        case over
    }

    struct State: Sendable {
        var round = 1
        var rounds: Int
        var holder: AgentID?
        var spoken: [AgentID] = []
        /// The peers whose turn of this round has begun: they have read their inboxes.
        var begun: Set<AgentID> = []
        /// The rounds planned are held and the debate lingers: nobody holds the floor until a
        /// round is added.
        var concluded = false
        var over = false
    }

    let ring: [AgentID]
    let rule: FloorProtocol
    private let lingers: Bool
    private let summarized: Bool
    private let bus: EventBus
    private let shouldEnd: @Sendable () -> Bool
    private let onRoundEnded: @Sendable (_ round: Int, _ end: RoundEnd) -> Void
    private let monitor: Monitor<State>

    /// Makes the floor for peers in ring order. `shouldEnd` says whether a guard asked the
    /// debate to stop; `onRoundEnded` hears each round's end (the facilitator summarizes).
    /// With `lingers`, the last round's end concludes the debate instead of ending it: the peers
    /// wait until ``addRound()`` opens another round, or the debate stops. The floor says
    /// `debateConcluded` itself then, unless the debate is `summarized`: then ``conclude(after:)``
    /// says it once the final summary is written. `state`, when given, is where a forked debate's
    /// floor was (it is then not opened).
    init(
        ring: [AgentID], rule: FloorProtocol, rounds: Int, lingers: Bool = false, summarized: Bool = false,
        bus: EventBus, state: State? = nil, shouldEnd: @escaping @Sendable () -> Bool,
        onRoundEnded: @escaping @Sendable (_ round: Int, _ end: RoundEnd) -> Void
    ) {
        self.ring = ring
        self.rule = rule
        self.lingers = lingers
        self.summarized = summarized
        monitor = Monitor(state ?? State(rounds: rounds))
        self.bus = bus
        self.shouldEnd = shouldEnd
        self.onRoundEnded = onRoundEnded
    }

    /// The round now (the last one, once the debate is over).
    var round: Int { monitor.read(\.round) }

    /// Whether the debate is over.
    var isOver: Bool { monitor.read(\.over) }

    /// Whether the rounds planned are held and the debate lingers for one more.
    var isConcluded: Bool { monitor.read(\.concluded) }

    /// How many rounds the debate holds now.
    var rounds: Int { monitor.read(\.rounds) }

    /// Holds one round more, if the debate is not over yet; says so with `roundsChanged`. A
    /// concluded debate opens the round at once.
    /// - Returns: the rounds now, or nil when the debate was already over.
    @discardableResult
    func addRound() -> Int? {
        monitor.update { state in
            guard !state.over else { return nil }
            state.rounds += 1
            bus.emit(.roundsChanged(rounds: state.rounds))
            if state.concluded {
                state.concluded = false
                let closer = state.spoken.last ?? ring[0]
                startNextRound(&state, after: closer, mentions: [])
            }
            return state.rounds
        }
    }

    /// Says `debateConcluded` once the final summary after `round` is written, if the debate
    /// is still concluded there (no round was added meanwhile).
    func conclude(after round: Int) {
        monitor.update { state in
            if state.concluded && state.round == round { bus.emit(.debateConcluded(round: round)) }
        }
    }

    /// Marks the beginning of `peer`'s turn: from now on it hears nothing more this round.
    func begin(_ peer: AgentID) {
        monitor.update { state in _ = state.begun.insert(peer) }
    }

    /// Whether `peer` will take another turn (and so read what reaches its inbox now): not once
    /// the debate is over, nor in the last round once its turn there has begun.
    func hasTurnLeft(_ peer: AgentID) -> Bool {
        monitor.read { state in
            !state.over && (state.round < state.rounds || !state.begun.contains(peer))
        }
    }

    /// Opens round 1; under a sequential protocol the first peer of the ring gets the floor.
    func open() {
        monitor.update { state in
            bus.emit(.roundStarted(round: 1))
            if rule != .simultaneous {
                state.holder = ring[0]
                bus.emit(.floorPassed(from: nil, to: ring[0], round: 1))
            }
        }
    }

    /// Waits until `peer` may speak: it holds the floor (round-robin, mention), or `round` has
    /// begun (simultaneous: every peer's message of the round before has arrived).
    /// - Throws: `CancellationError` when the debate stops meanwhile.
    func await(
        _ peer: AgentID, round wanted: Int, isolation: isolated (any Actor)? = #isolation
    ) async throws -> Turn {
        let sequential = rule != .simultaneous
        return try await monitor.wait(
            until: { state in
                if state.over { return .over }
                if sequential { return state.holder == peer ? .speak(round: state.round) : nil }
                return state.round >= wanted ? .speak(round: state.round) : nil
            }, isolation: isolation)
    }

    /// Whether a peer taking its turn in `round` reads `message` now. In turn-taking protocols it
    /// reads everything that reached it. Under simultaneous, every peer answers the same
    /// previous round, so a message of this round waits for the next (the round barrier) —
    /// except the human's: the person is outside the barrier and is heard on the next turn.
    func isHeard(_ message: Message, inTurnOf round: Int) -> Bool {
        Self.isHeard(message, inTurnOf: round, under: rule)
    }

    /// The messages a peer reads at the start of a turn, in the order it reads them: as they came,
    /// except that under simultaneous each round's messages are read in ring order (the person's
    /// after the peers'), however the peers' turns happened to end — so that what a peer hears
    /// last does not depend on which turn the executor finished first.
    func ordered(_ ready: [Delivery]) -> [Delivery] {
        Self.ordered(ready, ring: ring, under: rule)
    }

    /// ``ordered(_:)`` for a ring and a protocol.
    static func ordered(_ ready: [Delivery], ring: [AgentID], under rule: FloorProtocol) -> [Delivery] {
        guard rule == .simultaneous, ready.count > 1 else { return ready }
        func rank(_ delivery: Delivery) -> Int { ring.firstIndex(of: delivery.message.sender) ?? ring.count }
        return ready.enumerated().sorted { a, b in
            (a.element.message.round, rank(a.element), a.offset) < (b.element.message.round, rank(b.element), b.offset)
        }.map(\.element)
    }

    /// ``isHeard(_:inTurnOf:)`` under a protocol.
    static func isHeard(_ message: Message, inTurnOf round: Int, under rule: FloorProtocol) -> Bool {
        rule != .simultaneous || message.round < round || message.sender == .human
    }

    /// Records that `peer` spoke (or was skipped), naming `mentions`, and passes the floor on:
    /// to the first peer it mentioned that has not spoken this round (mention), else to its next
    /// successor in the ring that has not. The peer that completes a round closes it.
    func done(_ peer: AgentID, mentions: [AgentID]) {
        monitor.update { state in
            guard !state.over else { return }
            state.spoken.append(peer)
            let ending = shouldEnd()
            let complete = Set(state.spoken).isSuperset(of: ring)
            guard complete || (ending && rule != .simultaneous) else {
                if rule != .simultaneous { pass(&state, from: peer, to: successor(of: peer, mentions, state.spoken)) }
                return
            }
            let round = state.round
            bus.emit(.roundEnded(round: round))
            let end: RoundEnd = ending ? .over : round < state.rounds ? .next : lingers ? .concluded : .over
            onRoundEnded(round, end)
            switch end {
            case .next:
                startNextRound(&state, after: peer, mentions: mentions)
            case .concluded:
                state.concluded = true
                state.holder = nil
                if !summarized { bus.emit(.debateConcluded(round: round)) }
            case .over:
                state.over = true
                state.holder = nil
            }
        }
    }

    /// Opens the round after the one `closer` closed, naming `mentions`.
    private func startNextRound(_ state: inout State, after closer: AgentID, mentions: [AgentID]) {
        state.round += 1
        state.spoken = []
        state.begun = []
        bus.emit(.roundStarted(round: state.round))
        if rule != .simultaneous { pass(&state, from: closer, to: opener(after: closer, mentions)) }
    }

    /// Ends the debate: every waiting peer is told it is over.
    func end() {
        monitor.update { state in
            state.over = true
            state.holder = nil
        }
    }

    /// Ends every wait with an error: the debate was stopped.
    func close() { monitor.close() }

    private func pass(_ state: inout State, from peer: AgentID, to next: AgentID) {
        state.holder = next
        bus.emit(.floorPassed(from: peer, to: next, round: state.round))
    }

    /// Who speaks after `peer` within the round.
    func successor(of peer: AgentID, _ mentions: [AgentID], _ spoken: [AgentID]) -> AgentID {
        if rule == .mention, let named = mentions.first(where: { $0 != peer && ring.contains($0) && !spoken.contains($0) }) {
            return named
        }
        let start = ring.firstIndex(of: peer) ?? 0
        for step in 1...ring.count {
            let candidate = ring[(start + step) % ring.count]
            if !spoken.contains(candidate) { return candidate }
        }
        return ring[0]
    }

    /// Who opens the next round after `peer` closed this one.
    func opener(after peer: AgentID, _ mentions: [AgentID]) -> AgentID {
        guard rule == .mention else { return ring[0] }
        return successor(of: peer, mentions, [])
    }
}
