/// What a debate is, as announced when it starts: enough for any front end to lay itself out.
public struct DebateInfo: Sendable, Hashable, Codable {
    /// The title, e.g. "Should we build feature X?".
    public var title: String
    /// The question the peers debate.
    public var question: String
    /// How peers pass the floor.
    public var floor: FloorProtocol
    /// How many rounds it runs at most.
    public var rounds: Int
    /// The peers, in ring order.
    public var agents: [Agent]
    /// The facilitator, when the debate has one.
    public var facilitator: Agent?
    /// How it starts: live, paused or stepping, and the delay between turns.
    public var pace: PaceState
    /// The token budget, when one is set.
    public var tokenBudget: Int?
    /// The cost budget in US dollars, when one is set.
    public var costBudget: Double?
    /// The debate's whole spec, secrets left out (log version 2 on), as ParleyEngine's
    /// `DebateSpec(recorded:)` reads it back: enough to inspect and fork a recording alone.
    public var spec: JSONValue?
    /// Where the debate branched off another, when it is a fork of one.
    public var fork: ForkOrigin?

    /// Makes a debate description.
    public init(
        title: String, question: String, floor: FloorProtocol, rounds: Int, agents: [Agent],
        facilitator: Agent?, pace: PaceState, tokenBudget: Int? = nil, costBudget: Double? = nil, spec: JSONValue? = nil,
        fork: ForkOrigin? = nil
    ) {
        self.title = title
        self.question = question
        self.floor = floor
        self.rounds = rounds
        self.agents = agents
        self.facilitator = facilitator
        self.pace = pace
        self.tokenBudget = tokenBudget
        self.costBudget = costBudget
        self.spec = spec
        self.fork = fork
    }

    /// The agent with this id, peers and facilitator alike.
    public func agent(_ id: AgentID) -> Agent? {
        agents.first { $0.id == id } ?? (facilitator?.id == id ? facilitator : nil)
    }
}
