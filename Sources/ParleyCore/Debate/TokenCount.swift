/// A token count as a model server or a recording states it, before Parley trusts it: a whole
/// number, a fraction, or a number far beyond any real call. ``checked`` turns it into a count
/// from 0 to ``Usage/tokenLimit`` and says what was wrong with it, if anything.
public struct TokenCount: Sendable, Hashable, Decodable {
    private enum Stated: Sendable, Hashable {
        case whole(Int)
        case number(Double)
        case notANumber
    }

    private let stated: Stated

    /// A count stated as a whole number.
    public init(_ value: Int) { stated = .whole(value) }

    /// Reads a JSON number of any size or form; anything else (a string, an object) is kept as
    /// not a number. Never throws for a value that is present.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let whole = try? container.decode(Int.self) {
            stated = .whole(whole)
        } else if let number = try? container.decode(Double.self) {
            stated = .number(number)
        } else {
            stated = .notANumber
        }
    }

    /// The count to use, from 0 to ``Usage/tokenLimit``, and what was wrong with the stated
    /// value when it was not such a whole number: a negative or unreadable count counts as 0, a
    /// larger one as the limit.
    public var checked: (tokens: Int, problem: String?) {
        switch stated {
        case .whole(let value) where value < 0:
            return (0, "\(value) is negative; counted as 0")
        case .whole(let value) where value > Usage.tokenLimit:
            return (Usage.tokenLimit, "\(value) is more than the \(Usage.tokenLimit) tokens one call can use; counted as \(Usage.tokenLimit)")
        case .whole(let value):
            return (value, nil)
        case .number(let value) where value.isNaN || value < 0:
            return (0, "\(value) is negative; counted as 0")
        case .number(let value) where value > Double(Usage.tokenLimit):
            return (Usage.tokenLimit, "\(value) is more than the \(Usage.tokenLimit) tokens one call can use; counted as \(Usage.tokenLimit)")
        case .number(let value) where value.rounded(.towardZero) != value:
            return (0, "\(value) is not a whole number; counted as 0")
        case .number(let value):
            return (Int(value), nil)
        case .notANumber:
            return (0, "it is not a number; counted as 0")
        }
    }
}
