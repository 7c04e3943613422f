import ParleyCore
import TerminalKit

/// A finished (or cut short) debate as a document: who took part, each round's messages, the
/// person's messages, blackboard notes and summaries in the order they happened, and how it
/// ended. Built from a debate's events (a recording); every text in it is sanitized, so writers
/// only have to escape it for their format.
public struct Transcript: Sendable, Hashable {
    /// What the debate was, names sanitized; nil when the events never said.
    public var info: DebateInfo?
    /// The rounds, in order.
    public var rounds: [Round] = []
    /// The final summary of the tradeoffs, when one was written.
    public var finalSummary: String?
    /// How the debate ended; nil when the recording stops before the end.
    public var finish: FinishReason?
    /// Tokens and cost of the whole debate.
    public var usage = Usage.zero
    /// The clean ids given to announced agents whose own ids were not clean, as the observer
    /// gives them (``ShownDebate/renames(of:)``).
    private var renamedIDs: [AgentID: AgentID] = [:]

    /// One round.
    public struct Round: Sendable, Hashable {
        /// Its number, from 1.
        public var number: Int
        /// What happened in it, in order.
        public var entries: [Entry] = []
        /// The facilitator's summary of it, when one was written.
        public var summary: String?
    }

    /// One thing that happened in a round.
    public enum Entry: Sendable, Hashable {
        /// A peer's message.
        case message(Message)
        /// The person's message.
        case human(Message)
        /// A note on the blackboard.
        case note(BlackboardNote)
    }

    /// The transcript of `events`, in the order they were recorded.
    public init(events: some Sequence<DebateEvent>) {
        for event in events {
            if case .debateStarted(let started) = event { renamedIDs = ShownDebate.renames(of: started.agents) }
            // Agent ids are untrusted text too: kept clean as the observer keeps them.
            take(event.mappingAgentIDs { renamedIDs[$0] ?? ShownDebate.cleaned($0) })
        }
    }

    /// The display name of an agent (`you` for the person).
    public func name(_ id: AgentID) -> String {
        if id == .human { return "you" }
        return info?.agent(id)?.name ?? (id == .facilitator ? "Facilitator" : id.rawValue)
    }

    /// An agent's role, if it has one.
    public func role(_ id: AgentID) -> String? {
        info?.agents.first { $0.id == id }?.role
    }

    private mutating func take(_ event: DebateEvent) {
        switch event {
        case .debateStarted(let started):
            var clean = started
            clean.title = Sanitizer.clean(started.title)
            clean.question = Sanitizer.clean(started.question)
            clean.agents = started.agents.map(Self.cleaned)
            clean.facilitator = started.facilitator.map(Self.cleaned)
            info = clean
        case .roundStarted(let round): _ = roundIndex(round)
        case .messageCompleted(let message): append(.message(Self.cleaned(message)), round: message.round)
        case .humanMessage(let message): append(.human(Self.cleaned(message)), round: message.round)
        case .blackboardNote(var note):
            note.text = Sanitizer.clean(note.text)
            append(.note(note), round: note.round)
        case .summaryCompleted(let summary):
            let text = Sanitizer.clean(summary.text)
            switch summary.scope {
            case .round(let round): rounds[roundIndex(round)].summary = text
            case .final: finalSummary = text
            }
        case .roundsChanged(let count): info?.rounds = count
        case .debateFinished(let reason, let usage):
            finish = reason
            self.usage = usage
        default: break
        }
    }

    private mutating func append(_ entry: Entry, round: Int) {
        rounds[roundIndex(round)].entries.append(entry)
    }

    /// The index of round `number`, adding it (and any before it) when new.
    private mutating func roundIndex(_ number: Int) -> Int {
        let number = max(1, number)
        if let index = rounds.firstIndex(where: { $0.number == number }) { return index }
        rounds.append(Round(number: number))
        rounds.sort { $0.number < $1.number }
        return rounds.firstIndex { $0.number == number }!
    }

    private static func cleaned(_ agent: Agent) -> Agent {
        var agent = agent
        agent.name = Sanitizer.clean(agent.name)
        agent.role = Sanitizer.clean(agent.role)
        agent.model = Sanitizer.clean(agent.model)
        return agent
    }

    private static func cleaned(_ message: Message) -> Message {
        var message = message
        message.text = Sanitizer.clean(message.text)
        message.reasoning = message.reasoning.map { Sanitizer.clean($0) }
        return message
    }
}
