import Foundation

extension EventRecord: JSONWritable {
    /// Writes the record as one flat object: `{"seq":1,"t":0.25,"type":"turnStarted",...}`.
    public func write(to writer: inout JSONWriter) {
        writer.object { w in
            w.field("seq", seq)
            w.field("t", time)
            w.field("type", event.type)
            switch event {
            case .debateStarted(let info):
                w.field("debate", info)
            case .roundStarted(let round), .roundEnded(let round), .debateConcluded(let round):
                w.field("round", round)
            case .floorPassed(let from, let to, let round):
                w.optionalField("from", from?.rawValue)
                w.field("to", to.rawValue)
                w.field("round", round)
            case .turnStarted(let agent, let round, let message):
                w.field("agent", agent.rawValue)
                w.field("round", round)
                w.field("message", message.rawValue)
            case .textDelta(let agent, let message, let text), .reasoningDelta(let agent, let message, let text):
                w.field("agent", agent.rawValue)
                w.field("message", message.rawValue)
                w.field("text", text)
            case .turnTraced(let trace):
                w.field("trace", trace)
            case .messageCompleted(let message), .humanMessage(let message):
                w.field("message", message)
            case .blackboardNote(let note):
                w.field("note", note)
            case .summaryStarted(let scope):
                w.field("scope", scope)
            case .summaryDelta(let scope, let text):
                w.field("scope", scope)
                w.field("text", text)
            case .summaryCompleted(let summary):
                w.field("summary", summary)
            case .guardTripped(let trip):
                w.field("trip", trip)
            case .peerFailed(let failure):
                w.field("failure", failure)
            case .turnRetrying(let agent, let attempt, let delay, let reason):
                w.field("agent", agent.rawValue)
                w.field("attempt", attempt)
                w.field("delay", delay)
                w.field("reason", reason)
            case .contextFolded(let agent, let turns, let note):
                w.field("agent", agent.rawValue)
                w.field("turns", turns)
                w.field("note", note)
            case .held(let agent, let round):
                w.field("agent", agent.rawValue)
                w.field("round", round)
            case .paceChanged(let pace):
                w.field("pace", pace)
            case .roundsChanged(let rounds):
                w.field("rounds", rounds)
            case .unheard(let peers, let message):
                w.key("peers")
                w.array { w in for peer in peers { w.element(peer.rawValue) } }
                w.field("message", message.rawValue)
            case .debateFinished(let reason, let usage):
                w.field("finish", reason)
                w.field("usage", usage)
            case .connection(let note):
                w.field("connection", note.name)
                switch note {
                case .lost(let reason): w.field("reason", reason)
                case .restored: break
                case .refused(let command, let reason):
                    w.field("command", command)
                    w.field("reason", reason)
                }
            }
        }
    }
}

extension EventRecord: Decodable {
    enum CodingKeys: String, CodingKey {
        case seq, t, type, debate, round, from, to, agent, message, text, note, scope, summary
        case trip, failure, attempt, delay, reason, turns, pace, finish, usage, rounds, peers, trace, connection, command
    }

    /// Reads a record written by ``write(to:)``.
    /// - Throws: `DecodingError` naming the missing or wrong field, or an unknown `type`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        seq = try c.decode(Int.self, forKey: .seq)
        time = try c.decode(Double.self, forKey: .t)
        func id(_ key: CodingKeys) throws -> AgentID { try c.decode(AgentID.self, forKey: key) }
        func int(_ key: CodingKeys) throws -> Int { try c.decode(Int.self, forKey: key) }
        func text(_ key: CodingKeys) throws -> String { try c.decode(String.self, forKey: key) }
        let type = try c.decode(String.self, forKey: .type)
        switch type {
        case "debateStarted": event = .debateStarted(try c.decode(DebateInfo.self, forKey: .debate))
        case "roundStarted": event = .roundStarted(round: try int(.round))
        case "roundEnded": event = .roundEnded(round: try int(.round))
        case "floorPassed":
            event = .floorPassed(
                from: try c.decodeIfPresent(AgentID.self, forKey: .from), to: try id(.to), round: try int(.round))
        case "turnStarted":
            event = .turnStarted(agent: try id(.agent), round: try int(.round), message: MessageID(try int(.message)))
        case "textDelta":
            event = .textDelta(agent: try id(.agent), message: MessageID(try int(.message)), text: try text(.text))
        case "reasoningDelta":
            event = .reasoningDelta(
                agent: try id(.agent), message: MessageID(try int(.message)), text: try text(.text))
        case "turnTraced": event = .turnTraced(try c.decode(TurnTrace.self, forKey: .trace))
        case "messageCompleted": event = .messageCompleted(try c.decode(Message.self, forKey: .message))
        case "humanMessage": event = .humanMessage(try c.decode(Message.self, forKey: .message))
        case "blackboardNote": event = .blackboardNote(try c.decode(BlackboardNote.self, forKey: .note))
        case "summaryStarted": event = .summaryStarted(try c.decode(SummaryScope.self, forKey: .scope))
        case "summaryDelta":
            event = .summaryDelta(try c.decode(SummaryScope.self, forKey: .scope), text: try text(.text))
        case "summaryCompleted": event = .summaryCompleted(try c.decode(Summary.self, forKey: .summary))
        case "guardTripped": event = .guardTripped(try c.decode(GuardTrip.self, forKey: .trip))
        case "peerFailed": event = .peerFailed(try c.decode(PeerFailure.self, forKey: .failure))
        case "turnRetrying":
            event = .turnRetrying(
                agent: try id(.agent), attempt: try int(.attempt),
                delay: try c.decode(Double.self, forKey: .delay), reason: try text(.reason))
        case "contextFolded":
            event = .contextFolded(agent: try id(.agent), turns: try int(.turns), note: try text(.note))
        case "held": event = .held(agent: try id(.agent), round: try int(.round))
        case "paceChanged": event = .paceChanged(try c.decode(PaceState.self, forKey: .pace))
        case "roundsChanged": event = .roundsChanged(rounds: try int(.rounds))
        case "unheard":
            event = .unheard(peers: try c.decode([AgentID].self, forKey: .peers), message: MessageID(try int(.message)))
        case "debateConcluded": event = .debateConcluded(round: try int(.round))
        case "debateFinished":
            event = .debateFinished(
                try c.decode(FinishReason.self, forKey: .finish), usage: try c.decode(Usage.self, forKey: .usage))
        case "connection":
            switch try text(.connection) {
            case "lost": event = .connection(.lost(reason: try text(.reason)))
            case "restored": event = .connection(.restored)
            case "refused": event = .connection(.refused(command: try text(.command), reason: try text(.reason)))
            case let other:
                throw DecodingError.dataCorruptedError(
                    forKey: .connection, in: c, debugDescription: "unknown connection note '\(other)'")
            }
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: c, debugDescription: "unknown event type '\(type)'")
        }
    }
}
