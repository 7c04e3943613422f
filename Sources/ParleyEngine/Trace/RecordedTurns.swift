import ParleyCore
import ParleyModels

/// The turns of a recording (event log version 2) that a model answered, each openable as a
/// ``RecordedTurn``: the engine's own prompt building applied to what the log holds, so the
/// request comes out as the model saw it. For the inspector, in the shell (`parley inspect`) and
/// in the observer.
///
/// ```swift
/// let turns = try RecordedTurns(records: EventLogReader.read(path: path).records)
/// let turn = try turns.turn(.message(MessageID(12)))
/// print(turn.request.system, turn.cue.content)
/// ```
public struct RecordedTurns: Sendable {
    /// Which turn to open: a message's, or a summary's.
    public enum Key: Sendable, Hashable, CustomStringConvertible {
        case message(MessageID)
        case summary(SummaryScope)

        public var description: String {
            switch self {
            case .message(let id): "#\(id.rawValue)"
            case .summary(.round(let round)): "s\(round)"
            case .summary(.final): "sfinal"
            }
        }

        /// Reads `12`, `#12`, `m12`, `s3` (round 3's summary) or `sfinal`; nil for anything else.
        public init?(_ text: String) {
            let text = text.trimmingWhitespace()
            if let id = Int(text.hasPrefix("#") || text.hasPrefix("m") ? String(text.dropFirst()) : text), id > 0 {
                self = .message(MessageID(id))
            } else if case .summary(let scope)? = MemoryRef(text) {
                self = .summary(scope)
            } else {
                return nil
            }
        }
    }

    /// What the recording's first event announced.
    public let info: DebateInfo
    /// The recorded spec.
    public let spec: DebateSpec
    /// The traced turns in the order they were answered, their memory written out in full.
    public let traces: [TurnTrace]
    /// The system prompt of each trace, in the order of ``traces``.
    private let systems: [String]
    private let index: [Key: Int]
    private let messages: [MessageID: Message]
    private let notes: [Int: BlackboardNote]
    private let summaries: [SummaryScope: Summary]
    private let folds: [AgentID: [String]]
    private let prompts: PromptBuilder

    /// Reads the turns of a recording.
    /// - Throws: ``RecordedTurnError`` when the recording holds no spec (version 1) or a trace
    ///   refers to entries its agent's previous request did not have.
    public init(records: [EventRecord]) throws(RecordedTurnError) {
        guard let info = records.lazy.compactMap({ record -> DebateInfo? in
            if case .debateStarted(let info) = record.event { info } else { nil }
        }).first else {
            throw RecordedTurnError("the recording holds no debateStarted event; it may be damaged")
        }
        do {
            spec = try DebateSpec(recorded: info)
        } catch {
            throw RecordedTurnError("\(error)")
        }
        self.info = info
        var traces: [TurnTrace] = []
        var systems: [String] = []
        var index: [Key: Int] = [:]
        var messages: [MessageID: Message] = [:]
        var notes: [Int: BlackboardNote] = [:]
        var summaries: [SummaryScope: Summary] = [:]
        var folds: [AgentID: [String]] = [:]
        var last: [AgentID: (system: String, memory: [MemoryRef])] = [:]
        for record in records {
            switch record.event {
            case .messageCompleted(let message), .humanMessage(let message): messages[message.id] = message
            case .blackboardNote(let note): notes[note.id] = note
            case .summaryCompleted(let summary): summaries[summary.scope] = summary
            case .contextFolded(let agent, _, let note): folds[agent, default: []].append(note)
            case .turnTraced(var trace):
                let before = last[trace.agent]
                guard let memory = MemoryRef.expand(trace.memory, against: before?.memory ?? []),
                    let system = trace.system ?? before?.system
                else {
                    throw RecordedTurnError(
                        "the trace at event \(record.seq) refers to a request of \(trace.agent) the recording does not hold; the recording may be damaged")
                }
                trace.memory = memory
                last[trace.agent] = (system, memory)
                if let id = trace.message { index[.message(id)] = traces.count }
                if let scope = trace.summary { index[.summary(scope)] = traces.count }
                traces.append(trace)
                systems.append(system)
            default: break
            }
        }
        self.traces = traces
        self.systems = systems
        self.index = index
        self.messages = messages
        self.notes = notes
        self.summaries = summaries
        self.folds = folds
        prompts = PromptBuilder(spec: spec, participants: info.agents + (info.facilitator.map { [$0] } ?? []))
    }

    /// The turns that can be opened, in the order they were answered.
    public var keys: [Key] {
        traces.map { trace in trace.message.map(Key.message) ?? .summary(trace.summary ?? .final) }
    }

    /// The message with this id, whoever wrote it (the person's too).
    public func message(_ id: MessageID) -> Message? { messages[id] }

    /// Opens a turn: rebuilds its request and finds its answer.
    /// - Throws: ``RecordedTurnError`` when the recording holds no such turn (saying the nearest
    ///   ones, or that the message was the person's), or the trace refers to an entry it does not hold.
    public func turn(_ key: Key) throws(RecordedTurnError) -> RecordedTurn {
        guard let place = index[key] else { throw missing(key) }
        let trace = traces[place]
        var entries: [ChatMessage] = []
        var folded = 0
        for ref in trace.memory {
            guard let entry = entry(ref, for: trace.agent, folds: &folded) else {
                throw RecordedTurnError("\(key) refers to \(ref), which the recording does not hold; the recording may be damaged")
            }
            entries.append(entry)
        }
        let purpose: ChatPurpose =
            if let scope = trace.summary { .summary(scope) } else { .turn(round: messages[trace.message!]?.round ?? 0) }
        entries.append(ChatMessage(role: .user, content: trace.cue, kind: .instruction, round: purpose.round))
        let request = ChatRequest(
            agent: trace.agent, purpose: purpose, system: systems[place], messages: entries, participants: prompts.participants)
        return RecordedTurn(
            trace: trace, agent: info.agent(trace.agent) ?? Agent(id: trace.agent, name: trace.agent.rawValue, role: "", model: ""),
            request: request, message: trace.message.flatMap { messages[$0] }, summary: trace.summary.flatMap { summaries[$0] },
            backend: spec.backend(named: trace.backend))
    }

    /// A memory entry as the engine built it for `agent`.
    private func entry(_ ref: MemoryRef, for agent: AgentID, folds folded: inout Int) -> ChatMessage? {
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

    /// What to say when a turn is not in the recording.
    private func missing(_ key: Key) -> RecordedTurnError {
        let list = "`parley inspect LOG` lists the turns"
        if case .message(let id) = key, let message = messages[id], message.sender == .human {
            return RecordedTurnError("\(key) is the person's message: no model was asked for it; \(list)")
        }
        guard !traces.isEmpty else {
            return RecordedTurnError("the recording holds no model turn to inspect")
        }
        let nearest: [Key]
        if case .message(let id) = key {
            let ids = keys.compactMap { key -> MessageID? in if case .message(let id) = key { id } else { nil } }
            nearest = ids.sorted { abs($0.rawValue - id.rawValue) < abs($1.rawValue - id.rawValue) }.prefix(3).sorted().map(Key.message)
        } else {
            nearest = keys.filter { if case .summary = $0 { true } else { false } }.suffix(3)
        }
        let near = nearest.isEmpty ? "" : " (nearest: \(nearest.map(\.description).joined(separator: ", ")))"
        return RecordedTurnError("the recording holds no model turn \(key)\(near); \(list)")
    }
}

extension ChatPurpose {
    /// The round the turn or summary is of; nil for the final summary.
    var round: Int? {
        switch self {
        case .turn(let round): round
        case .summary(let scope): scope.round
        }
    }
}

/// A turn could not be opened from a recording.
public struct RecordedTurnError: Error, CustomStringConvertible, Sendable {
    /// What is wrong and what to do.
    public var description: String

    init(_ description: String) { self.description = description }
}
