import Foundation
import ParleyCore
import ParleyModels

/// The debate's spec as log version 2 keeps it in its first event (`debate.spec`), and back.
///
/// Everything in the debate file is kept but secrets: an API key's environment variable is kept
/// by name (its value never is: a spec holds none), a `base_url`'s credentials (user name and
/// password, a key in its query, a fragment) are cut out, and headers whose name or value looks
/// like a credential are left out.
extension DebateSpec {
    /// The spec as the event log keeps it, secrets left out.
    public var recorded: JSONValue {
        var fields: [String: JSONValue] = [
            "title": .string(title), "question": .string(question), "rounds": .number(Double(rounds)),
            "protocol": .string(floor.rawValue),
            "pace": .object(["mode": .string(pace.mode.rawValue), "delay": .number(pace.delay)]),
            "guards": guards.recorded,
            "backends": .object(backends.mapValues(\.recorded)),
            "agents": .array(agents.map(\.recorded)),
        ]
        if let facilitator {
            var entry: [String: JSONValue] = ["name": .string(facilitator.name), "backend": .string(facilitator.backend)]
            entry["system_prompt"] = facilitator.systemPrompt.map(JSONValue.string)
            fields["facilitator"] = .object(entry)
        }
        return .object(fields)
    }

    /// The spec a recording's first event holds, runnable again (for `parley fork`, the inspector).
    /// - Throws: ``RecordedSpecError`` when `info` holds no spec (a version 1 recording) or the
    ///   spec is not one this Parley wrote (naming the field).
    public init(recorded info: DebateInfo) throws {
        guard let spec = info.spec else {
            throw RecordedSpecError(
                field: "debate.spec",
                reason: "the recording holds no debate spec (it was written by a Parley before event log version 2); record the debate again")
        }
        try self.init(recorded: spec)
    }

    /// The spec of a recording: the one its `debateStarted` event holds.
    /// - Throws: ``RecordedSpecError`` as `init(recorded:)` does, or when the records hold no
    ///   `debateStarted`.
    public init(recording records: [EventRecord]) throws {
        guard let info = records.lazy.compactMap({ record -> DebateInfo? in
            if case .debateStarted(let info) = record.event { info } else { nil }
        }).first else {
            throw RecordedSpecError(field: "debateStarted", reason: "the recording holds no debateStarted event; it may be damaged")
        }
        try self.init(recorded: info)
    }

    /// Reads a spec written by ``recorded``.
    /// - Throws: ``RecordedSpecError`` naming the field that is missing or wrong.
    public init(recorded value: JSONValue) throws {
        let spec = RecordedFields(value, at: "debate.spec")
        let agents = try spec.list("agents").map(AgentSpec.init(recorded:))
        let floorName = try spec.string("protocol")
        guard let floor = FloorProtocol(rawValue: floorName) else { throw spec.wrong("protocol", floorName) }
        let pace = try spec.fields("pace")
        let modeName = try pace.string("mode")
        guard let mode = PaceMode(rawValue: modeName) else { throw pace.wrong("mode", modeName) }
        self.init(
            title: try spec.string("title"), question: try spec.string("question"), rounds: try spec.int("rounds"),
            floor: floor, pace: PaceState(mode: mode, delay: try pace.number("delay")),
            guards: try GuardSpec(recorded: try spec.fields("guards")),
            backends: try spec.fields("backends").entries().mapValues(BackendConfig.init(recorded:)),
            agents: agents,
            facilitator: try spec.optionalFields("facilitator").map { facilitator in
                FacilitatorSpec(
                    name: try facilitator.string("name"), backend: try facilitator.string("backend"),
                    systemPrompt: try facilitator.optionalString("system_prompt"))
            })
    }
}

/// A recording's spec could not be read back.
public struct RecordedSpecError: Error, CustomStringConvertible, Sendable {
    /// Where in the first event: `debate.spec.backends.local.model`.
    public var field: String
    /// What is wrong and what to do.
    public var reason: String
    public var description: String { "\(field): \(reason)" }
}

extension AgentSpec {
    var recorded: JSONValue {
        var fields: [String: JSONValue] = [
            "id": .string(id.rawValue), "name": .string(name), "role": .string(role), "backend": .string(backend),
            "arguments": .array(arguments.map(JSONValue.string)), "prompt_style": .string(promptStyle.rawValue),
        ]
        fields["colour"] = colour.map(JSONValue.string)
        fields["system_prompt"] = systemPrompt.map(JSONValue.string)
        return .object(fields)
    }

    init(recorded fields: RecordedFields) throws {
        let styleName = try fields.string("prompt_style")
        guard let style = PromptStyle(rawValue: styleName) else { throw fields.wrong("prompt_style", styleName) }
        self.init(
            id: AgentID(rawValue: try fields.string("id")), name: try fields.string("name"), role: try fields.string("role"),
            backend: try fields.string("backend"), colour: try fields.optionalString("colour"),
            systemPrompt: try fields.optionalString("system_prompt"),
            arguments: try fields.list("arguments").map { try $0.text() }, promptStyle: style)
    }
}

extension GuardSpec {
    var recorded: JSONValue {
        var fields: [String: JSONValue] = [
            "repetition": repetition.map { .object(["threshold": .number($0.threshold), "stop": .bool($0.stops)]) } ?? .null
        ]
        fields["token_budget"] = tokenBudget.map { .number(Double($0)) }
        fields["cost_budget"] = costBudget.map(JSONValue.number)
        fields["turn_timeout"] = turnTimeout.map(JSONValue.number)
        return .object(fields)
    }

    init(recorded fields: RecordedFields) throws {
        self.init(
            tokenBudget: try fields.optionalInt("token_budget"), costBudget: try fields.optionalNumber("cost_budget"),
            turnTimeout: try fields.optionalNumber("turn_timeout"),
            repetition: try fields.optionalFields("repetition").map { repetition in
                RepetitionSpec(threshold: try repetition.number("threshold"), stops: try repetition.bool("stop"))
            })
    }
}
