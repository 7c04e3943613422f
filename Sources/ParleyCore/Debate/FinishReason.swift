/// Why a debate ended.
public enum FinishReason: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Every round was held and the facilitator wrote the tradeoffs.
    case completed
    /// Someone stopped it.
    case stopped
    /// A guard stopped it.
    case guardTripped(GuardKind)
    /// A peer's turn failed and could not go on.
    case failed(String)

    public var description: String {
        switch self {
        case .completed: "completed"
        case .stopped: "stopped"
        case .guardTripped(let kind): "stopped by the \(kind) guard"
        case .failed(let error): "failed: \(error)"
        }
    }
}
