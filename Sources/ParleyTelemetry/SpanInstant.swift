import Tracing

/// When a span starts or ends, as nanoseconds since the Unix epoch: the debate's own clock
/// (an event's seconds since the debate began) laid onto the wall clock.
struct SpanInstant: TracerInstant {
    let nanosecondsSinceEpoch: UInt64

    /// The instant `seconds` after the Unix epoch (none before it).
    init(seconds: Double) {
        nanosecondsSinceEpoch = UInt64(max(0, seconds * 1_000_000_000).rounded())
    }

    static func < (lhs: SpanInstant, rhs: SpanInstant) -> Bool { lhs.nanosecondsSinceEpoch < rhs.nanosecondsSinceEpoch }
}
