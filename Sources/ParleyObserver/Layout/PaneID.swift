import ParleyCore

/// A pane of the observer that can have focus, scroll and be zoomed.
public enum PaneID: Sendable, Hashable {
    /// The facilitator's summaries on top.
    case summary
    /// A peer's pane.
    case peer(AgentID)
    /// The message-flow graph or matrix, or the blackboard's notes (`g` switches).
    case side
}
