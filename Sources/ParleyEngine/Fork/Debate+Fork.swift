import ParleyCore
import ParleyModels

extension Debate {
    /// Starts a new live debate in exactly the state `point`'s debate was in before its turn —
    /// every peer's memory and unread messages, the floor and the round, the blackboard, the
    /// guards' spending, the facilitator's summaries, the person's messages — rebuilt from the
    /// recorded events; running it shows that history again, then goes on from the turn.
    ///
    /// `spec` may change the agents' prompts, arguments, backends or models and hold more
    /// rounds (the debate holds at least as many as the original had at that point); with the
    /// original's spec and scripted personas, the fork says what the original said from there on.
    /// A fork that `lingers` concludes after its rounds as ``init(spec:models:policy:lingers:)`` says.
    /// - Throws: ``ForkError/agentsChanged(added:removed:)`` when `spec`'s agents are not the
    ///   original's; ``DebateSetupError`` when an agent's backend is missing or cannot be made.
    public convenience init(
        forking point: ForkPoint, spec: DebateSpec, models: ModelProvider = ModelProvider(), policy: FailurePolicy = .hold,
        lingers: Bool = false
    ) throws {
        let original = point.info.agents.map(\.id)
        let now = spec.agents.map(\.id)
        let added = now.filter { !original.contains($0) }
        let removed = original.filter { !now.contains($0) }
        guard added.isEmpty, removed.isEmpty else { throw ForkError.agentsChanged(added: added, removed: removed) }
        try self.init(spec: spec, models: models, policy: policy, lingers: lingers, fork: point)
    }

    /// Puts back what the history says into the parts that are not peers: the blackboard, the
    /// guards, the facilitator.
    func recall(_ history: DebateHistory) {
        blackboard.recall(history.notes)
        for message in history.messages where message.sender != .human { world.guards.recall(message) }
        for summary in history.summaries { world.guards.recall(usage: summary.usage) }
        if let trip = history.trip { world.guards.recall(trip: trip) }
        guard let facilitator else { return }
        for message in history.messages { facilitator.hear(message, as: world.prompts.heard(message)) }
        for summary in history.summaries { facilitator.recall(summary) }
        for round in history.unsummarized { facilitator.roundEnded(round, .next) }
    }
}
