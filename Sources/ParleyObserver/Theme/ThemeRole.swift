/// A part of the observer that a theme colours, named as in the theme's YAML `colours:` map.
public enum ThemeRole: String, Sendable, Hashable, CaseIterable {
    /// The cell colour everywhere (a colour, not a style).
    case background
    /// The text colour everywhere (a colour, not a style).
    case foreground
    /// Pane borders.
    case border
    /// The focused pane's border and title.
    case focus
    /// Pane titles that are not an agent's name.
    case title
    /// Secondary text: round markers, addressees, hints, empty-pane notes.
    case muted
    /// A reasoning model's thinking, when shown.
    case reasoning
    /// Highlights: key names, the composer prompt, the agent the floor passes to.
    case accent
    /// Guard trips, retries and warning notices, the quit question, the too-small message
    /// (folded context is drawn `muted`).
    case warning
    /// Failed turns and error states.
    case error
    /// The facilitator's summaries and final tradeoffs.
    case summary
    /// What the human typed into the debate.
    case human
    /// Edges of the message-flow graph.
    case graphEdge = "graph-edge"
    /// The message in flight, from its sender to its addressees.
    case graphInFlight = "graph-in-flight"
    /// Message counts on the graph's edges.
    case graphCount = "graph-count"
    /// The blackboard: its graph node and the kinds of its notes.
    case blackboard
    /// The status bar.
    case statusBar = "status-bar"
    /// The LIVE badge in the status bar.
    case statusLive = "status-live"
    /// The PAUSED and STEP badges in the status bar.
    case statusHeld = "status-held"
    /// The composer line.
    case composer
    /// The box drawn over the panes: the help.
    case overlay

    /// Whether the role is a single colour (`background`, `foreground`) rather than a style.
    public var isColour: Bool { self == .background || self == .foreground }
}
