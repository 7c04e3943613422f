import Foundation
import ParleyCore

extension Transcript {
    /// The transcript as one self-contained HTML page (its style inline, no scripts, nothing
    /// fetched), readable offline: the same parts as ``markdown``, with every text from the
    /// debate escaped.
    public var html: String {
        var body: [String] = []
        let title = Self.html(info?.title ?? "Debate")
        body.append("<h1>\(title)</h1>")
        if let info {
            body.append("<p class=\"question\"><strong>Question:</strong> \(Self.html(info.question))</p>")
            body.append("<p class=\"meta\">\(info.floor.rawValue) · \(info.rounds) round\(info.rounds == 1 ? "" : "s")</p>")
            body.append("<ul class=\"agents\">")
            for agent in info.agents {
                body.append("<li><strong>\(Self.html(agent.name))</strong> (@\(Self.html(agent.id.rawValue))) — \(Self.html(agent.role)), <span class=\"model\">\(Self.html(agent.model))</span></li>")
            }
            if let facilitator = info.facilitator {
                body.append("<li><strong>\(Self.html(facilitator.name))</strong> — facilitator, <span class=\"model\">\(Self.html(facilitator.model))</span></li>")
            }
            body.append("</ul>")
        }
        for round in rounds {
            body.append("<section class=\"round\"><h2>Round \(round.number)</h2>")
            for entry in round.entries { body.append(html(entry)) }
            if let summary = round.summary {
                body.append("<aside class=\"summary\"><h3>Summary of round \(round.number)</h3><p>\(Self.lines(summary))</p></aside>")
            }
            body.append("</section>")
        }
        if let finalSummary {
            body.append("<section class=\"final\"><h2>The tradeoffs</h2><p>\(Self.lines(finalSummary))</p></section>")
        }
        body.append("<footer>\(Self.html(Self.ending(finish, usage)))</footer>")
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title)</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    private func html(_ entry: Entry) -> String {
        switch entry {
        case .message(let message):
            let role = role(message.sender).map { " <span class=\"role\">(\(Self.html($0)))</span>" } ?? ""
            let to = message.to.named.map { " → " + $0.map { "@\(Self.html($0.rawValue))" }.joined(separator: " ") } ?? ""
            let tokens = message.usage.totalTokens > 0 ? " <span class=\"tokens\">· \(message.usage.totalTokens) tokens</span>" : ""
            return "<article class=\"message\"><header><strong>\(Self.html(name(message.sender)))</strong>\(role)\(to)\(tokens)</header><p>\(Self.lines(message.text))</p></article>"
        case .human(let message):
            let to = message.to.named.map { $0.map { "@\(Self.html($0.rawValue))" }.joined(separator: " ") } ?? "everyone"
            return "<article class=\"message human\"><header><strong>You</strong> → \(to)</header><p>\(Self.lines(message.text))</p></article>"
        case .note(let note):
            return "<p class=\"note\">▣ blackboard \(note.kind.rawValue) by \(Self.html(name(note.author))): \(Self.html(note.text))</p>"
        }
    }

    /// Text with `&`, `<`, `>`, `"` and `'` escaped.
    static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Escaped text with its line breaks kept.
    private static func lines(_ text: String) -> String {
        html(text).replacingOccurrences(of: "\n", with: "<br>\n")
    }

    private static let style = """
        body{font:15px/1.5 system-ui,sans-serif;max-width:52em;margin:2em auto;padding:0 1em;color:#222;background:#fff}\
        h1{margin-bottom:.2em}.question{font-size:1.1em}.meta,.model,.role,.tokens,footer{color:#666}\
        .message{border-left:3px solid #4a8;padding:.2em .8em;margin:.8em 0}.human{border-color:#d80;background:#fff8ec}\
        .note{color:#555;margin:.3em 0 .3em 1em}.summary,.final{background:#f3f3f7;padding:.4em .9em;border-radius:4px}\
        footer{border-top:1px solid #ddd;margin-top:2em;padding-top:.5em}\
        @media (prefers-color-scheme: dark){body{background:#161616;color:#ddd}.summary,.final{background:#22232a}.human{background:#2a2418}}
        """
}
