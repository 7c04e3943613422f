import ParleyCore
import TerminalKit

/// ANSI styling for headless output: our own escape sequences, around text already sanitized.
struct HeadlessStyle: Sendable {
    let enabled: Bool
    private var agentCodes: [AgentID: String] = [:]
    private static let palette = ["36", "32", "33", "35", "34", "31", "96", "92", "93"]

    init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Picks each agent's colour: its own from the debate file, else the palette's in order.
    mutating func learn(_ info: DebateInfo) {
        for (index, agent) in info.agents.enumerated() {
            agentCodes[agent.id] = agent.colour.flatMap(ThemeColour.parse).flatMap(Self.code) ?? Self.palette[index % Self.palette.count]
        }
    }

    func agent(_ id: AgentID, _ text: String) -> String { wrap(text, "1;" + (agentCodes[id] ?? "39")) }
    func title(_ text: String) -> String { wrap(text, "1") }
    func rule(_ text: String) -> String { wrap("── \(text) " + String(repeating: "─", count: max(3, 56 - TextWidth.columns(text))), "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func human(_ text: String) -> String { wrap(text, "1;97") }
    func summary(_ text: String) -> String { wrap(text, "35") }
    func warning(_ text: String) -> String { wrap(text, "33") }
    func error(_ text: String) -> String { wrap(text, "1;31") }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// The SGR foreground code of a colour.
    static func code(_ colour: Color) -> String? {
        switch colour {
        case .default: nil
        case .ansi(let n): n < 8 ? "\(30 + Int(n))" : "\(90 + Int(n) - 8)"
        case .indexed(let n): "38;5;\(n)"
        case .rgb(let r, let g, let b): "38;2;\(r);\(g);\(b)"
        }
    }
}
