import ParleyCore
import ParleyModels

/// What turn traces' memory refers to — messages, blackboard notes, summaries, each agent's
/// context folds — gathered from a debate's events, each entry rebuilt as the engine built it
/// for the agent that read it. ``RecordedTurns`` and ``TurnRequests`` share it.
struct MemoryEntries: Sendable {
    private var messages: [MessageID: Message] = [:]
    private var notes: [Int: BlackboardNote] = [:]
    private var summaries: [SummaryScope: Summary] = [:]
    private var folds: [AgentID: [String]] = [:]
    /// The engine's prompt building, for the debate's spec.
    let prompts: PromptBuilder

    init(spec: DebateSpec, info: DebateInfo) {
        prompts = PromptBuilder(spec: spec, participants: info.agents + (info.facilitator.map { [$0] } ?? []))
    }

    /// Keeps what `event` adds that a memory may refer to.
    mutating func take(_ event: DebateEvent) {
        switch event {
        case .messageCompleted(let message), .humanMessage(let message): messages[message.id] = message
        case .blackboardNote(let note): notes[note.id] = note
        case .summaryCompleted(let summary): summaries[summary.scope] = summary
        case .contextFolded(let agent, _, let note): folds[agent, default: []].append(note)
        default: break
        }
    }

    /// The message with this id, whoever wrote it.
    func message(_ id: MessageID) -> Message? { messages[id] }

    /// The summary of this scope, when it was written.
    func summary(_ scope: SummaryScope) -> Summary? { summaries[scope] }

    /// A memory entry as the engine built it for `agent`; nil for one not seen (or a range of
    /// an earlier request, which ``MemoryRef/expand(_:against:)`` writes out first).
    func entry(_ ref: MemoryRef, for agent: AgentID) -> ChatMessage? {
        switch ref {
        case .message(let id): return messages[id].map { prompts.entry($0, for: agent) }
        case .note(let id): return notes[id].map(prompts.entry)
        case .summary(let scope): return summaries[scope].map(prompts.entry)
        case .fold(let n):
            guard let notes = folds[agent], notes.indices.contains(n - 1) else { return nil }
            var entry = PromptBuilder.fold(note: notes[n - 1], round: nil)
            entry.recordedAs = .fold(n)
            return entry
        case .earlier: return nil
        }
    }

    /// The request a trace stands for — the system prompt, each memory entry, then the cue —
    /// with its memory written out in full; nil when it refers to an entry not seen. `round` is
    /// the round of the turn's message (a summary's is its scope's).
    func request(for trace: TurnTrace, system: String, round: Int) -> ChatRequest? {
        var messages: [ChatMessage] = []
        messages.reserveCapacity(trace.memory.count + 1)
        for ref in trace.memory {
            guard let entry = entry(ref, for: trace.agent) else { return nil }
            messages.append(entry)
        }
        let purpose: ChatPurpose = if let scope = trace.summary { .summary(scope) } else { .turn(round: round) }
        messages.append(ChatMessage(role: .user, content: trace.cue, kind: .instruction, round: purpose.round))
        return ChatRequest(agent: trace.agent, purpose: purpose, system: system, messages: messages, participants: prompts.participants)
    }
}
