/// Tokens a model call used, and what they cost where a price is known.
///
/// Counts are read through ``TokenCount`` (from 0 to ``tokenLimit`` each), and adding
/// saturates at `Int.max` rather than trapping, so no server or recording can crash a sum.
public struct Usage: Sendable, Hashable, Codable {
    /// Tokens of the prompt the model read.
    public var promptTokens: Int
    /// Tokens the model wrote.
    public var completionTokens: Int
    /// Cost in US dollars, when the backend has a price table.
    public var cost: Double?

    /// The most tokens one count of one call may hold (a billion, far beyond any model's
    /// context): a larger count a server or a recording states is taken as this.
    public static let tokenLimit = 1_000_000_000

    /// Makes a usage.
    public init(promptTokens: Int = 0, completionTokens: Int = 0, cost: Double? = nil) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.cost = cost
    }

    /// No tokens, no cost.
    public static let zero = Usage()

    /// Prompt and completion tokens together (at most `Int.max`).
    public var totalTokens: Int { Self.sum(promptTokens, completionTokens) }

    /// The sum of two usages, each count at most `Int.max`; the cost is known if either is.
    public static func + (lhs: Usage, rhs: Usage) -> Usage {
        let cost: Double? = (lhs.cost == nil && rhs.cost == nil) ? nil : (lhs.cost ?? 0) + (rhs.cost ?? 0)
        return Usage(
            promptTokens: sum(lhs.promptTokens, rhs.promptTokens),
            completionTokens: sum(lhs.completionTokens, rhs.completionTokens), cost: cost)
    }

    /// Adds another usage to this one.
    public static func += (lhs: inout Usage, rhs: Usage) { lhs = lhs + rhs }

    /// `a + b`, held at `Int.max` or `Int.min` instead of overflowing.
    private static func sum(_ a: Int, _ b: Int) -> Int {
        let (total, overflow) = a.addingReportingOverflow(b)
        guard overflow else { return total }
        return b > 0 ? .max : .min
    }

    enum CodingKeys: String, CodingKey {
        case promptTokens = "prompt", completionTokens = "completion", cost
    }

    /// Reads a recorded usage; counts that are not whole numbers from 0 to ``tokenLimit`` are
    /// taken as ``TokenCount/checked`` says, so a damaged or hostile recording cannot break a sum.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        promptTokens = try container.decodeIfPresent(TokenCount.self, forKey: .promptTokens)?.checked.tokens ?? 0
        completionTokens = try container.decodeIfPresent(TokenCount.self, forKey: .completionTokens)?.checked.tokens ?? 0
        cost = try container.decodeIfPresent(Double.self, forKey: .cost)
    }
}
