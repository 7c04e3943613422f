/// A peer's turn failed: its model could not be reached, refused, or timed out; or the person
/// cancelled it (``cancelled``), which is no failure of the model's.
public struct PeerFailure: Sendable, Hashable, Codable {
    /// The peer whose turn failed.
    public var agent: AgentID
    /// The round of the failed turn.
    public var round: Int
    /// What went wrong, where, and what to do, for people.
    public var error: String
    /// Whether trying the turn again may help (a network error may; a 401 will not).
    public var retryable: Bool
    /// Whether the person cancelled the turn (`x`): front ends show it as cancelled, not failed.
    public var cancelled: Bool

    /// Makes a failure.
    public init(agent: AgentID, round: Int, error: String, retryable: Bool, cancelled: Bool = false) {
        self.agent = agent
        self.round = round
        self.error = error
        self.retryable = retryable
        self.cancelled = cancelled
    }

    enum CodingKeys: String, CodingKey { case agent, round, error, retryable, cancelled }

    /// Reads a failure; `cancelled` defaults to false (recordings made before it was written).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        agent = try container.decode(AgentID.self, forKey: .agent)
        round = try container.decode(Int.self, forKey: .round)
        error = try container.decode(String.self, forKey: .error)
        retryable = try container.decode(Bool.self, forKey: .retryable)
        cancelled = try container.decodeIfPresent(Bool.self, forKey: .cancelled) ?? false
    }
}
