import Foundation
import ParleyCore
import ParleyModels

/// A peer debate: its peers, the mesh between them, the floor they follow, the pace gate, the
/// blackboard, the guards and the facilitator — and the one ordered stream of events it emits.
///
/// ```swift
/// let debate = try Debate(spec: spec)
/// let events = debate.events()      // subscribe before running
/// Task { await debate.run() }
/// debate.send(.pause)
/// ```
public final class Debate: DebateSource {
    /// What the debate is, as its first event announces.
    public let info: DebateInfo
    /// Its event stream.
    public let bus: EventBus
    let world: DebateWorld
    private let peers: [Peer]
    let facilitator: Facilitator?
    private let stopper = Monitor(false)
    /// The history a fork shows again before its own events; nil for a debate from its start.
    private let shared: [EventRecord]?

    /// Builds a debate from a spec. A debate that `lingers` (the interactive observer's) does
    /// not end when its rounds are done: it concludes (`debateConcluded`, after the final
    /// summary) and keeps its peers, floor, facilitator and memories, so that ``DebateCommand/addRound``
    /// still holds one more round; it ends when stopped (the person quits), or for good when a
    /// guard or a failure ends it. Otherwise it ends at once, as headless runs need.
    /// - Throws: ``DebateSetupError`` when an agent's backend is missing or cannot be made.
    public convenience init(
        spec: DebateSpec, models: ModelProvider = ModelProvider(), policy: FailurePolicy = .hold, lingers: Bool = false
    ) throws {
        try self.init(spec: spec, models: models, policy: policy, lingers: lingers, fork: nil)
    }

    /// Builds a debate from a spec, going on from a fork point's state when one is given.
    init(spec: DebateSpec, models: ModelProvider, policy: FailurePolicy, lingers: Bool = false, fork point: ForkPoint?) throws {
        let peerModels = try spec.agents.map { try models.model(for: $0, in: spec) }
        let agents = zip(spec.agents, peerModels).map { agent, model in
            Agent(
                id: agent.id, name: agent.name, role: agent.role, model: model.label, colour: agent.colour,
                showsReasoning: spec.backend(named: agent.backend)?.showsReasoning ?? true)
        }
        let listener = try spec.facilitator.map { facilitator in
            let model = try models.model(for: facilitator, in: spec)
            return (spec: facilitator, model: model, agent: Agent(id: .facilitator, name: facilitator.name, role: "facilitator", model: model.label))
        }
        let prompts = PromptBuilder(spec: spec, participants: agents + (listener.map { [$0.agent] } ?? []))
        let history = point.map { DebateHistory(records: $0.records, spec: spec, prompts: prompts) }
        info = DebateInfo(
            title: spec.title, question: spec.question, floor: spec.floor, rounds: history?.floor.rounds ?? spec.rounds,
            agents: agents, facilitator: listener?.agent, pace: spec.pace, tokenBudget: spec.guards.tokenBudget,
            costBudget: spec.guards.costBudget, spec: spec.recorded,
            fork: point.map { ForkOrigin(parent: $0.parent, message: $0.message, sharedThrough: 1 + (history?.shared.count ?? 0)) })
        shared = history?.shared

        let bus = EventBus(elapsed: history?.shared.last?.time ?? 0)
        self.bus = bus
        let guards = Guards(spec: spec.guards, bus: bus)
        let facilitator = listener.map { listener in
            Facilitator(
                agent: listener.agent, spec: listener.spec, model: listener.model, prompts: prompts, bus: bus, guards: guards)
        }
        self.facilitator = facilitator
        let floor = Floor(
            ring: spec.agents.map(\.id), rule: spec.floor, rounds: spec.rounds, lingers: lingers,
            summarized: facilitator != nil, bus: bus, state: history?.floor, shouldEnd: { guards.stopReason != nil },
            onRoundEnded: { round, end in facilitator?.roundEnded(round, end) })
        let inboxes = Dictionary(uniqueKeysWithValues: spec.agents.map { ($0.id, Inbox()) })
        let taps: [@Sendable (Message, ChatMessage) -> Void] = facilitator.map { facilitator in [{ facilitator.hear($0, as: $1) }] } ?? []
        let mesh = Mesh(inboxes: inboxes, taps: taps)
        let stopper = self.stopper
        let world = DebateWorld(
            bus: bus, mesh: mesh, floor: floor, pace: PaceGate(spec.pace, bus: bus),
            blackboard: Blackboard(bus: bus, entry: { prompts.entry($0) }), guards: guards, prompts: prompts, turnTimeout: spec.guards.turnTimeout,
            policy: policy, lastMessageID: history?.lastMessageID ?? 0, stop: { stopper.update { $0 = true } })
        peers = zip(spec.agents, agents).enumerated().map { index, pair in
            Peer(
                spec: pair.0, agent: pair.1, model: peerModels[index], inbox: inboxes[pair.0.id]!, world: world,
                history: history?.peers[pair.0.id])
        }
        self.world = world
        if let history { recall(history) }
    }

    /// The debate's events from now on, ending after `debateFinished`. Subscribe before `run()`
    /// to see them all.
    public func events() -> EventFeed { bus.subscribe() }

    /// Writes every later event to an event log.
    public func record(to log: EventLogWriter) {
        bus.addSink({ log.encode($0) }, flush: { log.flush() })
    }

    /// The blackboard the peers share.
    public var blackboard: Blackboard { world.blackboard }

    /// Sends a command; it takes effect at once, mid-turn too.
    public func send(_ command: DebateCommand) {
        switch command {
        case .pause: world.pace.pause()
        case .resume: world.pace.resume()
        case .stepTurn: world.pace.stepTurn()
        case .stepRound: world.pace.stepRound()
        case .setDelay(let seconds): world.pace.setDelay(seconds)
        case .setSpeed: break  // a replay's; a live debate's pace is its delay
        case .inject(let text, let address): inject(text, to: address)
        case .retryTurn: world.failures.resolve(.retry)
        case .skipTurn: world.failures.resolve(.skip)
        case .addRound: world.floor.addRound()
        case .cancelTurn:
            for peer in peers { Task { await peer.cancelTurn() } }
        case .stop: stopper.update { $0 = true }
        }
    }

    /// Runs the debate to its end: every round held (or a guard or a failure ended it) and the
    /// final summary written, or `stop` sent. Returns only when every task it started has ended.
    @discardableResult
    public func run() async -> FinishReason {
        bus.emit(.debateStarted(info))
        if let shared {
            bus.batch { for record in shared { bus.emit(record.event, at: record.time) } }
        } else {
            world.floor.open()
        }
        let stopper = self.stopper
        let stopped = await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                (try? await stopper.wait { $0 ? true : nil }) ?? false
            }
            group.addTask { [peers, facilitator, world] in
                await withTaskGroup(of: Void.self) { debate in
                    for peer in peers { debate.addTask(executorPreference: world.executor) { await peer.run() } }
                    if let facilitator {
                        debate.addTask { await facilitator.run(concluded: { world.floor.conclude(after: $0) }) }
                    }
                }
                return false
            }
            let first = await group.next() ?? true
            group.cancelAll()
            closeEverything()
            return first
        }
        // Quitting a debate that concluded ends one that ran its course.
        let reason: FinishReason =
            if let failure = world.fatalFailure { .failed(failure) }
            else if stopped && !world.floor.isConcluded { .stopped }
            else if let kind = world.guards.stopReason { .guardTripped(kind) }
            else { .completed }
        bus.emit(.debateFinished(reason, usage: world.guards.usage))
        return reason
    }

    private func closeEverything() {
        world.floor.close()
        world.pace.close()
        world.failures.close()
        stopper.close()
    }

    private func inject(_ text: String, to address: Address) {
        let text = text.trimmingWhitespace()
        guard !text.isEmpty else { return }
        let now = Date.now
        let message = Message(
            id: world.nextMessageID(), sender: .human, to: address, round: world.floor.round, text: text,
            startedAt: now, completedAt: now)
        world.bus.batch {
            world.bus.emit(.humanMessage(message))
            world.mesh.deliver(message, as: world.prompts.heard(message))
            let addressed = address.named ?? info.agents.map(\.id)
            let unheard = addressed.filter { !world.floor.hasTurnLeft($0) }
            if !unheard.isEmpty { world.bus.emit(.unheard(peers: unheard, message: message.id)) }
        }
    }
}
