/// How the observer app starts.
public struct ObserverOptions: Sendable {
    /// The themes `t` cycles through.
    public var themes: ThemeCatalog
    /// The theme to start with, an index into ``themes``.
    public var themeIndex: Int
    /// Where the debate is being recorded, shown in the status bar; nil when it is not.
    public var recordingPath: String?
    /// Whether to hold the debate before its first turn, for stepping with `n` and `r`.
    public var startsStepping: Bool
    /// Whether reasoning models' thinking is shown (dimmed) at first; `v` toggles it.
    public var showsReasoning: Bool
    /// The shortest time between two frames: events are batched into at most one frame per
    /// interval (33 ms: about 30 frames a second).
    public var frameInterval: Duration

    /// Makes options.
    public init(
        themes: ThemeCatalog = .builtIn, themeIndex: Int = 0, recordingPath: String? = nil, startsStepping: Bool = false,
        showsReasoning: Bool = true, frameInterval: Duration = .milliseconds(33)
    ) {
        self.themes = themes
        self.themeIndex = themeIndex
        self.recordingPath = recordingPath
        self.startsStepping = startsStepping
        self.showsReasoning = showsReasoning
        self.frameInterval = frameInterval
    }
}
