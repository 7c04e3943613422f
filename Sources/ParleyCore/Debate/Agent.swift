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
    /// Whether its model's reasoning text is shown in its pane (dimmed), as its backend says.
    public var showsReasoning: Bool

    /// Makes an agent.
    public init(id: AgentID, name: String, role: String, model: String, colour: String? = nil, showsReasoning: Bool = true) {
        self.id = id
        self.name = name
        self.role = role
        self.model = model
        self.colour = colour
        self.showsReasoning = showsReasoning
    }

    enum CodingKeys: String, CodingKey { case id, name, role, model, colour, showsReasoning }

    /// Reads an agent; `showsReasoning` defaults to true.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(AgentID.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        role = try container.decode(String.self, forKey: .role)
        model = try container.decode(String.self, forKey: .model)
        colour = try container.decodeIfPresent(String.self, forKey: .colour)
        showsReasoning = try container.decodeIfPresent(Bool.self, forKey: .showsReasoning) ?? true
    }
}
