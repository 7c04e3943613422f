/// How the observer takes its events in: where they come from and go, and whether they still
/// come. A new debate from the same source keeps it.
public struct Intake: Sendable, Hashable {
    /// Whether the debate is a recording played back: it cannot be written to, its turns
    /// cannot be cancelled or retried, and its speed is not the observer's to change.
    public var isReplay: Bool
    /// Where the debate is being recorded, as the app sets it; nil when it is not.
    public var recordingPath: String?
    /// Whether `f` may fork the debate: the program knows the debate's spec to go on with.
    public var forks = false
    /// Whether the events ended (the debate finished, the replay ran out, or the stream failed).
    public var hasEnded = false

    /// Makes the intake of a live debate or of a replay.
    public init(isReplay: Bool, recordingPath: String?) {
        self.isReplay = isReplay
        self.recordingPath = recordingPath
    }
}
