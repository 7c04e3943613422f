/// What a facilitator summary covers: one round, or the whole debate's tradeoffs at its end.
public enum SummaryScope: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The summary of round n (1-based).
    case round(Int)
    /// The final summary of the tradeoffs.
    case final

    /// The round, or nil for the final summary.
    public var round: Int? {
        if case .round(let n) = self { n } else { nil }
    }

    public var description: String {
        switch self {
        case .round(let n): "round \(n)"
        case .final: "final"
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let n = try? container.decode(Int.self) { self = .round(n) } else {
            let text = try container.decode(String.self)
            guard text == "final" else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "a summary scope is a round number or \"final\"")
            }
            self = .final
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .round(let n): try container.encode(n)
        case .final: try container.encode("final")
        }
    }
}

/// A summary the facilitator wrote.
public struct Summary: Sendable, Hashable, Codable {
    /// The round it covers, or the final tradeoffs.
    public var scope: SummaryScope
    /// The summary text.
    public var text: String
    /// Tokens it cost.
    public var usage: Usage

    /// Makes a summary.
    public init(scope: SummaryScope, text: String, usage: Usage = .zero) {
        self.scope = scope
        self.text = text
        self.usage = usage
    }
}
