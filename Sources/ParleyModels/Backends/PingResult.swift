/// What `parley check FILE --ping` shows for one backend: whether its server answered and has
/// the model, in one line.
public struct PingResult: Sendable, Hashable, CustomStringConvertible {
    /// Whether the server answered and lists the model.
    public var ok: Bool
    /// The round trip of the check, when the server answered.
    public var roundTrip: Duration?
    /// One line: `ok — smollm2 @ 127.0.0.1:8571 answers in 12 ms`, or the error and what to do.
    public var line: String

    /// Makes a result.
    public init(ok: Bool, roundTrip: Duration?, line: String) {
        self.ok = ok
        self.roundTrip = roundTrip
        self.line = line
    }

    /// The one line.
    public var description: String { line }

    /// A success line for `label`.
    static func success(_ label: String, after roundTrip: Duration) -> PingResult {
        PingResult(ok: true, roundTrip: roundTrip, line: "ok — \(label) answers in \(Int(roundTrip.inMilliseconds.rounded())) ms")
    }

    /// A failure line.
    static func failure(_ error: ModelError, after roundTrip: Duration? = nil) -> PingResult {
        PingResult(ok: false, roundTrip: roundTrip, line: error.message)
    }
}
