import Foundation

/// A message's number in its debate, unique and increasing in the order turns started.
public struct MessageID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The number.
    public let rawValue: Int
    /// Makes an id.
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// Makes an id.
    public init(_ rawValue: Int) { self.rawValue = rawValue }

    public var description: String { "#\(rawValue)" }
    public static func < (lhs: MessageID, rhs: MessageID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// One thing said in the debate by a peer or by the human, as delivered by the mesh.
public struct Message: Sendable, Hashable, Codable, Identifiable {
    /// Its number in the debate.
    public var id: MessageID
    /// Who said it.
    public var sender: AgentID
    /// Who it is for; only they receive it (the facilitator hears everything).
    public var to: Address
    /// The round it was said in (1-based).
    public var round: Int
    /// What was said.
    public var text: String
    /// The message it answers or builds on, if any.
    public var replyTo: MessageID?
    /// Tokens it cost.
    public var usage: Usage
    /// When its turn started.
    public var startedAt: Date
    /// When it was complete.
    public var completedAt: Date
    /// A reasoning model's thinking, kept apart from what it said; nil when there was none.
    public var reasoning: String?
    /// Why the reply was cut short, if it was: truncated at the token limit, or cut for
    /// repeating itself; nil for a reply the model finished (and in logs written before).
    public var cut: ReplyCut?

    /// Makes a message.
    public init(
        id: MessageID, sender: AgentID, to: Address, round: Int, text: String,
        replyTo: MessageID? = nil, usage: Usage = .zero, startedAt: Date, completedAt: Date,
        reasoning: String? = nil, cut: ReplyCut? = nil
    ) {
        self.id = id
        self.sender = sender
        self.to = to
        self.round = round
        self.text = text
        self.replyTo = replyTo
        self.usage = usage
        self.startedAt = startedAt
        self.completedAt = completedAt
        self.reasoning = reasoning
        self.cut = cut
    }

    enum CodingKeys: String, CodingKey {
        case id, sender = "from", to, round, text, replyTo, usage
        case startedAt = "started", completedAt = "completed", reasoning, cut
    }
}
