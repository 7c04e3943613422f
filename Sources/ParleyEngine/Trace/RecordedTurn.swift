import ParleyCore
import ParleyModels

/// One turn of a recording opened up: the request exactly as the model saw it, rebuilt from the
/// event log (the system prompt, each memory entry, the cue), and the answer.
public struct RecordedTurn: Sendable {
    /// The turn's trace, its memory written out in full (no ``MemoryRef/earlier(_:)`` ranges).
    public var trace: TurnTrace
    /// The peer (or the facilitator) asked.
    public var agent: Agent
    /// The request as the engine sent it to the model: system prompt, memory entries, then the cue.
    public var request: ChatRequest
    /// The message the turn produced; nil for a summary.
    public var message: Message?
    /// The summary the turn produced; nil for a peer's message.
    public var summary: Summary?
    /// The backend the turn ran on, from the recorded spec (its name is ``TurnTrace/backend``).
    public var backend: BackendConfig?

    /// The memory entries, without the cue.
    public var memory: ArraySlice<ChatMessage> { request.messages.dropLast() }
    /// The cue: the request's last entry.
    public var cue: ChatMessage { request.messages[request.messages.count - 1] }
    /// What the turn cost and used: its message's or summary's usage.
    public var usage: Usage { message?.usage ?? summary?.usage ?? .zero }
}

extension RecordedTurn {
    /// The request as a chat-completions body, byte for byte what an OpenAI-compatible backend
    /// sends for it (`curl -d @body.json {base_url}/chat/completions` sends it again). For a turn
    /// that ran on another backend, the body an OpenAI-compatible backend would send, with the
    /// backend's model name and sampling (for a scripted persona: model `scripted`, no sampling).
    /// - Throws: ``ModelError`` when the recorded `base_url` of an OpenAI backend cannot be read.
    public func openAIBody() throws(ModelError) -> [UInt8] {
        switch backend {
        case .openai(let config):
            return try WireBody.openAI(request, config: config)
        case .anthropic(let config):
            return try WireBody.openAI(
                request, config: OpenAIConfig(baseURL: config.baseURL, model: config.model, sampling: config.sampling))
        case .scripted, nil:
            return try WireBody.openAI(request, config: OpenAIConfig(model: "scripted"))
        }
    }

    /// The request as the Messages API body an Anthropic backend sends for it, byte for byte,
    /// when the turn ran on one; nil otherwise.
    public func anthropicBody() -> [UInt8]? {
        guard case .anthropic(let config) = backend else { return nil }
        return WireBody.anthropic(request, config: config)
    }
}
