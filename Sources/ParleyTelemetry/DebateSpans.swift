import Foundation
import ParleyCore
import ParleyEngine
import ParleyModels
import Synchronization
import Tracing

/// The spans of one debate, made from its events as they happen (``take(_:)``, a sink on the
/// debate's bus), following the OpenTelemetry GenAI conventions:
///
/// - `invoke_workflow {title}`: the debate, from its start to its end;
/// - `invoke_agent {name}` under it: each turn, a peer's message or the facilitator's summary,
///   from the floor taken to the message delivered (or the turn failed);
/// - `chat {model}` under a turn: each model call, from asking to the complete answer; a call
///   that failed and was retried gets its own span, with status error.
///
/// The spans carry the events' own instants. The history a fork shows again is not traced (its
/// parent's trace holds it). Message contents go into the spans only when `content` is set.
public final class DebateSpans<T: Tracer>: Sendable {
    let tracer: T
    let conversation: String
    let content: Bool
    private let state: Mutex<State>

    /// A turn whose agent span is open.
    struct Turn {
        var span: T.Span
        var agent: Agent
        var backend: BackendConfig?
        /// When the current model call began (the turn's start, or after a retry's delay).
        var attempt: Double
        var retries = 0
        var trace: TurnTrace?
        var tracedAt = 0.0
        /// What the model was sent, rebuilt (with contents only).
        var request: ChatRequest?
    }

    struct State {
        var workflow: T.Span?
        /// The wall-clock seconds (since the Unix epoch) of the debate's time 0.
        var origin = 0.0
        var info: DebateInfo?
        var spec: DebateSpec?
        /// The last event of a fork's shared history: events up to it are not traced.
        var shared = 0
        var turns: [RecordedTurns.Key: Turn] = [:]
        var agentTurns: [AgentID: RecordedTurns.Key] = [:]
        /// Each agent's latest system prompt (a trace carries it only when it changed).
        var systems: [AgentID: String] = [:]
        /// The requests rebuilt from the events, with contents only.
        var requests: TurnRequests?
    }

    /// Makes the spans of a debate on `tracer`; `conversation` is its `gen_ai.conversation.id`.
    /// `now` is the wall clock, in seconds since the Unix epoch.
    public init(
        tracer: T, conversation: String, content: Bool, now: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }
    ) {
        self.tracer = tracer
        self.conversation = conversation
        self.content = content
        self.now = now
        state = Mutex(State())
    }

    private let now: @Sendable () -> Double

    /// Takes the debate's next event: starts, fills or ends the spans it concerns.
    public func take(_ record: EventRecord) {
        state.withLock { state in
            if case .debateStarted(let info) = record.event {
                start(info, at: record.time, in: &state)
                return
            }
            guard state.workflow != nil else { return }
            // A fork's shared history is read for what later requests refer to, not traced.
            let request = state.requests?.take(record.event)
            guard record.seq > state.shared else { return }
            take(record.event, at: record.time, in: &state)
            if let request, case .turnTraced(let trace) = record.event, let key = Self.key(of: trace) {
                state.turns[key]?.request = request
            }
        }
    }

    private func take(_ event: DebateEvent, at time: Double, in state: inout State) {
        switch event {
        case .turnStarted(let agent, let round, let message):
            open(.message(message), agent: agent, at: time, in: &state) { attributes in
                attributes[GenAIKeys.round] = round
                attributes[GenAIKeys.messageID] = message.rawValue
            }
        case .summaryStarted(let scope):
            open(.summary(scope), agent: .facilitator, at: time, in: &state) { attributes in
                attributes[GenAIKeys.summary] = scope.description
                if let round = scope.round { attributes[GenAIKeys.round] = round }
            }
        case .turnRetrying(let agent, let attempt, let delay, let reason):
            retrying(agent, attempt: attempt, delay: delay, reason: reason, at: time, in: &state)
        case .turnTraced(let trace):
            traced(trace, at: time, in: &state)
        case .messageCompleted(let message):
            complete(.message(message.id), usage: message.usage, answer: message.text, reasoning: message.reasoning, at: time, in: &state) {
                $0[GenAIKeys.messageTo] = Self.addressees(message.to)
            }
        case .summaryCompleted(let summary):
            complete(.summary(summary.scope), usage: summary.usage, answer: summary.text, reasoning: nil, at: time, in: &state) { _ in }
        case .peerFailed(let failure):
            fail(failure, at: time, in: &state)
        case .humanMessage(let message):
            var attributes: SpanAttributes = [:]
            attributes[GenAIKeys.messageID] = message.id.rawValue
            attributes[GenAIKeys.round] = message.round
            attributes[GenAIKeys.messageTo] = Self.addressees(message.to)
            if content { attributes[GenAIKeys.text] = message.text }
            state.workflow?.addEvent(SpanEvent(name: "parley.human_message", at: instant(time, state), attributes: attributes))
        case .roundStarted(let round), .roundEnded(let round):
            let name = if case .roundStarted = event { "parley.round_started" } else { "parley.round_ended" }
            state.workflow?.addEvent(SpanEvent(name: name, at: instant(time, state), attributes: [GenAIKeys.round: .int(Int64(round))]))
        case .guardTripped(let trip):
            var attributes: SpanAttributes = [GenAIKeys.guardKind: .string(trip.kind.description)]
            if let agent = trip.agent { attributes[GenAIKeys.agentID] = agent.rawValue }
            state.workflow?.addEvent(SpanEvent(name: "parley.guard_tripped", at: instant(time, state), attributes: attributes))
        case .debateFinished(let reason, let usage):
            finish(reason, usage: usage, at: time, in: &state)
        default:
            break
        }
    }

    // MARK: - The debate

    private func start(_ info: DebateInfo, at time: Double, in state: inout State) {
        guard state.workflow == nil else { return }
        state.origin = now() - time
        state.info = info
        state.spec = try? DebateSpec(recorded: info)
        state.shared = info.fork?.sharedThrough ?? 0
        if content { state.requests = try? TurnRequests(info: info) }
        let span = tracer.startSpan("invoke_workflow \(info.title)", context: .topLevel, ofKind: .internal, at: instant(time, state))
        span.attributes[GenAIKeys.operation] = "invoke_workflow"
        span.attributes[GenAIKeys.workflowName] = info.title
        span.attributes[GenAIKeys.conversation] = conversation
        span.attributes[GenAIKeys.floor] = info.floor.description
        span.attributes[GenAIKeys.rounds] = info.rounds
        if content { span.attributes[GenAIKeys.question] = info.question }
        if let fork = info.fork {
            if let parent = fork.parent { span.attributes[GenAIKeys.forkParent] = parent }
            span.attributes[GenAIKeys.forkMessage] = fork.message.rawValue
        }
        state.workflow = span
    }

    private func finish(_ reason: FinishReason, usage: Usage, at time: Double, in state: inout State) {
        for key in state.turns.keys {
            end(key, status: SpanStatus(code: .error, message: "the debate ended during the turn"), error: "cancelled", at: time, in: &state)
        }
        guard let span = state.workflow else { return }
        span.attributes[GenAIKeys.finish] = reason.description
        span.attributes[GenAIKeys.inputTokens] = usage.promptTokens
        span.attributes[GenAIKeys.outputTokens] = usage.completionTokens
        if let cost = usage.cost { span.attributes[GenAIKeys.cost] = cost }
        if case .failed(let error) = reason {
            span.attributes[GenAIKeys.errorType] = "failed"
            span.setStatus(SpanStatus(code: .error, message: error))
        }
        span.end(at: instant(time, state))
        state.workflow = nil
    }

    // MARK: - Helpers

    /// The turn a trace is of: its message's, or its summary's.
    static func key(of trace: TurnTrace) -> RecordedTurns.Key? {
        trace.message.map { .message($0) } ?? trace.summary.map { .summary($0) }
    }

    func backendName(of agent: AgentID, in state: State) -> String? {
        if agent == .facilitator { return state.spec?.facilitator?.backend }
        return state.spec?.agents.first { $0.id == agent }?.backend
    }

    func instant(_ time: Double, _ state: State) -> SpanInstant { SpanInstant(seconds: state.origin + time) }

    /// `gen_ai.provider.name`: the API's flavour (`openai` for every OpenAI-compatible server).
    static func provider(_ backend: BackendConfig?) -> String {
        switch backend {
        case .openai: "openai"
        case .anthropic: "anthropic"
        case .scripted: "parley.scripted"
        case nil: "parley.unknown"
        }
    }

    /// `parley.message.to`: `everyone`, or the addressed peers' ids.
    static func addressees(_ address: Address) -> [String] {
        switch address {
        case .everyone: ["everyone"]
        case .peers(let ids): ids.map(\.rawValue)
        }
    }
}
