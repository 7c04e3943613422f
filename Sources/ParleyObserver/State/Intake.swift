/// How the observer takes its events in: where they come from and go, and whether they still
/// come. A new debate from the same source keeps it.
public struct Intake: Sendable, Hashable {
    /// Whether the debate is a recording played back: it cannot be written to, its turns
    /// cannot be cancelled or retried, and its speed is not the observer's to change.
    public var isReplay: Bool
    /// Where the debate is being recorded, as the app sets it; nil when it is not.
    public var recordingPath: String?
    /// The recording played back, as the status bar names it (`REPLAY run.jsonl`); nil when
    /// not known or not a replay.
    public var replayName: String?
    /// How many turns the recording a replay plays holds; nil when not known or not a replay.
    public var replayTurns: Int?
    /// A replay's speed: 2 plays twice as fast as recorded, 0 as fast as it can.
    public var replaySpeed: Double = 1
    /// Whether `f` may fork the debate: the program knows the debate's spec to go on with.
    public var forks = false
    /// The served debate watched (`parley attach`), as the status bar names it
    /// (`⇄ 127.0.0.1:7878`); nil for a debate of this process.
    public var attachedTo: String?
    /// Where this debate is served too (`parley run --serve`), as the status bar shows it
    /// (`⇆ serving 3f2a9c1e on 127.0.0.1:7878`); nil when it is not.
    public var servedAt: String?
    /// Whether this observer only watches (`parley attach --read-only`, or a read-only token):
    /// the keys that steer say so instead.
    public var isReadOnly = false
    /// Whether the line to the served debate is lost and being made again.
    public var isConnectionLost = false
    /// Whether the events ended (the debate finished, the replay ran out, or the stream failed).
    public var hasEnded = false

    /// Makes the intake of a live debate or of a replay.
    public init(isReplay: Bool, recordingPath: String?, replayName: String? = nil, replaySpeed: Double = 1) {
        self.isReplay = isReplay
        self.recordingPath = recordingPath
        self.replayName = replayName
        self.replaySpeed = replaySpeed
    }
}
