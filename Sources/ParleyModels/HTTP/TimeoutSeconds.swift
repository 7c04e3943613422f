import NIOCore

/// Timeouts as configured (seconds, any positive number) turned into what the clocks take,
/// clamped first, so that no value, however large, traps when it is converted.
package enum TimeoutSeconds {
    /// The longest timeout honoured: a day. Longer ones (and NaN) wait a day.
    static let longest: Double = 86_400
    /// The shortest timeout honoured: a millisecond.
    static let shortest: Double = 0.001

    /// `seconds` brought within ``shortest`` … ``longest``; NaN counts as the longest.
    package static func clamped(_ seconds: Double) -> Double {
        guard !seconds.isNaN else { return longest }
        return min(max(seconds, shortest), longest)
    }

    /// The clamped timeout in whole milliseconds: 1 to 86 400 000.
    static func milliseconds(_ seconds: Double) -> Int64 {
        max(1, Int64((clamped(seconds) * 1000).rounded()))
    }

    /// The clamped timeout as a `Duration`.
    static func duration(_ seconds: Double) -> Duration { .milliseconds(milliseconds(seconds)) }

    /// The clamped timeout as NIO's `TimeAmount`.
    static func timeAmount(_ seconds: Double) -> TimeAmount { .milliseconds(milliseconds(seconds)) }
}
