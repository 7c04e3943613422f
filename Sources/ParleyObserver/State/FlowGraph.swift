import ParleyCore

/// A node of the message-flow graph.
public enum GraphNode: Sendable, Hashable {
    /// A peer.
    case peer(AgentID)
    /// The person watching, who may write into the debate.
    case human
    /// The shared blackboard.
    case blackboard
}

/// A directed edge of the graph: messages from one node to another.
public struct GraphEdge: Sendable, Hashable {
    /// The sender.
    public var from: GraphNode
    /// The addressee.
    public var to: GraphNode

    /// Makes an edge.
    public init(from: GraphNode, to: GraphNode) {
        self.from = from
        self.to = to
    }
}

/// A message being written, on its way from its sender to its addressees.
public struct MessageInFlight: Sendable, Hashable {
    /// The message.
    public var message: MessageID
    /// Who writes it.
    public var sender: AgentID
    /// Who it goes to, as far as its text tells yet: the peers it mentions, else every peer.
    public var addressees: [AgentID]
}

/// Who talked to whom: message counts per edge and the messages in flight.
public struct FlowGraph: Sendable, Hashable {
    /// Messages sent along each edge. A broadcast counts once for each peer it reaches; a
    /// blackboard note counts on the edge from its author to the blackboard.
    public var counts: [GraphEdge: Int] = [:]
    /// Messages being written now (several at once in a simultaneous round).
    public var inFlight: [MessageInFlight] = []

    /// Makes an empty graph.
    public init() {}

    /// Messages sent from `from` to `to`.
    public func count(from: GraphNode, to: GraphNode) -> Int {
        counts[GraphEdge(from: from, to: to)] ?? 0
    }

    /// Counts one message from `from` to each of `addressees`.
    mutating func record(from: GraphNode, to addressees: [GraphNode]) {
        for addressee in addressees where addressee != from {
            counts[GraphEdge(from: from, to: addressee), default: 0] += 1
        }
    }
}
