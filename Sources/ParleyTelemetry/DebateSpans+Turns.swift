import ParleyCore
import ParleyEngine
import ParleyModels
import Tracing

/// A turn's spans: its `invoke_agent` span opened when the floor is taken, a `chat` span for
/// each model call (the failed ones with status error), and the turn's end.
extension DebateSpans {
    func open(
        _ key: RecordedTurns.Key, agent id: AgentID, at time: Double, in state: inout State, with more: (inout SpanAttributes) -> Void
    ) {
        guard let workflow = state.workflow else { return }
        if state.turns[key] != nil {
            end(key, status: SpanStatus(code: .error, message: "the turn began again"), error: "restarted", at: time, in: &state)
        }
        let agent = state.info?.agent(id) ?? Agent(id: id, name: id.rawValue, role: "", model: "")
        let backend = backendName(of: id, in: state).flatMap { state.spec?.backend(named: $0) }
        let span = tracer.startSpan("invoke_agent \(agent.name)", context: workflow.context, ofKind: .internal, at: instant(time, state))
        span.attributes[GenAIKeys.operation] = "invoke_agent"
        span.attributes[GenAIKeys.agentName] = agent.name
        span.attributes[GenAIKeys.agentID] = agent.id.rawValue
        if !agent.role.isEmpty { span.attributes[GenAIKeys.agentDescription] = agent.role }
        span.attributes[GenAIKeys.provider] = Self.provider(backend)
        span.attributes[GenAIKeys.requestModel] = agent.model
        span.attributes[GenAIKeys.conversation] = conversation
        if let floor = state.info?.floor { span.attributes[GenAIKeys.floor] = floor.description }
        more(&span.attributes)
        state.turns[key] = Turn(span: span, agent: agent, backend: backend, attempt: time)
        state.agentTurns[id] = key
    }

    func retrying(_ agent: AgentID, attempt: Int, delay: Double, reason: String, at time: Double, in state: inout State) {
        guard let key = state.agentTurns[agent], var turn = state.turns[key] else { return }
        let span = chat(turn, from: turn.attempt, in: state)
        span.attributes[GenAIKeys.attempt] = attempt
        span.attributes[GenAIKeys.errorType] = "retried"
        span.setStatus(SpanStatus(code: .error, message: reason))
        span.end(at: instant(time, state))
        turn.retries += 1
        turn.attempt = time + max(0, delay)
        state.turns[key] = turn
    }

    func traced(_ trace: TurnTrace, at time: Double, in state: inout State) {
        if let system = trace.system { state.systems[trace.agent] = system }
        guard let key = Self.key(of: trace), var turn = state.turns[key] else { return }
        turn.trace = trace
        turn.tracedAt = time
        state.turns[key] = turn
    }

    func complete(
        _ key: RecordedTurns.Key, usage: Usage, answer: String, reasoning: String?, at time: Double, in state: inout State,
        with more: (inout SpanAttributes) -> Void
    ) {
        guard let turn = state.turns[key] else { return }
        if let trace = turn.trace {
            let call = chat(turn, from: max(turn.attempt, turn.tracedAt - trace.duration), in: state)
            call.attributes[GenAIKeys.finishReasons] = [trace.finish]
            call.attributes[GenAIKeys.inputTokens] = usage.promptTokens
            call.attributes[GenAIKeys.outputTokens] = usage.completionTokens
            if let first = trace.firstToken { call.attributes[GenAIKeys.firstChunk] = first }
            if trace.retries > 0 { call.attributes[GenAIKeys.retries] = trace.retries }
            if content {
                if let system = turn.request?.system ?? state.systems[trace.agent] {
                    call.attributes[GenAIKeys.systemInstructions] = SpanContent.instructions(system)
                }
                let input = turn.request?.messages.map { (role: $0.role.rawValue, content: $0.content) } ?? [(role: "user", content: trace.cue)]
                call.attributes[GenAIKeys.inputMessages] = SpanContent.input(input)
                call.attributes[GenAIKeys.outputMessages] = SpanContent.output(answer, reasoning: reasoning, finish: trace.finish)
            }
            call.end(at: instant(turn.tracedAt, state))
        }
        let span = turn.span
        span.attributes[GenAIKeys.inputTokens] = usage.promptTokens
        span.attributes[GenAIKeys.outputTokens] = usage.completionTokens
        if let cost = usage.cost { span.attributes[GenAIKeys.cost] = cost }
        if let finish = turn.trace?.finish { span.attributes[GenAIKeys.finishReasons] = [finish] }
        if content { span.attributes[GenAIKeys.outputMessages] = SpanContent.output(answer, reasoning: reasoning, finish: turn.trace?.finish ?? "stop") }
        more(&span.attributes)
        end(key, status: nil, error: nil, at: time, in: &state)
    }

    func fail(_ failure: PeerFailure, at time: Double, in state: inout State) {
        guard let key = state.agentTurns[failure.agent], let turn = state.turns[key] else { return }
        let kind = failure.cancelled ? "cancelled" : "failed"
        if turn.trace == nil {
            let call = chat(turn, from: turn.attempt, in: state)
            call.attributes[GenAIKeys.errorType] = kind
            call.setStatus(SpanStatus(code: .error, message: failure.error))
            call.end(at: instant(time, state))
        }
        end(key, status: SpanStatus(code: .error, message: failure.error), error: kind, at: time, in: &state)
    }

    /// Ends a turn's agent span.
    func end(_ key: RecordedTurns.Key, status: SpanStatus?, error: String?, at time: Double, in state: inout State) {
        guard let turn = state.turns.removeValue(forKey: key) else { return }
        if state.agentTurns[turn.agent.id] == key { state.agentTurns[turn.agent.id] = nil }
        if let status { turn.span.setStatus(status) }
        if let error { turn.span.attributes[GenAIKeys.errorType] = error }
        if turn.retries > 0 { turn.span.attributes[GenAIKeys.retries] = turn.retries }
        turn.span.end(at: instant(time, state))
    }

    /// A model call's span under the turn, started at `start`.
    func chat(_ turn: Turn, from start: Double, in state: State) -> T.Span {
        let model = turn.agent.model.isEmpty ? "model" : turn.agent.model
        let span = tracer.startSpan("chat \(model)", context: turn.span.context, ofKind: .client, at: instant(start, state))
        span.attributes[GenAIKeys.operation] = "chat"
        span.attributes[GenAIKeys.provider] = Self.provider(turn.backend)
        span.attributes[GenAIKeys.requestModel] = model
        span.attributes[GenAIKeys.conversation] = conversation
        if let name = turn.trace?.backend ?? backendName(of: turn.agent.id, in: state) { span.attributes[GenAIKeys.backend] = name }
        turn.backend?.describe(into: &span.attributes)
        return span
    }
}
