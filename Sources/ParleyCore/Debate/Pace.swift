/// How the debate advances: live, paused, or one step at a time.
public enum PaceMode: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Peers take turns as fast as the delay allows.
    case live
    /// No peer takes the floor until resumed or stepped.
    case paused
    /// Paused, advancing one turn or one round per step command.
    case step

    public var description: String { rawValue }
}

/// The pace gate's settings, as events report them.
public struct PaceState: Sendable, Hashable, Codable {
    /// Live, paused or stepping.
    public var mode: PaceMode
    /// Seconds to wait before each turn in live mode.
    public var delay: Double

    /// Makes a pace state.
    public init(mode: PaceMode, delay: Double = 0) {
        self.mode = mode
        self.delay = delay
    }
}
