/// Who a message is for: everyone in the debate, or some peers by id.
public enum Address: Sendable, Hashable {
    /// Every peer (and the facilitator, which hears everything anyway).
    case everyone
    /// Only these peers, in the order they were named. Never empty.
    case peers([AgentID])

    /// One peer.
    public static func peer(_ id: AgentID) -> Address { .peers([id]) }

    /// Whether a peer with this id receives the message.
    public func includes(_ id: AgentID) -> Bool {
        switch self {
        case .everyone: true
        case .peers(let ids): ids.contains(id)
        }
    }

    /// The peers named, or nil for everyone.
    public var named: [AgentID]? {
        if case .peers(let ids) = self { ids } else { nil }
    }
}

extension Address: Codable {
    /// Encoded as the string `"everyone"` or as an array of ids.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self), text == "everyone" {
            self = .everyone
        } else {
            self = .peers(try container.decode([AgentID].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .everyone: try container.encode("everyone")
        case .peers(let ids): try container.encode(ids)
        }
    }
}

extension Address: CustomStringConvertible {
    /// `everyone`, or the ids with their `@`: `@pm @cfo`.
    public var description: String {
        switch self {
        case .everyone: "everyone"
        case .peers(let ids): ids.map { "@\($0.rawValue)" }.joined(separator: " ")
        }
    }
}
