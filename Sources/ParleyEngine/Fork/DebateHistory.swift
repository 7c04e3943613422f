import ParleyCore
import ParleyModels

/// A debate's state before one of its turns, rebuilt from the events recorded up to it: what
/// each peer remembers and has yet to read, the floor and the round, the blackboard, what the
/// guards counted, the facilitator's summaries and what it heard, and the message ids used.
/// A ``Debate`` built with it goes on from that turn as the recorded one did.
struct DebateHistory: Sendable {
    /// The events shown again before the fork's own: the parent's settled history without its
    /// first event and without the original session's pace (``settled(_:)``); a message recorded
    /// without its deltas (as `--record` writes) comes whole in one, as a front end shows text
    /// from deltas.
    private(set) var shared: [EventRecord] = []
    /// Each peer's memory and inbox.
    private(set) var peers: [AgentID: PeerHistory]
    /// Where the floor was.
    private(set) var floor: Floor.State
    /// The blackboard's notes.
    private(set) var notes: [BlackboardNote] = []
    /// Every message said, the peers' and the person's, in order.
    private(set) var messages: [Message] = []
    /// The summaries written.
    private(set) var summaries: [Summary] = []
    /// Rounds that ended without their summary written yet: the facilitator writes them first.
    private(set) var unsummarized: [Int] = []
    /// The guard that asked the debate to stop, if one did.
    private(set) var trip: GuardKind?
    /// The highest message id used.
    private(set) var lastMessageID = 0
    /// How many rounds the recorded debate held at that point (the person may have added some).
    private(set) var recordedRounds: Int

    /// Rebuilds the state after `records` (a recording's events before a turn) for a debate of
    /// `spec`'s peers, whose memories `prompts` writes.
    init(records: [EventRecord], spec: DebateSpec, prompts: PromptBuilder) {
        let rule = spec.floor
        let ring = spec.agents.map(\.id)
        peers = Dictionary(uniqueKeysWithValues: spec.agents.map { ($0.id, PeerHistory()) })
        floor = Floor.State(rounds: spec.rounds)
        recordedRounds = spec.rounds
        /// Each peer's turn under way: its round.
        var turns: [AgentID: Int] = [:]
        var summarizing: SummaryScope?
        var streamed: Set<MessageID> = []
        for record in Self.settled(records) {
            switch record.event {
            case .debateStarted(let info):
                recordedRounds = info.rounds
                continue
            case .held, .paceChanged:
                continue
            case .roundsChanged(let rounds):
                recordedRounds = rounds
                continue
            case .roundStarted(let round):
                floor.round = round
                floor.spoken = []
                floor.begun = []
            case .floorPassed(let from, let to, _):
                // A peer whose turn failed and was skipped passes the floor without a message.
                if let from, turns.removeValue(forKey: from) != nil { floor.spoken.append(from) }
                floor.holder = to
            case .turnStarted(let agent, let round, let id):
                lastMessageID = max(lastMessageID, id.rawValue)
                // A retried turn starts again without reading again.
                guard turns[agent] != round else { break }
                turns[agent] = round
                floor.begun.insert(agent)
                peers[agent]?.beginTurn(round, as: agent, ring: ring, rule: rule, notes: notes, prompts: prompts)
            case .textDelta(_, let id, _):
                streamed.insert(id)
            case .messageCompleted(let message):
                if !streamed.contains(message.id) {
                    shared.append(EventRecord(seq: record.seq, time: record.time, event: .textDelta(agent: message.sender, message: message.id, text: message.text)))
                }
                turns[message.sender] = nil
                if message.round == floor.round { floor.spoken.append(message.sender) }
                peers[message.sender]?.say(message, prompts: prompts)
                said(message, prompts: prompts)
            case .humanMessage(let message):
                said(message, prompts: prompts)
            case .blackboardNote(let note):
                notes.append(note)
            case .contextFolded(let agent, let count, let note):
                peers[agent]?.fold(count, into: note)
            case .roundEnded(let round):
                // Turns of the round still open were skipped.
                turns = turns.filter { $0.value != round }
                unsummarized.append(round)
            case .summaryStarted(let scope):
                summarizing = scope
            case .summaryCompleted(let summary):
                summaries.append(summary)
                summarizing = nil
                if let round = summary.scope.round { unsummarized.removeAll { $0 == round } }
            case .peerFailed(let failure) where failure.agent == .facilitator:
                // A summary that failed is not written again.
                if let round = summarizing?.round { unsummarized.removeAll { $0 == round } }
                summarizing = nil
            case .guardTripped(let trip) where trip.stops:
                self.trip = self.trip ?? trip.kind
            default:
                break
            }
            shared.append(record)
        }
        floor.rounds = max(spec.rounds, recordedRounds)
        for id in peers.keys {
            peers[id]?.nextRound = floor.spoken.contains(id) ? floor.round + 1 : floor.round
        }
    }

    /// A message was said: it reaches its addressees' inboxes, as the mesh delivers it, and the
    /// facilitator hears it.
    private mutating func said(_ message: Message, prompts: PromptBuilder) {
        lastMessageID = max(lastMessageID, message.id.rawValue)
        messages.append(message)
        let delivery = Delivery(message: message, entry: prompts.heard(message))
        for id in peers.keys where Mesh.reaches(message, id) { peers[id]?.receive(delivery) }
    }
}
