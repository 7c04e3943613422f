/// The name a peer answers to in a debate: `pm`, `eng`, `cfo`. It is what `@pm` addresses.
///
/// Two ids are reserved: ``human`` for the person watching, who may type into the debate,
/// and ``facilitator`` for the listener that summarizes each round.
public struct AgentID: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    /// The id as written in the debate file, without the `@`.
    public let rawValue: String

    /// Makes an id from its text.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Makes an id from its text.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// Makes an id from a literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The person watching the debate, a peer like any other.
    public static let human: AgentID = "human"
    /// The listener that writes the summaries.
    public static let facilitator: AgentID = "facilitator"

    public var description: String { rawValue }
    public static func < (lhs: AgentID, rhs: AgentID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
