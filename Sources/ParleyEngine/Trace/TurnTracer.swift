import ParleyCore
import ParleyModels

/// Writes the traces of one agent's turns (``TurnTrace``): it remembers the agent's previous
/// request, so that a trace holds the system prompt only when it changed and the memory only as
/// what changed since.
struct TurnTracer: Sendable {
    /// The peer, or the facilitator.
    let agent: AgentID
    /// Its backend's name in the spec.
    let backend: String
    /// Whether its memory only grows between requests (a peer's, until folded), rather than
    /// being made anew for each (the facilitator's).
    let growsOnly: Bool
    private var lastSystem: String?
    /// The references of the previous request's memory; kept only for an agent whose memory is
    /// made anew for each request (a peer's grows to the whole debate, and is written against
    /// its count).
    private var previous: [MemoryRef] = []
    /// How many references the previous request's memory held.
    private var previousRefs = 0
    /// How many entries of memory the previous request carried.
    private var previousEntries = 0
    /// Whether the memory was folded since the previous request: it is then more than appended to.
    private var reshaped = false
    /// How many times the agent's memory was folded.
    private var folds = 0

    init(agent: AgentID, backend: String, growsOnly: Bool) {
        self.agent = agent
        self.backend = backend
        self.growsOnly = growsOnly
    }

    /// Names the entry a context fold just put first in the memory (the agent's next fold).
    mutating func folded(_ entry: inout ChatMessage) {
        folds += 1
        entry.recordedAs = .fold(folds)
        reshaped = true
    }

    /// The trace of a turn: asked with `system`, `memory` (the entries before the cue) and
    /// `cue`, answered in `draft`. Remembers the request for the next trace.
    mutating func trace(
        system: String, memory: [ChatMessage], cue: String, draft: ReplyDraft, message: MessageID? = nil,
        summary: SummaryScope? = nil
    ) -> TurnTrace {
        let shownSystem = system == lastSystem ? nil : system
        lastSystem = system
        return TurnTrace(
            agent: agent, message: message, summary: summary, system: shownSystem, memory: delta(memory), cue: cue,
            backend: backend, finish: draft.cut?.rawValue ?? "stop", firstToken: draft.firstToken, duration: draft.elapsed,
            retries: draft.retries, choice: draft.choice)
    }

    /// The memory's references against the previous request's: when the memory only grew since,
    /// one range and what was added (in time and memory linear in what was added); a peer's
    /// memory just folded (bounded by its model's context) is written whole.
    private mutating func delta(_ memory: [ChatMessage]) -> [MemoryRef] {
        defer {
            previousEntries = memory.count
            reshaped = false
        }
        if growsOnly, !reshaped, memory.count >= previousEntries {
            let added = memory[previousEntries...].compactMap(\.reference)
            let delta: [MemoryRef] = (previousRefs == 0 ? [] : [.earlier(0..<previousRefs)]) + added
            previousRefs += added.count
            return delta
        }
        let refs = memory.compactMap(\.reference)
        previousRefs = refs.count
        if growsOnly { return refs }
        let delta = MemoryRef.delta(refs, against: previous)
        previous = refs
        return delta
    }
}
