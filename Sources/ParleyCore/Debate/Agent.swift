/// A participant of a debate as observers see it: who it is, what it argues for, what runs it.
public struct Agent: Sendable, Hashable, Codable, Identifiable {
    /// The id peers and the human use to address it (`@cfo`).
    public var id: AgentID
    /// The name shown in its pane, e.g. "Dana".
    public var name: String
    /// What it argues from, e.g. "CFO — revenue impact".
    public var role: String
    /// A short description of the model behind it, e.g. `scripted` or `smollm2 @ 127.0.0.1:8571`.
    public var model: String
    /// The colour its pane and graph node use: a theme palette name or `#rrggbb`; nil picks one.
    public var colour: String?

    /// Makes an agent.
    public init(id: AgentID, name: String, role: String, model: String, colour: String? = nil) {
        self.id = id
        self.name = name
        self.role = role
        self.model = model
        self.colour = colour
    }
}
