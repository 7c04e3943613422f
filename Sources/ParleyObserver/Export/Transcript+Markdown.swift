import Foundation
import ParleyCore

extension Transcript {
    /// The transcript as Markdown: a title, the question and who took part, then each round's
    /// messages (speaker, role and addressees), the person's messages, blackboard notes and the
    /// round's summary, the final tradeoffs, and how it ended with its tokens and cost. Text from
    /// the debate is escaped so that it reads as written, never as Markdown or HTML.
    public var markdown: String {
        var lines: [String] = []
        lines.append("# \(Self.escaped(info?.title ?? "Debate"))")
        lines.append("")
        if let info {
            lines.append("**Question:** \(Self.escaped(info.question))")
            lines.append("")
            lines.append("\(info.floor.rawValue) · \(info.rounds) round\(info.rounds == 1 ? "" : "s")")
            lines.append("")
            for agent in info.agents {
                lines.append("- **\(Self.escaped(agent.name))** (@\(Self.escaped(agent.id.rawValue))) — \(Self.escaped(agent.role)), \(Self.escaped(agent.model))")
            }
            if let facilitator = info.facilitator {
                lines.append("- **\(Self.escaped(facilitator.name))** — facilitator, \(Self.escaped(facilitator.model))")
            }
            lines.append("")
        }
        for round in rounds {
            lines.append("## Round \(round.number)")
            lines.append("")
            for entry in round.entries { lines += markdown(entry) }
            if let summary = round.summary {
                lines.append("> **Summary of round \(round.number)**")
                lines += Self.quoted(summary)
                lines.append("")
            }
        }
        if let finalSummary {
            lines.append("## The tradeoffs")
            lines.append("")
            lines += Self.quoted(finalSummary)
            lines.append("")
        }
        lines.append("---")
        lines.append("")
        lines.append(Self.escaped(Self.ending(finish, usage)))
        return lines.joined(separator: "\n") + "\n"
    }

    private func markdown(_ entry: Entry) -> [String] {
        switch entry {
        case .message(let message):
            let role = role(message.sender).map { " (\(Self.escaped($0)))" } ?? ""
            var head = "**\(Self.escaped(name(message.sender)))**\(role)"
            if let to = message.to.named { head += " → " + to.map { "@\(Self.escaped($0.rawValue))" }.joined(separator: " ") }
            if message.usage.totalTokens > 0 { head += " · \(message.usage.totalTokens) tokens" }
            return [head, ""] + Self.paragraphs(message.text) + [""]
        case .human(let message):
            let to = message.to.named.map { $0.map { "@\(Self.escaped($0.rawValue))" }.joined(separator: " ") } ?? "everyone"
            return ["**You** → \(to)", ""] + Self.paragraphs(message.text) + [""]
        case .note(let note):
            return ["- ▣ blackboard \(note.kind.rawValue) by \(Self.escaped(name(note.author))): \(Self.escaped(note.text))", ""]
        }
    }

    /// How the debate ended, with its tokens and cost: one line, not escaped.
    static func ending(_ finish: FinishReason?, _ usage: Usage) -> String {
        let how = finish.map { "Debate \($0.description)" } ?? "The recording ends before the debate did"
        let cost = usage.cost.map { String(format: " · $%.4f", $0) } ?? ""
        return "\(how) · \(usage.totalTokens) tokens (\(usage.promptTokens) prompt, \(usage.completionTokens) completion)\(cost)"
    }

    /// Text with Markdown's and HTML's special characters escaped, so it shows as written.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "#", "|", "~": out += "\\\(character)"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A text's lines, escaped, each kept a line of its own (a hard break).
    private static func paragraphs(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.isEmpty ? "" : escaped(String(line)) + "  "
        }
    }

    private static func quoted(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "> \(escaped(String($0)))  " }
    }
}
