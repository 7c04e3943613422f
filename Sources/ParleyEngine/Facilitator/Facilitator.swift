import ParleyCore
import ParleyModels
import Synchronization

/// The listener that hears every message, summarizes each round when it ends and the final
/// tradeoffs when the debate does, streaming each summary as events. It never hands out turns:
/// its summaries run beside the next round.
final class Facilitator: Sendable {
    let agent: Agent
    private let spec: FacilitatorSpec
    private let model: any ChatModel
    private let prompts: PromptBuilder
    private let bus: EventBus
    private let guards: Guards
    /// What was said, round by round.
    private let transcript = Mutex<[Int: [Message]]>([:])
    private let summaries = Mutex<[Summary]>([])
    private let jobs: AsyncStream<SummaryScope>
    private let queue: AsyncStream<SummaryScope>.Continuation

    init(agent: Agent, spec: FacilitatorSpec, model: any ChatModel, prompts: PromptBuilder, bus: EventBus, guards: Guards) {
        self.agent = agent
        self.spec = spec
        self.model = model
        self.prompts = prompts
        self.bus = bus
        self.guards = guards
        (jobs, queue) = AsyncStream.makeStream(of: SummaryScope.self)
    }

    /// Hears a message (the mesh's tap).
    func hear(_ message: Message) {
        transcript.withLock { $0[message.round, default: []].append(message) }
    }

    /// Takes back a summary written before, in a debate's recorded history (a fork): later
    /// summaries build on it.
    func recall(_ summary: Summary) {
        summaries.withLock { $0.append(summary) }
    }

    /// Asks for the summary of a round; after the last, for the final summary too.
    func roundEnded(_ round: Int, last: Bool) {
        queue.yield(.round(round))
        if last {
            queue.yield(.final)
            queue.finish()
        }
    }

    /// Writes the summaries asked for, one after the other, until the final one is written or
    /// the task is cancelled.
    func run() async {
        for await scope in jobs {
            if Task.isCancelled { return }
            await summarize(scope)
        }
    }

    private func summarize(_ scope: SummaryScope) async {
        let said: [Message] = transcript.withLock { rounds in
            if let round = scope.round { return rounds[round] ?? [] }
            return rounds.keys.sorted().flatMap { rounds[$0]! }
        }
        // A round's summary builds on the one before; the final summary on all of them.
        let earlier = summaries.withLock { scope == .final ? $0 : Array($0.suffix(1)) }
        var messages = earlier.map { summary in
            ChatMessage(
                role: .user, content: "[\(summary.scope) summary] \(summary.text)", kind: .instruction,
                round: summary.scope.round)
        }
        messages += said.map { prompts.entry($0, for: agent.id) }
        let system = prompts.facilitatorSystem(spec, scope: scope)
        if let context = model.contextTokens,
            let (folded, count, note) = ContextGuard(contextTokens: context).fold(messages, system: system, names: prompts.name)
        {
            messages = folded
            bus.emit(.contextFolded(agent: agent.id, turns: count, note: note))
        }
        messages.append(prompts.summaryCue(scope))
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
            summaries.withLock { $0.append(summary) }
            bus.emit(.summaryCompleted(summary))
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
