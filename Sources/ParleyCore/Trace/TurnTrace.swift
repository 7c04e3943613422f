/// What a model was asked for one turn (a peer's message or a facilitator summary) and how it
/// answered, as the event log holds it (`turnTraced`, just before the message or summary).
///
/// The request is kept by reference: the system prompt only when it differs from the agent's
/// previous one, the memory as ``MemoryRef``s against the agent's previous request, and the cue
/// in full (it is short, and carries what the person wrote to the peer).
public struct TurnTrace: Sendable, Hashable {
    /// The peer, or the facilitator.
    public var agent: AgentID
    /// The message the turn produced; nil for a summary.
    public var message: MessageID?
    /// The summary the turn produced; nil for a peer's message.
    public var summary: SummaryScope?
    /// The system prompt, when it is not the one of the agent's previous trace.
    public var system: String?
    /// The memory entries the request carried, in order, written against the agent's previous
    /// request (see ``MemoryRef/delta(_:against:)``); the cue is not among them.
    public var memory: [MemoryRef]
    /// The request's last entry: whose turn it is and what to answer.
    public var cue: String
    /// The backend's name in the debate's spec (its settings and sampling are there).
    public var backend: String
    /// How the answer ended: `stop`, or a ``ReplyCut`` (`length`, `repetition`).
    public var finish: String
    /// Seconds from asking to the first text; nil when no text came.
    public var firstToken: Double?
    /// Seconds from asking to the complete answer.
    public var duration: Double
    /// How many times the call was retried.
    public var retries: Int
    /// A scripted persona's choice of argument.
    public var choice: ArgumentChoice?

    /// Makes a trace.
    public init(
        agent: AgentID, message: MessageID? = nil, summary: SummaryScope? = nil, system: String?, memory: [MemoryRef],
        cue: String, backend: String, finish: String = "stop", firstToken: Double? = nil, duration: Double = 0,
        retries: Int = 0, choice: ArgumentChoice? = nil
    ) {
        self.agent = agent
        self.message = message
        self.summary = summary
        self.system = system
        self.memory = memory
        self.cue = cue
        self.backend = backend
        self.finish = finish
        self.firstToken = firstToken
        self.duration = duration
        self.retries = retries
        self.choice = choice
    }
}

extension TurnTrace: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.object { w in
            w.field("agent", agent.rawValue)
            w.optionalField("message", message?.rawValue)
            w.optionalField("summary", summary)
            w.optionalField("system", system)
            w.key("memory")
            w.array { w in for ref in memory { w.element(ref.description) } }
            w.field("cue", cue)
            w.field("backend", backend)
            w.field("finish", finish)
            w.optionalField("ttft", firstToken.map(Self.microseconds))
            w.field("duration", Self.microseconds(duration))
            if retries > 0 { w.field("retries", retries) }
            w.optionalField("choice", choice)
        }
    }

    /// Seconds rounded to the microsecond, so that timings stay short in the log.
    static func microseconds(_ seconds: Double) -> Double { (seconds * 1_000_000).rounded() / 1_000_000 }
}

extension TurnTrace: Decodable {
    enum CodingKeys: String, CodingKey {
        case agent, message, summary, system, memory, cue, backend, finish, ttft, duration, retries, choice
    }

    /// Reads a trace written by ``write(to:)``.
    /// - Throws: `DecodingError` naming the missing or wrong field, or a memory reference that is none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        agent = try c.decode(AgentID.self, forKey: .agent)
        message = try c.decodeIfPresent(MessageID.self, forKey: .message)
        summary = try c.decodeIfPresent(SummaryScope.self, forKey: .summary)
        system = try c.decodeIfPresent(String.self, forKey: .system)
        memory = try c.decode([String].self, forKey: .memory).map { text in
            guard let ref = MemoryRef(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .memory, in: c, debugDescription: "'\(text)' is no memory reference (m12, n3, f2, s4, sfinal, =0-57)")
            }
            return ref
        }
        cue = try c.decode(String.self, forKey: .cue)
        backend = try c.decode(String.self, forKey: .backend)
        finish = try c.decode(String.self, forKey: .finish)
        firstToken = try c.decodeIfPresent(Double.self, forKey: .ttft)
        duration = try c.decode(Double.self, forKey: .duration)
        retries = try c.decodeIfPresent(Int.self, forKey: .retries) ?? 0
        choice = try c.decodeIfPresent(ArgumentChoice.self, forKey: .choice)
    }
}
