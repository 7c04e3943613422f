import ParleyCore

/// How the observer app starts.
public struct ObserverOptions: Sendable {
    /// The themes `t` cycles through.
    public var themes: ThemeCatalog
    /// The theme to start with, an index into ``themes``.
    public var themeIndex: Int
    /// Where the debate is being recorded, shown in the status bar; nil when it is not.
    public var recordingPath: String?
    /// Whether reasoning models' thinking is shown (dimmed) at first; `v` toggles it.
    public var showsReasoning: Bool
    /// Whether the debate is a recording played back (`parley replay`): writing to it,
    /// cancelling turns and changing the speed then only say that a replay cannot, and the
    /// hints leave those keys out.
    public var isReplay: Bool
    /// The recording a replay plays, as the status bar names it; nil for a live debate.
    public var replayName: String?
    /// How many turns the recording a replay plays holds, for the status bar's position.
    public var replayTurns: Int?
    /// The speed a replay starts at (`--speed`): 2 twice as fast as recorded, 0 as fast as it can.
    public var replaySpeed: Double
    /// Whether `f` may fork the debate (the program can start a fork of it): the run then ends
    /// with ``ObserverApp/forkRequest`` set.
    public var forks: Bool
    /// The served debate watched (`parley attach`), as the status bar names it; nil for a
    /// debate of this process. Quitting then leaves the debate running on its server.
    public var attachedTo: String?
    /// The recording this debate forked from, as its first event names it, with its events, when
    /// the observer cannot read it from that path itself (it is on the server `parley attach`
    /// watches): `d` shows the fork beside these.
    public var parentRecording: (path: String, records: [EventRecord])?
    /// Where this debate is served too (`parley run --serve`), as the status bar shows it:
    /// `3f2a9c1e on 127.0.0.1:7878`; nil when it is not.
    public var servedAt: String?
    /// Whether the observer only watches: the keys that steer say they cannot.
    public var isReadOnly = false
    /// The shortest time between two frames: events are batched into at most one frame per
    /// interval (33 ms: about 30 frames a second).
    public var frameInterval: Duration

    /// Makes options.
    public init(
        themes: ThemeCatalog = .builtIn, themeIndex: Int = 0, recordingPath: String? = nil, showsReasoning: Bool = true,
        isReplay: Bool = false, replayName: String? = nil, replaySpeed: Double = 1, forks: Bool = false,
        frameInterval: Duration = .milliseconds(33)
    ) {
        self.replayName = replayName
        self.replaySpeed = replaySpeed
        self.forks = forks
        self.themes = themes
        self.themeIndex = themeIndex
        self.recordingPath = recordingPath
        self.showsReasoning = showsReasoning
        self.isReplay = isReplay
        self.frameInterval = frameInterval
    }
}
