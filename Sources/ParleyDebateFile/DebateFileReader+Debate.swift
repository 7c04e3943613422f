import ParleyCore
import ParleyEngine
import ParleyFiles
import Yams

/// The top of a debate file: title, question, rounds, floor protocol, pace and guards.
extension DebateFileReader {
    /// The keys a debate file may have at the top.
    static let debateKeys = [
        "title", "question", "topic", "rounds", "protocol", "pace", "guards", "backends", "agents", "facilitator",
    ]

    /// The debate the file describes, defaults filled in; nil when it is not even a mapping.
    /// Credentials anywhere in the file are refused first. Check ``problems`` before trusting the result.
    mutating func debate(from root: Node) -> DebateSpec? {
        refuseSecrets(in: root)
        guard let fields = fields(
            of: root, at: .root, expecting: "a mapping of debate settings (title, question, agents, ...)",
            keys: Self.debateKeys
        ) else { return nil }
        let title = required("title", in: fields) { $0.text($1, at: $2) }
        let question = question(in: fields)
        let rounds = optional("rounds", in: fields) { reader, node, path in
            reader.wholeNumber(node, at: path, expecting: "a whole number from 1 to 1000") { DebateFile.roundLimits.contains($0) }
        }
        let floor = optional("protocol", in: fields) { reader, node, path in
            reader.choice(node, at: path, among: FloorProtocol.allCases.map { ($0.rawValue, $0) })
        }
        let pace = optional("pace", in: fields) { $0.pace($1, at: $2) }
        let guards = optional("guards", in: fields) { $0.guards($1, at: $2) }
        let backends = backends(fields["backends"], at: .root.key("backends"))
        let agents = agents(in: fields, backends: backends.catalog)
        let facilitator = facilitator(fields["facilitator"], at: .root.key("facilitator"), backends: backends.catalog)
        return DebateSpec(
            title: title ?? "", question: question ?? "", rounds: rounds ?? 3, floor: floor ?? .roundRobin,
            pace: pace ?? PaceState(mode: .live), guards: guards ?? GuardSpec(), backends: backends.configs,
            agents: agents, facilitator: facilitator
        )
    }

    /// The value of `key` in `fields` read by `read`; nil when absent (or unreadable, reported).
    mutating func optional<Value>(
        _ key: String, in fields: Fields, read: (inout Self, Node, FieldPath) -> Value?
    ) -> Value? {
        guard let node = fields[key] else { return nil }
        return read(&self, node, fields.path.key(key))
    }

    /// The value of `key` in `fields` read by `read`; nil when absent (reported) or unreadable.
    mutating func required<Value>(
        _ key: String, in fields: Fields, suggestion: String? = nil, read: (inout Self, Node, FieldPath) -> Value?
    ) -> Value? {
        guard fields[key] != nil else {
            missing(key, in: fields, suggestion: suggestion)
            return nil
        }
        return optional(key, in: fields, read: read)
    }

    /// The question, written as `question` or its alias `topic` (not both).
    private mutating func question(in fields: Fields) -> String? {
        guard fields.entry("question") != nil || fields.entry("topic") != nil else {
            missing("question", in: fields, suggestion: "add the question the agents debate (question: Should we ...?)")
            return nil
        }
        guard let entry = entry("question", orAlias: "topic", in: fields) else { return nil }
        return text(entry.value, at: .root.key(entry.key))
    }

    /// `pace`: a mapping with `mode` and `delay`, or just the mode (`pace: paused`).
    private mutating func pace(_ node: Node, at path: FieldPath) -> PaceState? {
        let modes = PaceMode.allCases.map { ($0.rawValue, $0) }
        if case .scalar = node {
            return choice(node, at: path, among: modes).map { PaceState(mode: $0) }
        }
        guard let fields = fields(of: node, at: path, expecting: "a pace (a mapping with mode and delay)", keys: ["mode", "delay"])
        else { return nil }
        let mode = optional("mode", in: fields) { $0.choice($1, at: $2, among: modes) }
        let delay = optional("delay", in: fields) { reader, node, path in
            reader.seconds(node, at: path, expecting: "a delay", within: DebateFile.delayLimits)
        }
        return PaceState(mode: mode ?? .live, delay: delay ?? 0)
    }

    /// `guards`: budgets, the turn timeout and the repetition detector.
    private mutating func guards(_ node: Node, at path: FieldPath) -> GuardSpec? {
        guard let fields = fields(
            of: node, at: path, expecting: "guards (a mapping with token_budget, cost_budget, turn_timeout, repetition)",
            keys: ["token_budget", "cost_budget", "turn_timeout", "repetition"]
        ) else { return nil }
        var guards = GuardSpec()
        guards.tokenBudget = optional("token_budget", in: fields) { reader, node, path in
            reader.wholeNumber(node, at: path, expecting: "a whole number of tokens greater than 0") { $0 > 0 }
        }
        guards.costBudget = optional("cost_budget", in: fields) { reader, node, path in
            reader.number(node, at: path, expecting: "an amount of US dollars greater than 0") { $0 > 0 }
        }
        guards.turnTimeout = optional("turn_timeout", in: fields) { reader, node, path in
            reader.seconds(node, at: path, expecting: "a timeout", within: DebateFile.timeoutLimits)
        }
        if let node = fields["repetition"] {
            guards.repetition = repetition(node, at: path.key("repetition"))
        }
        return guards
    }

    /// `repetition`: `false` (off), `true` (on with defaults), or a mapping with `threshold` and `stop`.
    private mutating func repetition(_ node: Node, at path: FieldPath) -> RepetitionSpec? {
        if case .scalar = node {
            guard let on = Self.flag(node) else {
                expected("false, true, or a mapping with threshold and stop", at: node, path: path)
                return RepetitionSpec()
            }
            return on ? RepetitionSpec() : nil
        }
        guard let fields = fields(
            of: node, at: path, expecting: "false, true, or a mapping with threshold and stop", keys: ["threshold", "stop"]
        ) else { return RepetitionSpec() }
        var spec = RepetitionSpec()
        spec.threshold = optional("threshold", in: fields) { reader, node, path in
            reader.number(node, at: path, expecting: "a similarity greater than 0 and at most 1") { $0 > 0 && $0 <= 1 }
        } ?? spec.threshold
        spec.stops = optional("stop", in: fields) { $0.flag($1, at: $2) } ?? spec.stops
        return spec
    }
}
