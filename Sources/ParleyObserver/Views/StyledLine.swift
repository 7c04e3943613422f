import TerminalKit

/// Where a piece of text gets its look from: a theme role, an agent's colour, or plain text.
enum Ink: Sendable, Hashable {
    /// The theme's style for a role.
    case role(ThemeRole)
    /// The colour of the agent at this ring index.
    case agent(Int)
    /// The theme's ordinary text.
    case plain
}

/// A piece of a line of text with its look.
struct Span: Sendable, Hashable {
    var text: String
    var ink: Ink
    var attributes: TextAttributes = []

    init(_ text: String, _ ink: Ink, _ attributes: TextAttributes = []) {
        self.text = text
        self.ink = ink
        self.attributes = attributes
    }
}

/// A line of text made of spans, ready to draw at a width it fits.
typealias StyledLine = [Span]

extension Theme {
    /// The style of an ink; `agents` gives each ring index its agent (for its own colour).
    func style(_ ink: Ink, agents: [Int: Style] = [:]) -> Style {
        switch ink {
        case .role(let role): style(role)
        case .agent(let index): agents[index] ?? agentStyle(nil, index: index)
        case .plain: base
        }
    }
}

extension Canvas {
    /// Draws a styled line from (x, y), clipped to `clip`.
    mutating func put(_ line: StyledLine, x: Int, y: Int, theme: Theme, agents: [Int: Style], clip: Rect) {
        var column = x
        for span in line {
            column = put(span.text, x: column, y: y, style: theme.style(span.ink, agents: agents).adding(span.attributes), clip: clip)
        }
    }
}

/// Builds wrapped, styled lines.
enum Lines {
    /// `text` wrapped to `width`, each line after `prefix` (whose width is taken off).
    static func wrapped(_ text: String, width: Int, ink: Ink, prefix: Span? = nil) -> [StyledLine] {
        let room = max(1, width - TextWidth.columns(prefix?.text ?? ""))
        return TextWrap.wrap(text, width: room).map { line in
            (prefix.map { [$0] } ?? []) + [Span(line, ink)]
        }
    }

    /// A rule with a label, `── round 2 ─────`, as wide as `width`.
    static func rule(_ label: String, width: Int, ink: Ink) -> StyledLine {
        let head = "── \(label) "
        let rest = max(0, width - TextWidth.columns(head))
        return [Span(head + String(repeating: "─", count: rest), ink)]
    }
}
