/// Why a peer's reply ended before the model finished it on its own.
public enum ReplyCut: String, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The model reached its token limit (`max_tokens`; finish reason `length`, Anthropic's
    /// stop reason `max_tokens`): the reply is truncated.
    case length
    /// The reply repeated the same words over and over; Parley stopped the model call and kept
    /// the text up to the first repeat.
    case repetition

    /// How a pane, the transcript and the printer mark it: `truncated at max_tokens`, `cut: repetition`.
    public var label: String {
        switch self {
        case .length: "truncated at max_tokens"
        case .repetition: "cut: repetition"
        }
    }

    public var description: String { rawValue }
}
