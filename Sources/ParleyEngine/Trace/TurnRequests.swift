import ParleyCore
import ParleyModels

/// The requests of a live debate's turns, rebuilt from its events as they come — what
/// ``RecordedTurns`` does for a whole recording, one event at a time — so that a trace can show
/// what each model was asked (`--otlp-content`).
///
/// ```swift
/// var requests = try TurnRequests(info: info)
/// for record in records {
///     if let request = requests.take(record.event) { print(request.system, request.messages.count) }
/// }
/// ```
public struct TurnRequests: Sendable {
    private var entries: MemoryEntries
    /// Each agent's latest request's memory, written out in full.
    private var memories: [AgentID: [MemoryRef]] = [:]
    /// Each agent's latest system prompt (a trace carries it only when it changed).
    private var systems: [AgentID: String] = [:]
    /// The round of each message whose turn began.
    private var rounds: [MessageID: Int] = [:]

    /// Starts from a debate's first event.
    /// - Throws: ``RecordedTurnError`` when `info` holds no spec (an event log of version 1).
    public init(info: DebateInfo) throws(RecordedTurnError) {
        let spec: DebateSpec
        do {
            spec = try DebateSpec(recorded: info)
        } catch {
            throw RecordedTurnError("\(error)")
        }
        entries = MemoryEntries(spec: spec, info: info)
    }

    /// Takes the debate's next event. For a `turnTraced`, returns the request its model was
    /// sent; nil for other events, and for a trace that refers to what was not seen.
    public mutating func take(_ event: DebateEvent) -> ChatRequest? {
        entries.take(event)
        switch event {
        case .turnStarted(_, let round, let message):
            rounds[message] = round
            return nil
        case .messageCompleted(let message):
            rounds[message.id] = nil
            return nil
        case .turnTraced(let trace):
            if let system = trace.system { systems[trace.agent] = system }
            guard let system = systems[trace.agent],
                let memory = MemoryRef.expand(trace.memory, against: memories[trace.agent] ?? [])
            else { return nil }
            memories[trace.agent] = memory
            var full = trace
            full.memory = memory
            return entries.request(for: full, system: system, round: trace.message.flatMap { rounds[$0] } ?? 0)
        default:
            return nil
        }
    }
}
