import ParleyCore
import ParleyModels

/// A debate as its file describes it, checked and complete: what the engine is built from.
public struct DebateSpec: Sendable, Hashable {
    /// The title, e.g. "Should we build feature X?".
    public var title: String
    /// The question the peers debate.
    public var question: String
    /// How many rounds it runs at most.
    public var rounds: Int
    /// How peers pass the floor.
    public var floor: FloorProtocol
    /// How it starts.
    public var pace: PaceState
    /// Budgets, timeout and the repetition detector.
    public var guards: GuardSpec
    /// Backends by name; agents refer to them. `scripted` is always there.
    public var backends: [String: BackendConfig]
    /// The peers, in ring order (2 to 9).
    public var agents: [AgentSpec]
    /// The facilitator, when the debate has one.
    public var facilitator: FacilitatorSpec?

    /// Makes a spec.
    public init(
        title: String, question: String, rounds: Int, floor: FloorProtocol = .roundRobin,
        pace: PaceState = PaceState(mode: .live), guards: GuardSpec = GuardSpec(),
        backends: [String: BackendConfig] = [:], agents: [AgentSpec], facilitator: FacilitatorSpec? = nil
    ) {
        self.title = title
        self.question = question
        self.rounds = rounds
        self.floor = floor
        self.pace = pace
        self.guards = guards
        self.backends = backends
        self.agents = agents
        self.facilitator = facilitator
    }

    /// The name of the backend every debate has without declaring it.
    public static let scriptedBackend = "scripted"

    /// The backend a name refers to; `scripted` defaults to the scripted backend's defaults.
    public func backend(named name: String) -> BackendConfig? {
        backends[name] ?? (name == Self.scriptedBackend ? .scripted(ScriptedConfig()) : nil)
    }
}

/// A peer as the debate file describes it.
public struct AgentSpec: Sendable, Hashable {
    /// Its id, used to address it (`@cfo`).
    public var id: AgentID
    /// The name shown in its pane.
    public var name: String
    /// What it argues from.
    public var role: String
    /// The name of its backend in ``DebateSpec/backends``.
    public var backend: String
    /// Its colour: a theme palette name or `#rrggbb`.
    public var colour: String?
    /// Its persona, for real models.
    public var systemPrompt: String?
    /// What it argues, for the scripted backend (and as hints for real models).
    public var arguments: [String]
    /// How much its system prompt tells its model.
    public var promptStyle: PromptStyle

    /// Makes an agent spec.
    public init(
        id: AgentID, name: String, role: String, backend: String = DebateSpec.scriptedBackend,
        colour: String? = nil, systemPrompt: String? = nil, arguments: [String] = [], promptStyle: PromptStyle = .full
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.backend = backend
        self.colour = colour
        self.systemPrompt = systemPrompt
        self.arguments = arguments
        self.promptStyle = promptStyle
    }
}

/// The facilitator as the debate file describes it.
public struct FacilitatorSpec: Sendable, Hashable {
    /// The name shown over the summary pane.
    public var name: String
    /// The name of its backend.
    public var backend: String
    /// Its instructions, for real models.
    public var systemPrompt: String?

    /// Makes a facilitator spec.
    public init(name: String = "Facilitator", backend: String = DebateSpec.scriptedBackend, systemPrompt: String? = nil) {
        self.name = name
        self.backend = backend
        self.systemPrompt = systemPrompt
    }
}

/// The guards a debate runs under.
public struct GuardSpec: Sendable, Hashable {
    /// Most tokens all messages and summaries may use together.
    public var tokenBudget: Int?
    /// Most estimated US dollars the debate may cost.
    public var costBudget: Double?
    /// Most seconds one turn may take.
    public var turnTimeout: Double?
    /// The repetition detector, when on.
    public var repetition: RepetitionSpec?

    /// Makes guards.
    public init(
        tokenBudget: Int? = nil, costBudget: Double? = nil, turnTimeout: Double? = nil,
        repetition: RepetitionSpec? = RepetitionSpec()
    ) {
        self.tokenBudget = tokenBudget
        self.costBudget = costBudget
        self.turnTimeout = turnTimeout
        self.repetition = repetition
    }
}

/// The repetition detector's settings.
public struct RepetitionSpec: Sendable, Hashable {
    /// Similarity (0...1) from which a message counts as a repeat or an echo.
    public var threshold: Double
    /// Whether a repeat stops the debate, or is only flagged.
    public var stops: Bool

    /// Makes settings.
    public init(threshold: Double = 0.8, stops: Bool = false) {
        self.threshold = threshold
        self.stops = stops
    }
}
