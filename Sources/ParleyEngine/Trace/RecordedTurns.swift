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
    /// The traced turns in the order they were answered, as the log holds them (memory against
    /// the agent's previous trace; ``turn(_:)`` writes it out in full).
    public let traces: [TurnTrace]
    /// The system prompt of each trace, in the order of ``traces``.
    private let systems: [String]
    /// For each trace, the place of the same agent's previous trace.
    private let previous: [Int?]
    private let index: [Key: Int]
    private let entries: MemoryEntries

    /// Reads the turns of a recording.
    /// - Throws: ``RecordedTurnError`` when the recording holds no spec (version 1), or an agent's
    ///   first trace has no system prompt.
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
        var previous: [Int?] = []
        var index: [Key: Int] = [:]
        var entries = MemoryEntries(spec: spec, info: info)
        var last: [AgentID: Int] = [:]
        for record in records {
            entries.take(record.event)
            switch record.event {
            case .turnTraced(let trace):
                let before = last[trace.agent]
                guard let system = trace.system ?? before.map({ systems[$0] }) else {
                    throw RecordedTurnError(
                        "the trace at event \(record.seq) has no system prompt and \(trace.agent) none before; the recording may be damaged")
                }
                previous.append(before)
                last[trace.agent] = traces.count
                if let id = trace.message { index[.message(id)] = traces.count }
                if let scope = trace.summary { index[.summary(scope)] = traces.count }
                traces.append(trace)
                systems.append(system)
            default: break
            }
        }
        self.traces = traces
        self.systems = systems
        self.previous = previous
        self.index = index
        self.entries = entries
    }

    /// The turns that can be opened, in the order they were answered.
    public var keys: [Key] {
        traces.map { trace in trace.message.map(Key.message) ?? .summary(trace.summary ?? .final) }
    }

    /// The message with this id, whoever wrote it (the person's too).
    public func message(_ id: MessageID) -> Message? { entries.message(id) }

    /// The summary of this scope, when it was written.
    public func summary(_ scope: SummaryScope) -> Summary? { entries.summary(scope) }

    /// Opens a turn: rebuilds its request and finds its answer.
    /// - Throws: ``RecordedTurnError`` when the recording holds no such turn (saying the nearest
    ///   ones, or that the message was the person's), or the trace refers to an entry it does not hold.
    public func turn(_ key: Key) throws(RecordedTurnError) -> RecordedTurn {
        guard let place = index[key] else { throw missing(key) }
        var trace = traces[place]
        trace.memory = try memory(at: place)
        let round = trace.message.flatMap { entries.message($0)?.round } ?? 0
        guard let request = entries.request(for: trace, system: systems[place], round: round) else {
            let ref = trace.memory.first { entries.entry($0, for: trace.agent) == nil }.map(\.description) ?? "an entry"
            throw RecordedTurnError("\(key) refers to \(ref), which the recording does not hold; the recording may be damaged")
        }
        return RecordedTurn(
            trace: trace, agent: info.agent(trace.agent) ?? Agent(id: trace.agent, name: trace.agent.rawValue, role: "", model: ""),
            request: request, message: trace.message.flatMap { entries.message($0) },
            summary: trace.summary.flatMap { entries.summary($0) }, backend: spec.backend(named: trace.backend))
    }

    /// The memory of trace `place` written out in full: the agent's traces expanded one after the
    /// other, from the last one that needs no previous request.
    private func memory(at place: Int) throws(RecordedTurnError) -> [MemoryRef] {
        var chain = [place]
        while traces[chain[chain.count - 1]].memory.contains(where: { if case .earlier = $0 { true } else { false } }),
            let before = previous[chain[chain.count - 1]]
        {
            chain.append(before)
        }
        var memory: [MemoryRef] = []
        for step in chain.reversed() {
            guard let expanded = MemoryRef.expand(traces[step].memory, against: memory) else {
                throw RecordedTurnError(
                    "the trace of \(keys[step]) refers to entries of \(traces[step].agent)'s previous request the recording does not hold; the recording may be damaged")
            }
            memory = expanded
        }
        return memory
    }

    /// What to say when a turn is not in the recording.
    private func missing(_ key: Key) -> RecordedTurnError {
        let list = "`parley inspect LOG` lists the turns"
        if case .message(let id) = key, let message = entries.message(id), message.sender == .human {
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
