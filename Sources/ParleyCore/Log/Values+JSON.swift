/// How the debate's values are written in the event log. Each writes the fields its
/// `Codable` conformance reads back, so a log round-trips through `JSONDecoder`
/// (with dates as seconds since 1970).

extension Agent: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.object { w in
            w.field("id", id.rawValue)
            w.field("name", name)
            w.field("role", role)
            w.field("model", model)
            w.optionalField("colour", colour)
            if !showsReasoning { w.field("showsReasoning", false) }
        }
    }
}

extension Address: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        switch self {
        case .everyone: writer.element("everyone")
        case .peers(let ids): writer.array { w in for id in ids { w.element(id.rawValue) } }
        }
    }
}

extension Usage: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.object { w in
            w.field("prompt", promptTokens)
            w.field("completion", completionTokens)
            w.optionalField("cost", cost)
        }
    }
}

extension Message: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.object { w in
            w.field("id", id.rawValue)
            w.field("from", sender.rawValue)
            w.field("to", to)
            w.field("round", round)
            w.field("text", text)
            w.optionalField("replyTo", replyTo?.rawValue)
            w.field("usage", usage)
            w.field("started", startedAt.timeIntervalSince1970)
            w.field("completed", completedAt.timeIntervalSince1970)
            w.optionalField("reasoning", reasoning)
            w.optionalField("cut", cut?.rawValue)
        }
    }
}

extension BlackboardNote: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.object { w in
            w.field("id", id)
            w.field("author", author.rawValue)
            w.field("kind", kind.rawValue)
            w.field("text", text)
            w.field("round", round)
            w.optionalField("source", source?.rawValue)
        }
    }
}

extension SummaryScope: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        switch self {
        case .round(let n): writer.element(n)
        case .final: writer.element("final")
        }
    }
}

extension Summary: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.object { w in
            w.field("scope", scope)
            w.field("text", text)
            w.field("usage", usage)
        }
    }
}

extension PaceState: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.object { w in
            w.field("mode", mode.rawValue)
            w.field("delay", delay)
        }
    }
}

extension GuardTrip: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.object { w in
            w.field("kind", kind.rawValue)
            w.optionalField("agent", agent?.rawValue)
            w.field("detail", detail)
            w.field("stops", stops)
        }
    }
}

extension PeerFailure: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.object { w in
            w.field("agent", agent.rawValue)
            w.field("round", round)
            w.field("error", error)
            w.field("retryable", retryable)
            if cancelled { w.field("cancelled", true) }
        }
    }
}

extension DebateInfo: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.object { w in
            w.field("title", title)
            w.field("question", question)
            w.field("floor", floor.rawValue)
            w.field("rounds", rounds)
            w.key("agents")
            w.array { a in for agent in agents { a.element(agent) } }
            w.optionalField("facilitator", facilitator)
            w.field("pace", pace)
            w.optionalField("tokenBudget", tokenBudget)
            w.optionalField("costBudget", costBudget)
            w.optionalField("spec", spec)
            w.optionalField("fork", fork)
        }
    }
}

extension FinishReason: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.object { w in
            switch self {
            case .completed: w.field("reason", "completed")
            case .stopped: w.field("reason", "stopped")
            case .guardTripped(let kind):
                w.field("reason", "guard")
                w.field("guard", kind.rawValue)
            case .failed(let error):
                w.field("reason", "failed")
                w.field("error", error)
            }
        }
    }

    enum CodingKeys: String, CodingKey { case reason, `guard`, error }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .reason) {
        case "completed": self = .completed
        case "stopped": self = .stopped
        case "guard": self = .guardTripped(try container.decode(GuardKind.self, forKey: .guard))
        case "failed": self = .failed(try container.decode(String.self, forKey: .error))
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .reason, in: container, debugDescription: "unknown finish reason '\(other)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .completed: try container.encode("completed", forKey: .reason)
        case .stopped: try container.encode("stopped", forKey: .reason)
        case .guardTripped(let kind):
            try container.encode("guard", forKey: .reason)
            try container.encode(kind, forKey: .guard)
        case .failed(let error):
            try container.encode("failed", forKey: .reason)
            try container.encode(error, forKey: .error)
        }
    }
}
