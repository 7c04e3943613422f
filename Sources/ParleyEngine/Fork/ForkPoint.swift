import ParleyCore

/// A place to fork a recorded (or live) debate from: the events recorded before one of its
/// turns. A ``Debate`` built from it (``Debate/init(forking:spec:models:policy:)``) starts in
/// exactly the state the original was in before that turn.
public struct ForkPoint: Sendable {
    /// The recorded events before the turn, the original's first event (`debateStarted`) first.
    public let records: [EventRecord]
    /// The turn's message: the fork says it anew.
    public let message: MessageID
    /// The recording's path as the person named it, when the debate was recorded to a file.
    public let parent: String?
    /// What the original debate was, as its first event announced.
    public let info: DebateInfo

    /// The point before the turn whose message is `message`, in a recording's events.
    /// - Throws: ``ForkError`` when the records do not start with `debateStarted`, when no turn
    ///   made that message (naming the turns there are), or when it is the person's message.
    public init(records: [EventRecord], at message: MessageID, parent: String? = nil) throws {
        guard case .debateStarted(let info) = records.first?.event else { throw ForkError.notADebate }
        guard let (agent, round) = Self.turn(of: message, in: records) else {
            if records.contains(where: { if case .humanMessage(let said) = $0.event { said.id == message } else { false } }) {
                throw ForkError.personsMessage(message, turns: Self.turns(in: records))
            }
            throw ForkError.noSuchTurn(message, turns: Self.turns(in: records))
        }
        // The turn begins at its first attempt: a retried turn had failed attempts before.
        let start = records.firstIndex {
            if case .turnStarted(agent, round, _) = $0.event { true } else { false }
        }!
        self.records = Array(records[..<start])
        self.message = message
        self.parent = parent
        self.info = info
    }

    /// The peer and round of the turn that made `message` (its last attempt carries its id).
    private static func turn(of message: MessageID, in records: [EventRecord]) -> (AgentID, Int)? {
        for record in records {
            if case .turnStarted(let agent, let round, message) = record.event { return (agent, round) }
        }
        return nil
    }

    /// The ids of the messages the peers completed, in order.
    static func turns(in records: [EventRecord]) -> [MessageID] {
        records.compactMap { if case .messageCompleted(let message) = $0.event { message.id } else { nil } }
    }
}

/// A debate cannot be forked as asked.
public enum ForkError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The recording does not begin with the debate's first event.
    case notADebate
    /// No turn made this message.
    case noSuchTurn(MessageID, turns: [MessageID])
    /// The message is the person's, not a turn.
    case personsMessage(MessageID, turns: [MessageID])
    /// The debate file names other agents than the recording: these were added and these left out.
    case agentsChanged(added: [AgentID], removed: [AgentID])

    public var description: String {
        switch self {
        case .notADebate:
            "the recording does not begin with the debate's start (debateStarted); fork a recording made with --record"
        case .noSuchTurn(let id, let turns):
            "no turn made message \(id); \(Self.choice(turns))"
        case .personsMessage(let id, let turns):
            "message \(id) is the person's, not a peer's turn; fork at the turn after it to keep it, or before it to leave it out; \(Self.choice(turns))"
        case .agentsChanged(let added, let removed):
            "the debate file "
                + [added.isEmpty ? nil : "adds \(Self.listed(added))", removed.isEmpty ? nil : "leaves out \(Self.listed(removed))"]
                .compactMap { $0 }.joined(separator: " and ")
                + "; a fork keeps the original's agents (change their prompts, arguments, backends or models instead)"
        }
    }

    private static func listed(_ ids: [AgentID]) -> String {
        ids.map { "@\($0.rawValue)" }.joined(separator: ", ")
    }

    private static func choice(_ turns: [MessageID]) -> String {
        guard let first = turns.first, let last = turns.last else { return "the recording holds no completed turn" }
        return "the recording's turns are \(first) to \(last) (a message's id is the `id` of its `messageCompleted` line in the recording)"
    }
}
