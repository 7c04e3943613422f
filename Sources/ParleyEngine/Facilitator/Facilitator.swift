import ParleyCore
import ParleyModels
import Synchronization

/// The listener that hears every message, summarizes each round when it ends and the final
/// tradeoffs when the debate does (or concludes: again after each round added), streaming each
/// summary as events. It never hands out turns: its summaries run beside the next round.
final class Facilitator: Sendable {
    let agent: Agent
    private let spec: FacilitatorSpec
    private let model: any ChatModel
    private let prompts: PromptBuilder
    private let bus: EventBus
    private let guards: Guards
    /// What was said, round by round, as the peers' memory holds it (the same entries, shared:
    /// a facilitator of a long debate keeps no copy of what was said).
    private let transcript = Mutex<[Int: [ChatMessage]]>([:])
    /// The summaries written, each as the entry later summaries' requests carry (made once).
    private let summaries = Mutex<[(scope: SummaryScope, entry: ChatMessage)]>([])
    /// Writes each summary's trace; summaries are written one at a time.
    private let tracer: Mutex<TurnTracer>
    private let jobs: AsyncStream<Job>
    private let queue: AsyncStream<Job>.Continuation

    /// What the facilitator is asked to do, in order.
    private enum Job {
        /// Write this summary.
        case summary(SummaryScope)
        /// The final summary after this round is written: say that the debate concluded.
        case conclude(round: Int)
    }

    init(agent: Agent, spec: FacilitatorSpec, model: any ChatModel, prompts: PromptBuilder, bus: EventBus, guards: Guards) {
        self.agent = agent
        self.spec = spec
        self.model = model
        self.prompts = prompts
        self.bus = bus
        self.guards = guards
        tracer = Mutex(TurnTracer(agent: agent.id, backend: spec.backend, growsOnly: false))
        (jobs, queue) = AsyncStream.makeStream(of: Job.self)
    }

    /// Hears a message (the mesh's tap) as `entry`, the way every peer but its sender reads it.
    func hear(_ message: Message, as entry: ChatMessage) {
        transcript.withLock { $0[message.round, default: []].append(entry) }
    }

    /// Takes back a summary written before, in a debate's recorded history (a fork): later
    /// summaries build on it.
    func recall(_ summary: Summary) {
        summaries.withLock { $0.append((summary.scope, prompts.entry(summary))) }
    }

    /// Asks for the summary of a round; after the last (or the one that concluded the debate),
    /// for the final summary too.
    func roundEnded(_ round: Int, _ end: Floor.RoundEnd) {
        queue.yield(.summary(.round(round)))
        switch end {
        case .next: break
        case .concluded:
            queue.yield(.summary(.final))
            queue.yield(.conclude(round: round))
        case .over:
            queue.yield(.summary(.final))
            queue.finish()
        }
    }

    /// Writes the summaries asked for, one after the other, until the final one is written (of
    /// a debate that is over) or the task is cancelled; `concluded` hears when a final summary
    /// after `round` of a debate that lingers is written.
    func run(concluded: @Sendable (_ round: Int) -> Void = { _ in }) async {
        for await job in jobs {
            if Task.isCancelled { return }
            switch job {
            case .summary(let scope): await summarize(scope)
            case .conclude(let round): concluded(round)
            }
        }
    }

    private func summarize(_ scope: SummaryScope) async {
        let said: [ChatMessage] = transcript.withLock { rounds in
            if let round = scope.round { return rounds[round] ?? [] }
            return rounds.keys.sorted().flatMap { rounds[$0]! }
        }
        // A round's summary builds on the round's before; the final summary on every round's
        // (never on a final summary written before a round was added).
        let earlier = summaries.withLock { all in
            scope == .final ? all.filter { $0.scope != .final } : all.last { $0.scope != .final }.map { [$0] } ?? []
        }
        var messages = earlier.map(\.entry)
        messages += said
        let system = prompts.facilitatorSystem(spec, scope: scope)
        if let context = model.contextTokens,
            let (folded, count, note) = ContextGuard(contextTokens: context).fold(messages, system: system, names: prompts.name)
        {
            messages = folded
            tracer.withLock { $0.folded(&messages[0]) }
            bus.emit(.contextFolded(agent: agent.id, turns: count, note: note))
        }
        let memory = messages
        let cue = prompts.summaryCue(scope)
        messages.append(cue)
        let request = ChatRequest(
            agent: agent.id, purpose: .summary(scope), system: system, messages: messages,
            participants: prompts.participants)
        bus.emit(.summaryStarted(scope))
        let draft = ReplyDraft()
        do {
            try await model.reply(to: request) { [bus] chunk in
                if case .text(let text) = chunk { bus.emit(.summaryDelta(scope, text: text)) }
                draft.take(chunk)
            }
            let usage = draft.usage
            let summary = Summary(scope: scope, text: draft.text.trimmingWhitespace(), usage: usage)
            let entry = prompts.entry(summary)
            summaries.withLock { $0.append((scope, entry)) }
            let trace = tracer.withLock {
                $0.trace(system: system, memory: memory, cue: cue.content, draft: draft, summary: scope)
            }
            bus.batch {
                bus.emit(.turnTraced(trace))
                bus.emit(.summaryCompleted(summary))
            }
            guards.spend(usage)
        } catch is CancellationError {
            return
        } catch {
            bus.emit(
                .peerFailed(
                    PeerFailure(
                        agent: agent.id, round: scope.round ?? prompts.spec.rounds,
                        error: "the \(scope) summary failed: \(error)", retryable: false)))
        }
    }
}
