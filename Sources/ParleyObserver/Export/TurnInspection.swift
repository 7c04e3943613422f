import Foundation
import ParleyCore
import ParleyEngine
import ParleyModels
import TerminalKit

/// A recorded turn written out for a person: the request exactly as the model saw it (system
/// prompt, each memory entry with its speaker and round, the cue) and the answer (reasoning,
/// finish reason, usage, cost, time to first token, retries; a scripted persona's choice of
/// argument and the words it matched). Every untrusted text is sanitized for the terminal.
public struct TurnInspection: Sendable {
    /// The turn.
    public let turn: RecordedTurn
    /// The recording's turns, for names and the persona's arguments.
    public let turns: RecordedTurns

    /// Makes an inspection of `turn`, one of `turns`.
    public init(_ turn: RecordedTurn, of turns: RecordedTurns) {
        self.turn = turn
        self.turns = turns
    }

    /// The inspection as plain text, lines ending in newlines.
    public var text: String {
        var lines: [String] = [heading, backendLine]
        lines += section("System prompt") + indented(turn.request.system)
        lines += section("Memory (\(turn.memory.count) entr\(turn.memory.count == 1 ? "y" : "ies"), oldest first)")
        if turn.memory.isEmpty { lines.append("  (nothing yet)") }
        for (number, entry) in turn.memory.enumerated() {
            lines.append("  [\(number + 1)] \(describe(entry)) · \(entry.role.rawValue)")
            lines += indented(entry.content, by: 6)
        }
        lines += section("Cue") + indented(turn.cue.content)
        lines += section("Answer") + indented(turn.message?.text ?? turn.summary?.text ?? "")
        if let reasoning = turn.message?.reasoning {
            lines += section("Reasoning") + indented(reasoning)
        }
        lines += section("How it went") + outcome.map { "  " + $0 }
        if let choice = turn.trace.choice { lines += section("Scripted choice") + describe(choice).map { "  " + $0 } }
        return lines.map(clean).joined(separator: "\n") + "\n"
    }

    private var heading: String {
        let what = turn.message.map { "Message #\($0.id.rawValue) · round \($0.round)" } ?? "Summary · \(turn.trace.summary ?? .final)"
        return "\(what) · \(turn.agent.name) (@\(turn.agent.id.rawValue), \(turn.agent.role))"
    }

    private var backendLine: String {
        let name = turn.trace.backend
        switch turn.backend {
        case .openai(let config):
            return "Backend \(name): openai, model \(config.model) at \(config.baseURL)\(Self.sampling(config.sampling))"
        case .anthropic(let config):
            return "Backend \(name): anthropic, model \(config.model) at \(config.baseURL)\(Self.sampling(config.sampling))"
        case .scripted(let config):
            return "Backend \(name): scripted (\(String(format: "%g", config.wordsPerSecond)) words a second)"
        case nil:
            return "Backend \(name): not in the recorded spec"
        }
    }

    /// `· temperature 0.7, max_tokens 200`, or nothing when no sampling is set.
    static func sampling(_ sampling: Sampling) -> String {
        var parts: [String] = []
        if let value = sampling.temperature { parts.append("temperature \(value)") }
        if let value = sampling.maxTokens { parts.append("max_tokens \(value)") }
        if let value = sampling.topP { parts.append("top_p \(value)") }
        if let value = sampling.seed { parts.append("seed \(value)") }
        if let value = sampling.frequencyPenalty { parts.append("frequency_penalty \(value)") }
        if let value = sampling.presencePenalty { parts.append("presence_penalty \(value)") }
        if let value = sampling.repeatPenalty { parts.append("repeat_penalty \(value)") }
        if let value = sampling.stop { parts.append("stop \(value)") }
        return parts.isEmpty ? "" : " · " + parts.joined(separator: ", ")
    }

    private var outcome: [String] {
        let trace = turn.trace
        let usage = turn.usage
        var lines = [
            "finish: \(trace.finish)",
            "usage: \(usage.promptTokens) prompt + \(usage.completionTokens) completion tokens"
                + (usage.cost.map { String(format: " · cost $%.6f", $0) } ?? " · cost not priced"),
            "time to first token: \(trace.firstToken.map(Self.seconds) ?? "no text came") · took \(Self.seconds(trace.duration))",
            "retries: \(trace.retries)",
        ]
        if let message = turn.message, message.to != .everyone { lines.append("addressed to: \(message.to.description)") }
        return lines
    }

    private static func seconds(_ value: Double) -> String { String(format: "%.3f s", value) }

    private func describe(_ choice: ArgumentChoice) -> [String] {
        let arguments = turns.spec.agents.first { $0.id == turn.agent.id }?.arguments ?? []
        let argument = arguments.indices.contains(choice.argument) ? arguments[choice.argument] : "?"
        var lines = ["argument \(choice.argument + 1) of \(arguments.count): \(argument)"]
        let reacted = choice.reactsTo.map { id in
            let who = turns.message(id).map { name($0.sender) } ?? "someone"
            return "\(who)'s message #\(id.rawValue)"
        }
        switch choice.reason {
        case .person: lines.append("why: it answers \(reacted ?? "the person"), the argument most related to it")
        case .peer: lines.append("why: the unused argument most related to \(reacted ?? "what was last said")")
        case .opening: lines.append("why: nothing to react to yet, so the first argument not used")
        case .repeating: lines.append("why: every argument used; the one most related to \(reacted ?? "what was last said"), again")
        }
        lines.append("words matched: \(choice.matched.isEmpty ? "none" : choice.matched.joined(separator: ", "))")
        return lines
    }

    /// Who said an entry, and when.
    private func describe(_ entry: ChatMessage) -> String {
        let round = entry.round.map { " · round \($0)" } ?? ""
        switch entry.reference {
        case .message(let id)?:
            let sender = turns.message(id)?.sender
            return "#\(id.rawValue) \(sender.map(name) ?? "?")\(entry.kind == .own ? " (its own)" : "")\(round)"
        case .note(let id)?: return "blackboard note \(id) by \(entry.speaker.map(name) ?? "?")\(round)"
        case .summary(let scope)?: return "\(scope) summary by the facilitator\(round)"
        case .fold(let n)?: return "context fold \(n): earlier turns in short"
        case .earlier?, nil: return "entry\(round)"
        }
    }

    private func name(_ id: AgentID) -> String {
        if id == .human { return "the person" }
        return turns.info.agent(id).map { "\($0.name) (@\($0.id.rawValue))" } ?? "@\(id.rawValue)"
    }

    private func section(_ title: String) -> [String] { ["", "── \(title) ──"] }

    private func indented(_ text: String, by width: Int = 2) -> [String] {
        let pad = String(repeating: " ", count: width)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }
    }

    private func clean(_ line: String) -> String { Sanitizer.clean(line) }
}

extension RecordedTurns {
    /// One line per turn that can be inspected: its key, round, speaker and first words.
    public var listing: String {
        zip(keys, traces).map { key, trace -> String in
            let message = trace.message.flatMap(message)
            let round = message.map { "round \($0.round)" } ?? "summary"
            let said = (message?.text ?? trace.summary.flatMap(summary)?.text ?? "").split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            let words = said.count > 60 ? String(said.prefix(59)) + "…" : said
            let name = info.agent(trace.agent)?.name ?? trace.agent.rawValue
            return Sanitizer.clean("\(key.description.padding(toLength: 7, withPad: " ", startingAt: 0)) \(round.padding(toLength: 10, withPad: " ", startingAt: 0)) \(name): \(words)")
        }.joined(separator: "\n") + "\n"
    }
}
