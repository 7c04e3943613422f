import ParleyCore
import TerminalKit

/// Agent ids are text from the debate like any other: a replayed log may hold any string as an
/// id. The state keeps every id clean, so that views draw them as they are; and as ids are keys
/// too, every id an event brings goes through the same mapping (``keptID(_:)``), so lookups
/// find what they found before.
extension ShownDebate {
    /// The id the state keeps for `id`: the clean id an announced agent was given, else `id`
    /// cleaned (unchanged when it is clean already, as every id of a debate file is).
    func keptID(_ id: AgentID) -> AgentID {
        renamedIDs[id] ?? Self.cleaned(id)
    }

    /// `id` without escape sequences, control characters or line breaks.
    static func cleaned(_ id: AgentID) -> AgentID {
        guard !Sanitizer.isClean(id.rawValue) || id.rawValue.contains(where: \.isNewline) else { return id }
        return AgentID(Sanitizer.clean(id.rawValue).replacingNewlines())
    }

    /// Clean ids for the announced agents whose ids are not clean, each unlike every other
    /// agent's id and the human's, so that two ids never become one.
    static func renames(of agents: [Agent]) -> [AgentID: AgentID] {
        var taken: Set<AgentID> = [.human, .facilitator]
        taken.formUnion(agents.map(\.id).filter { cleaned($0) == $0 })
        var renames: [AgentID: AgentID] = [:]
        for id in agents.map(\.id) where cleaned(id) != id && renames[id] == nil {
            let base = cleaned(id).rawValue.isEmpty ? "?" : cleaned(id).rawValue
            var candidate = AgentID(base)
            var suffix = 2
            while taken.contains(candidate) {
                candidate = AgentID("\(base)~\(suffix)")
                suffix += 1
            }
            taken.insert(candidate)
            renames[id] = candidate
        }
        return renames
    }
}

extension DebateInfo {
    /// The debate with its agents' ids passed through `keep`.
    func mappingAgentIDs(_ keep: (AgentID) -> AgentID) -> DebateInfo {
        var info = self
        for index in info.agents.indices { info.agents[index].id = keep(info.agents[index].id) }
        if let facilitator = info.facilitator { info.facilitator?.id = keep(facilitator.id) }
        return info
    }
}

extension DebateEvent {
    /// The event with every agent id in it passed through `keep`.
    func mappingAgentIDs(_ keep: (AgentID) -> AgentID) -> DebateEvent {
        func message(_ message: Message) -> Message {
            var message = message
            message.sender = keep(message.sender)
            if case .peers(let ids) = message.to { message.to = .peers(ids.map(keep)) }
            return message
        }
        switch self {
        case .debateStarted(let info):
            return .debateStarted(info.mappingAgentIDs(keep))
        case .floorPassed(let from, let to, let round):
            return .floorPassed(from: from.map(keep), to: keep(to), round: round)
        case .turnStarted(let id, let round, let number):
            return .turnStarted(agent: keep(id), round: round, message: number)
        case .textDelta(let id, let number, let text):
            return .textDelta(agent: keep(id), message: number, text: text)
        case .reasoningDelta(let id, let number, let text):
            return .reasoningDelta(agent: keep(id), message: number, text: text)
        case .messageCompleted(let sent):
            return .messageCompleted(message(sent))
        case .humanMessage(let sent):
            return .humanMessage(message(sent))
        case .blackboardNote(var note):
            note.author = keep(note.author)
            return .blackboardNote(note)
        case .guardTripped(var trip):
            trip.agent = trip.agent.map(keep)
            return .guardTripped(trip)
        case .peerFailed(var failure):
            failure.agent = keep(failure.agent)
            return .peerFailed(failure)
        case .turnRetrying(let id, let attempt, let delay, let reason):
            return .turnRetrying(agent: keep(id), attempt: attempt, delay: delay, reason: reason)
        case .contextFolded(let id, let turns, let note):
            return .contextFolded(agent: keep(id), turns: turns, note: note)
        case .held(let id, let round):
            return .held(agent: keep(id), round: round)
        case .turnTraced(var trace):
            trace.agent = keep(trace.agent)
            return .turnTraced(trace)
        case .unheard(let ids, let number):
            return .unheard(peers: ids.map(keep), message: number)
        case .roundStarted, .roundEnded, .summaryStarted, .summaryDelta, .summaryCompleted, .paceChanged, .debateFinished,
            .roundsChanged, .debateConcluded, .connection:
            return self
        }
    }
}
