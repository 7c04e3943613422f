import Foundation
import ParleyCore
import ParleyModels

/// One debating agent: its persona, its model, its own memory of the debate (only what was
/// broadcast or addressed to it, and the blackboard notes it read) and its inbox. Each peer
/// runs its own loop — wait for the floor, pass the pace gate, speak, pass the floor on.
actor Peer {
    let spec: AgentSpec
    let agent: Agent
    let inbox: Inbox
    private let model: any ChatModel
    private let world: DebateWorld
    private var memory: [ChatMessage] = []
    private var lastNote = 0
    private lazy var systemPrompt = world.prompts.system(for: spec)
    /// The turn in flight, so that `cancelTurn` can end it.
    private var turnInFlight: Task<Void, any Error>?
    /// Whether the person cancelled the turn in flight.
    private var cancelledByPerson = false
    /// Writes each turn's trace for the event log.
    private var tracer: TurnTracer

    /// The round the peer's next turn is in (the round it waits for, under simultaneous).
    private let firstRound: Int

    /// Makes a peer; `history`, when given, is what it remembers and has yet to read in a forked
    /// debate (its inbox is filled here).
    init(spec: AgentSpec, agent: Agent, model: any ChatModel, inbox: Inbox, world: DebateWorld, history: PeerHistory? = nil) {
        self.spec = spec
        self.inbox = inbox
        self.agent = agent
        self.model = model
        self.world = world
        tracer = TurnTracer(agent: spec.id, backend: spec.backend, growsOnly: true)
        memory = history?.memory ?? []
        lastNote = history?.lastNote ?? 0
        firstRound = history?.nextRound ?? 1
        for delivery in history?.unread ?? [] { inbox.put(delivery) }
        for reply in history?.said ?? [] { model.recall(reply: reply) }
    }

    var id: AgentID { spec.id }

    /// Peers run on their debate's one serial executor.
    nonisolated var unownedExecutor: UnownedSerialExecutor { world.executor.asUnownedSerialExecutor() }

    /// Takes turns until the debate is over or stopped.
    func run() async {
        var round = firstRound
        do {
            while case .speak(let now) = try await world.floor.await(id, round: round) {
                try await world.pace.admit(id, round: now)
                // No consumer of the events falls more than a bounded queue behind.
                await world.bus.room()
                try Task.checkCancellation()
                let reply = try await takeTurn(round: now)
                // The message and what it sets off go to the recording in one write.
                world.bus.batch {
                    let message = reply.map(deliver)
                    let mentions = message.map { Mentions.find(in: $0.text, known: world.mesh.peers) } ?? []
                    world.floor.done(id, mentions: mentions)
                }
                round = now + 1
            }
        } catch {
            // Stopped: cancellation or a closed floor ends the loop.
        }
    }

    /// A reply the model gave, to deliver as a message.
    struct Reply {
        let text: String
        let draft: ReplyDraft
        let id: MessageID
        let round: Int
        let started: Date
        /// The person's message it answers, when the person wrote since the peer's last turn.
        let answers: MessageID?
        /// What the model was asked and how it answered.
        let trace: TurnTrace
    }

    /// One turn: read the inbox and the blackboard, ask the model for the reply to deliver. A
    /// failed turn holds the debate until it is retried or skipped (or ends it, as the policy says).
    /// - Returns: the reply, or nil when the turn was skipped.
    func takeTurn(round: Int) async throws -> Reply? {
        world.floor.begin(id)
        readInbox(round: round)
        let person = unansweredPerson
        while true {
            let messageID = world.nextMessageID()
            world.bus.emit(.turnStarted(agent: id, round: round, message: messageID))
            let started = Date()
            let draft = ReplyDraft(watchesRepetition: world.guards.watchesSteps)
            do {
                let cue = try await askWithCue(round: round, messageID: messageID, person: person, into: draft)
                let text = draft.text.trimmingWhitespace()
                guard !text.isEmpty else {
                    throw ModelError(kind: .stream, message: "the model's reply was empty", retryable: true)
                }
                let trace = tracer.trace(system: systemPrompt, memory: memory, cue: cue, draft: draft, message: messageID)
                return Reply(
                    text: text, draft: draft, id: messageID, round: round, started: started, answers: person.last?.messageID,
                    trace: trace)
            } catch let error where !Task.isCancelled {
                switch try await world.failed(id, round: round, error: error) {
                case .retry: continue
                case .skip: return nil
                }
            }
        }
    }

    /// Ends the turn in flight, if any, as a failure the person then retries or skips.
    func cancelTurn() {
        guard let turnInFlight else { return }
        cancelledByPerson = true
        turnInFlight.cancel()
    }

    private func readInbox(round: Int) {
        let floor = world.floor
        let ready = floor.ordered(inbox.take { floor.isHeard($0, inTurnOf: round) })
        let notes = world.blackboard.notes(after: lastNote)
        world.prompts.read(ready, notes: notes, as: id, into: &memory)
        lastNote = notes.last?.note.id ?? lastNote
    }

    /// Asks the model with the turn's cue as the conversation's last entry. The cue sits on
    /// the memory only while the model is asked, so that the request shares the memory's
    /// storage instead of copying it.
    /// - Returns: the cue's text.
    private func askWithCue(round: Int, messageID: MessageID, person: [ChatMessage], into draft: ReplyDraft) async throws -> String {
        let opening = !memory.contains { $0.kind == .peer || $0.kind == .own }
        let cue = world.prompts.turnCue(for: spec, round: round, opening: opening, rounds: world.floor.rounds, person: person)
        memory.append(cue)
        defer { memory.removeLast() }
        try await ask(request(round: round), messageID: messageID, into: draft)
        return cue.content
    }

    private func request(round: Int) -> ChatRequest {
        let system = systemPrompt
        if let context = model.contextTokens,
            let (folded, count, note) = ContextGuard(contextTokens: context).fold(memory, system: system, names: world.name)
        {
            memory = folded
            tracer.folded(&memory[0])
            world.bus.emit(.contextFolded(agent: id, turns: count, note: note))
        }
        return ChatRequest(
            agent: id, purpose: .turn(round: round), system: system, messages: memory,
            participants: world.participants)
    }

    /// Calls the model, streaming its chunks as events; applies the turn timeout, and lets
    /// `cancelTurn` end the call.
    private func ask(_ request: ChatRequest, messageID: MessageID, into draft: ReplyDraft) async throws {
        let bus = world.bus
        let agent = id
        let model = self.model
        let onChunk: @Sendable (ChatChunk) -> Void = { chunk in
            guard draft.take(chunk) else { return }
            switch chunk {
            case .text(let text): bus.emit(.textDelta(agent: agent, message: messageID, text: text))
            case .reasoning(let text): bus.emit(.reasoningDelta(agent: agent, message: messageID, text: text))
            case .retrying(let attempt, let delay, let reason):
                bus.emit(.turnRetrying(agent: agent, attempt: attempt, delay: delay, reason: reason))
            case .usage, .truncated, .choice: break
            }
        }
        if model.repliesAtOnce, world.turnTimeout == nil {
            try await model.reply(to: request, onChunk: onChunk)
            return
        }
        let timeout = world.turnTimeout
        let call = Task { try await TurnTimer.run(timeout: timeout) { try await model.reply(to: request, onChunk: onChunk) } }
        turnInFlight = call
        draft.stopCall { call.cancel() }
        cancelledByPerson = false
        defer { turnInFlight = nil }
        do {
            try await withTaskCancellationHandler {
                try await call.value
            } onCancel: {
                call.cancel()
            }
        } catch where draft.loop != nil && !Task.isCancelled {
            // Cut for repetition: the reply up to the first repeat stands, and counts.
            draft.estimateUsageIfUnreported(for: request)
            return
        } catch is TurnTimer.Expired {
            world.guards.timedOut(id, after: timeout ?? 0)
            throw ModelError(
                kind: .timeout, message: "no complete reply within the \(Seconds.describe(timeout ?? 0)) turn timeout",
                retryable: true)
        } catch where cancelledByPerson && !Task.isCancelled {
            throw TurnCancelled()
        }
    }

    /// What the person wrote to this peer since its last turn, oldest first: its next turn
    /// answers it.
    private var unansweredPerson: [ChatMessage] {
        Array(memory.reversed().prefix { $0.kind != .own }.filter { $0.kind == .human }.reversed())
    }

    private func deliver(_ reply: Reply) -> Message {
        let (address, _) = Mentions.address(of: reply.text, known: world.mesh.peers.subtracting([id]))
        let message = Message(
            id: reply.id, sender: id, to: address, round: reply.round, text: reply.text,
            replyTo: reply.answers ?? memory.last { $0.kind == .peer || $0.kind == .human }?.messageID,
            usage: reply.draft.usage, startedAt: reply.started, completedAt: Date(), reasoning: reply.draft.reasoning,
            cut: reply.draft.cut)
        memory.append(world.prompts.entry(message, for: id))
        world.mesh.deliver(message, as: world.prompts.heard(message))
        world.bus.emit(.turnTraced(reply.trace))
        world.bus.emit(.messageCompleted(message))
        for note in BlackboardNote.marked(in: message.text) {
            world.blackboard.post(author: id, kind: note.kind, text: note.text, round: message.round, source: message.id)
        }
        world.guards.spend(message.usage)
        if let loop = reply.draft.loop { world.guards.cutLoop(of: message, span: loop.span, names: world.name) }
        world.guards.check(message, names: world.name)
        return message
    }
}
