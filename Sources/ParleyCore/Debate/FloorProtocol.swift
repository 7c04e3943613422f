/// The protocol peers follow among themselves to pass the floor; nobody above them schedules.
public enum FloorProtocol: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// After speaking, a peer passes the floor to its successor; a round is once around the ring.
    case roundRobin = "round-robin"
    /// A peer that names `@other` passes the floor to it if it has not spoken this round,
    /// otherwise to its next successor that has not.
    case mention
    /// Every peer answers the previous round at once; each starts the next round once it has
    /// seen every peer's message of this one.
    case simultaneous

    public var description: String { rawValue }
}
