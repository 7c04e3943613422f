/// A peer's turn failed: its model could not be reached, refused, or timed out.
public struct PeerFailure: Sendable, Hashable, Codable {
    /// The peer whose turn failed.
    public var agent: AgentID
    /// The round of the failed turn.
    public var round: Int
    /// What went wrong, where, and what to do, for people.
    public var error: String
    /// Whether trying the turn again may help (a network error may; a 401 will not).
    public var retryable: Bool

    /// Makes a failure.
    public init(agent: AgentID, round: Int, error: String, retryable: Bool) {
        self.agent = agent
        self.round = round
        self.error = error
        self.retryable = retryable
    }
}
