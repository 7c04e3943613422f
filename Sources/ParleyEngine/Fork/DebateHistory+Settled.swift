import ParleyCore

extension DebateHistory {
    /// `records` without what was under way at their end: the turns that had begun but neither
    /// completed nor been skipped (a fork takes them again), and the summary being written (the
    /// fork writes it again). What is left is settled history.
    static func settled(_ records: [EventRecord]) -> [EventRecord] {
        // Each peer's open turn: its round and where it began.
        var open: [AgentID: (round: Int, start: Int)] = [:]
        var summaryStart: (scope: SummaryScope, index: Int)?
        for (index, record) in records.enumerated() {
            switch record.event {
            case .turnStarted(let agent, let round, _) where open[agent]?.round != round:
                open[agent] = (round, index)
            case .messageCompleted(let message):
                open[message.sender] = nil
            case .floorPassed(let from?, _, _):
                open[from] = nil
            case .roundEnded(let round):
                open = open.filter { $0.value.round != round }
            case .summaryStarted(let scope):
                summaryStart = (scope, index)
            case .summaryCompleted:
                summaryStart = nil
            case .peerFailed(let failure) where failure.agent == .facilitator:
                summaryStart = nil
            default:
                break
            }
        }
        let unfinished = open.mapValues(\.start)
        return records.enumerated().filter { index, record in
            if let agent = record.event.turnAgentOrNil, let start = unfinished[agent], index >= start { return false }
            if let summary = summaryStart, index >= summary.index, record.event.summaryScope == summary.scope { return false }
            return true
        }.map(\.element)
    }
}

extension DebateEvent {
    /// The peer whose turn this event is part of, for the events of a turn under way.
    fileprivate var turnAgentOrNil: AgentID? {
        switch self {
        case .turnStarted(let agent, _, _), .textDelta(let agent, _, _), .reasoningDelta(let agent, _, _),
            .turnRetrying(let agent, _, _, _), .contextFolded(let agent, _, _):
            agent
        case .peerFailed(let failure): failure.agent
        case .guardTripped(let trip) where trip.kind == .turnTimeout: trip.agent
        default: nil
        }
    }

    /// The summary this event streams.
    fileprivate var summaryScope: SummaryScope? {
        switch self {
        case .summaryStarted(let scope), .summaryDelta(let scope, _): scope
        default: nil
        }
    }
}
