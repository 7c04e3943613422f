/// A guard that keeps a debate's cost and loops in check.
public enum GuardKind: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// All messages and summaries together used the token budget.
    case tokenBudget = "token-budget"
    /// The estimated cost reached the cost budget.
    case costBudget = "cost-budget"
    /// A turn took longer than the per-turn timeout.
    case turnTimeout = "turn-timeout"
    /// A peer repeated itself or echoed another peer.
    case repetition
    /// The recording (`--record`) could not be written: the debate pauses or stops rather than
    /// go on unrecorded.
    case recording

    public var description: String { rawValue }
}

/// A guard fired.
public struct GuardTrip: Sendable, Hashable, Codable {
    /// Which guard.
    public var kind: GuardKind
    /// The peer it concerns, if one.
    public var agent: AgentID?
    /// What happened, for people: "cfo echoes eng (similarity 0.91)".
    public var detail: String
    /// Whether the debate stops because of it.
    public var stops: Bool

    /// Makes a trip.
    public init(kind: GuardKind, agent: AgentID? = nil, detail: String, stops: Bool) {
        self.kind = kind
        self.agent = agent
        self.detail = detail
        self.stops = stops
    }
}
