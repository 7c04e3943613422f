import ParleyCore
import TerminalKit

extension ShownDebate {
    /// The debate `info` announces, as shown before anything else happened in it: its text
    /// sanitized, its ids kept clean (see ``keptID(_:)``).
    init(started info: DebateInfo) {
        renamedIDs = Self.renames(of: info.agents + (info.facilitator.map { [$0] } ?? []))
        var info = info.mappingAgentIDs { keptID($0) }
        info.title = Sanitizer.clean(info.title)
        info.question = Sanitizer.clean(info.question)
        info.agents = info.agents.map(Self.sanitized)
        info.facilitator = info.facilitator.map(Self.sanitized)
        self.info = info
        pace = info.pace
        peers = info.agents.enumerated().map { PeerPane(agent: $0.element, index: $0.offset) }
    }

    /// Takes in one event of the debate under way (``ObserverState`` takes in `debateStarted`).
    /// Text in it is sanitized on the way in: streamed deltas through one ``StreamSanitizer``
    /// per message, so an escape sequence split across deltas never gets through; agent ids
    /// through ``keptID(_:)``, which keeps them keys. `isReplay`: a failed turn only says so,
    /// as the recorded session answered it.
    mutating func apply(_ event: DebateEvent, isReplay: Bool) {
        switch event.mappingAgentIDs({ keptID($0) }) {
        case .debateStarted: break  // a new debate: ObserverState replaces this one
        case .roundStarted(let round):
            self.round = max(self.round, round)
            if isConcluded { reopen() }
        case .floorPassed(_, let to, _): nextSpeaker = to
        case .held(let agent, _): nextSpeaker = agent
        case .turnTraced: break  // for the inspector: nothing to show in the panes
        case .turnStarted(let agent, let round, let message): startTurn(agent, round: round, message: message)
        case .textDelta(let agent, let message, let text): streamText(text, of: message, by: agent)
        case .reasoningDelta(let agent, let message, let text):
            let clean = feed(text, to: .reasoning(message))
            updatePane(agent) { $0.updateMessage(message) { $0.reasoning += clean } }
        case .messageCompleted(let message): complete(message)
        case .humanMessage(let message): deliverHuman(message)
        case .blackboardNote(var note):
            note.text = Sanitizer.clean(note.text)
            notes.append(note)
            if let node = node(for: note.author) { graph.record(from: node, to: [.blackboard]) }
        case .roundEnded: break
        case .summaryStarted(let scope): startSummary(scope)
        case .summaryDelta(let scope, let text):
            let clean = feed(text, to: .summary(scope))
            updateSummary(scope) { $0.text += clean }
        case .summaryCompleted(let summary):
            streams[.summary(summary.scope)] = nil
            if summaries.contains(where: { $0.scope == summary.scope }) == false { startSummary(summary.scope) }
            updateSummary(summary.scope) {
                $0.text = Sanitizer.clean(summary.text)
                $0.isStreaming = false
            }
            usage += summary.usage
        case .guardTripped(var trip): tripGuard(&trip)
        case .peerFailed(var failure): fail(&failure, isReplay: isReplay)
        case .turnRetrying(let agent, let attempt, let delay, let reason): retry(agent, attempt: attempt, delay: delay, reason: reason)
        case .contextFolded(let agent, let turns, let note):
            let detail = Sanitizer.clean(note).trimmingWhitespace()
            let text = "⋯ folded \(turns) earlier turn\(turns == 1 ? "" : "s") to fit the model's context"
                + (detail.isEmpty ? "" : ": \(detail)")
            updatePane(agent) { $0.entries.append(.notice(text, .info)) }
        case .paceChanged(let pace): self.pace = pace
        case .roundsChanged(let rounds):
            info?.rounds = rounds
            notice = ObserverState.Notice(text: "One more round: the debate now holds \(rounds) rounds.", tone: .info)
        case .unheard(let peers, _):
            let ids = peers.map { "@\($0.rawValue)" }.joined(separator: " ")
            let verb = peers.count == 1 ? "has" : "have"
            notice = ObserverState.Notice(
                text: "\(ids) \(verb) no turn left to answer you — press e to add a round", tone: .warning)
        case .debateConcluded: conclude()
        case .debateFinished(let reason, let usage): finish(reason, usage: usage)
        case .connection: break  // the observer's line, not the debate: ObserverState takes it
        }
    }

    private static func sanitized(_ agent: Agent) -> Agent {
        var agent = agent
        agent.name = Sanitizer.clean(agent.name).replacingNewlines()
        agent.role = Sanitizer.clean(agent.role).replacingNewlines()
        agent.model = Sanitizer.clean(agent.model).replacingNewlines()
        return agent
    }

    private mutating func startTurn(_ agent: AgentID, round: Int, message id: MessageID) {
        self.round = max(self.round, round)
        latestTurn = id
        if nextSpeaker == agent { nextSpeaker = nil }
        failure = failure?.agent == agent ? nil : failure
        streams[.text(id)] = nil
        streams[.reasoning(id)] = nil
        updatePane(agent) { pane in
            pane.removeMessage(id)
            pane.activity = .thinking
            pane.append(.message(PaneMessage(id: id, sender: agent, to: nil, round: round, isStreaming: true)), round: round)
        }
        graph.inFlight.removeAll { $0.message == id || $0.sender == agent }
        graph.inFlight.append(MessageInFlight(message: id, sender: agent, addressees: addressees(ofText: "", from: agent)))
    }

    private mutating func streamText(_ text: String, of id: MessageID, by agent: AgentID) {
        let clean = feed(text, to: .text(id))
        var written = ""
        updatePane(agent) { pane in
            pane.activity = .speaking
            pane.updateMessage(id) {
                $0.text += clean
                written = $0.text
            }
        }
        if let index = graph.inFlight.firstIndex(where: { $0.message == id }) {
            graph.inFlight[index].addressees = addressees(ofText: written, from: agent)
        }
    }

    /// Who a message being written goes to, as far as its text tells, by the rule the peers
    /// address their messages with (``Mentions/address(of:known:)``): the peers its leading
    /// `@id` words name, else every other peer. So the edges it lights while it is written are
    /// the ones it is counted on once it completes.
    func addressees(ofText text: String, from sender: AgentID) -> [AgentID] {
        let known = Set(peerIDs).subtracting([sender])
        return recipients(of: Mentions.address(of: text, known: known).address, from: sender)
    }

    /// The peers an address reaches, in ring order for everyone.
    func recipients(of address: Address, from sender: AgentID) -> [AgentID] {
        (address.named ?? peerIDs).filter { $0 != sender && peerIDs.contains($0) }
    }

    private mutating func complete(_ message: Message) {
        streams[.text(message.id)] = nil
        streams[.reasoning(message.id)] = nil
        let text = Sanitizer.clean(message.text)
        let reasoning = Sanitizer.clean(message.reasoning ?? "")
        let activity: PeerActivity = finish == nil ? .waiting : .done
        updatePane(message.sender) { pane in
            if pane.entryIndex(of: message.id) == nil {
                pane.append(
                    .message(PaneMessage(id: message.id, sender: message.sender, to: nil, round: message.round, isStreaming: true)),
                    round: message.round)
            }
            pane.updateMessage(message.id) {
                $0.text = text
                $0.reasoning = reasoning
                $0.to = message.to
                $0.isStreaming = false
                $0.cut = message.cut
            }
            pane.tokens += message.usage.totalTokens
            pane.activity = activity
        }
        usage += message.usage
        graph.inFlight.removeAll { $0.message == message.id }
        graph.record(from: .peer(message.sender), to: recipients(of: message.to, from: message.sender).map(GraphNode.peer))
    }

    private mutating func deliverHuman(_ message: Message) {
        let entry = PaneMessage(
            id: message.id, sender: message.sender, to: message.to, round: message.round,
            text: Sanitizer.clean(message.text), isStreaming: false)
        let recipients = recipients(of: message.to, from: message.sender)
        for id in recipients {
            updatePane(id) { $0.append(.message(entry), round: message.round) }
        }
        graph.record(from: node(for: message.sender) ?? .human, to: recipients.map(GraphNode.peer))
    }

    /// The graph node of a participant: a peer, the human; nil for anyone else.
    func node(for id: AgentID) -> GraphNode? {
        if id == .human { return .human }
        return peerIDs.contains(id) ? .peer(id) : nil
    }

    private mutating func startSummary(_ scope: SummaryScope) {
        streams[.summary(scope)] = nil
        summaries.removeAll { $0.scope == scope }
        summaries.append(SummaryEntry(scope: scope, isStreaming: true))
    }

    private mutating func updateSummary(_ scope: SummaryScope, _ change: (inout SummaryEntry) -> Void) {
        guard let index = summaries.firstIndex(where: { $0.scope == scope }) else { return }
        change(&summaries[index])
    }

    private mutating func tripGuard(_ trip: inout GuardTrip) {
        trip.detail = Sanitizer.clean(trip.detail).replacingNewlines()
        guardTrips.append(trip)
        let text = "⚠ \(trip.kind) guard: \(trip.detail)" + (trip.stops ? " — the debate stops" : "")
        if let agent = trip.agent { updatePane(agent) { $0.entries.append(.notice(text, .warning)) } }
        notice = ObserverState.Notice(text: text, tone: trip.stops ? .error : .warning)
    }

    /// A turn failed: the observer asks whether to retry or skip it; a replay, which goes on
    /// as the recorded session answered, only says so.
    private mutating func fail(_ failure: inout PeerFailure, isReplay: Bool) {
        failure.error = Sanitizer.clean(failure.error).replacingNewlines()
        let agent = failure.agent
        let cancelled = failure.cancelled
        if isReplay {
            let name = pane(agent)?.agent.name ?? agent.rawValue
            notice = cancelled
                ? ObserverState.Notice(text: "⊘ \(name)'s turn was cancelled.", tone: .warning)
                : ObserverState.Notice(text: "✗ \(name)'s turn failed: \(failure.error)", tone: .error)
        } else {
            self.failure = failure
        }
        let text = cancelled ? "⊘ turn cancelled by you" : "✗ turn failed: \(failure.error)"
        updatePane(agent) { pane in
            pane.stopStreaming()
            pane.activity = cancelled ? .cancelled : .error
            pane.entries.append(.notice(text, cancelled ? .warning : .error))
        }
        graph.inFlight.removeAll { $0.sender == agent }
    }

    /// A model call is tried again. The HTTP backends retry only before any text came, but
    /// should text have come, the new call writes the message afresh all the same: the turn
    /// starts again, its message after the notice.
    private mutating func retry(_ agent: AgentID, attempt: Int, delay: Double, reason: String) {
        let text = "↻ retry \(attempt) in \(Seconds.describe(delay)): \(Sanitizer.clean(reason).replacingNewlines())"
        updatePane(agent) { $0.entries.append(.notice(text, .warning)) }
        if let flight = graph.inFlight.first(where: { $0.sender == agent }),
            let round = pane(agent)?.message(flight.message)?.round
        {
            startTurn(agent, round: round, message: flight.message)
        }
    }

    private mutating func finish(_ reason: FinishReason, usage: Usage) {
        if case .failed(let error) = reason {
            finish = .failed(Sanitizer.clean(error).replacingNewlines())
        } else {
            finish = reason
        }
        if usage.totalTokens > 0 || usage.cost != nil { self.usage = usage }
        isConcluded = false
        settle()
    }

    /// The rounds are done and the final summary written; the debate lingers for a round more.
    private mutating func conclude() {
        isConcluded = true
        settle()
    }

    /// A round was added to a concluded debate: its peers wait for their turns again.
    private mutating func reopen() {
        isConcluded = false
        for index in peers.indices where peers[index].activity == .done { peers[index].activity = .waiting }
    }

    /// Nothing is under way any more: no failure, speaker or stream; every peer done.
    private mutating func settle() {
        failure = nil
        nextSpeaker = nil
        // The prompt line now says that the debate is over, not what was last said during it.
        notice = nil
        graph.inFlight = []
        streams = [:]
        for index in peers.indices {
            peers[index].activity = .done
            peers[index].stopStreaming()
        }
        for index in summaries.indices { summaries[index].isStreaming = false }
    }
}

extension String {
    /// The text on one line: newlines become spaces.
    func replacingNewlines() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}
