/// Tokens a model call used, and what they cost where a price is known.
public struct Usage: Sendable, Hashable, Codable {
    /// Tokens of the prompt the model read.
    public var promptTokens: Int
    /// Tokens the model wrote.
    public var completionTokens: Int
    /// Cost in US dollars, when the backend has a price table.
    public var cost: Double?

    /// Makes a usage.
    public init(promptTokens: Int = 0, completionTokens: Int = 0, cost: Double? = nil) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.cost = cost
    }

    /// No tokens, no cost.
    public static let zero = Usage()

    /// Prompt and completion tokens together.
    public var totalTokens: Int { promptTokens + completionTokens }

    /// The sum of two usages; the cost is known if either is.
    public static func + (lhs: Usage, rhs: Usage) -> Usage {
        let cost: Double? = (lhs.cost == nil && rhs.cost == nil) ? nil : (lhs.cost ?? 0) + (rhs.cost ?? 0)
        return Usage(
            promptTokens: lhs.promptTokens + rhs.promptTokens,
            completionTokens: lhs.completionTokens + rhs.completionTokens, cost: cost)
    }

    /// Adds another usage to this one.
    public static func += (lhs: inout Usage, rhs: Usage) { lhs = lhs + rhs }

    enum CodingKeys: String, CodingKey {
        case promptTokens = "prompt", completionTokens = "completion", cost
    }
}
