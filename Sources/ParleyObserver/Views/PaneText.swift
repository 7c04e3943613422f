import ParleyCore
import TerminalKit

/// The text of the scrolling panes as wrapped, styled lines: what the views draw and what
/// scrolling counts.
enum PaneText {
    /// The lines of a peer's pane at `width` columns.
    static func lines(of pane: PeerPane, width: Int, showsReasoning: Bool) -> [StyledLine] {
        pane.entries.indices.flatMap { block(at: $0, of: pane, width: width, showsReasoning: showsReasoning) }
    }

    /// The last `rows` lines of a peer's pane, built from its end only (a pane that follows
    /// new text need not wrap its whole history), and whether there are more above.
    static func tail(of pane: PeerPane, rows: Int, width: Int, showsReasoning: Bool) -> (lines: [StyledLine], more: Bool) {
        var blocks: [[StyledLine]] = []
        var count = 0
        var index = pane.entries.count
        while index > 0, count < rows {
            index -= 1
            let block = block(at: index, of: pane, width: width, showsReasoning: showsReasoning)
            blocks.append(block)
            count += block.count
        }
        let lines = Array(blocks.reversed().joined())
        return (Array(lines.suffix(rows)), index > 0 || lines.count > rows)
    }

    /// The lines of one entry of a pane, with the blank line that parts it from the one before.
    static func block(at index: Int, of pane: PeerPane, width: Int, showsReasoning: Bool) -> [StyledLine] {
        let afterMarker = index == 0 || { if case .round = pane.entries[index - 1] { true } else { false } }()
        switch pane.entries[index] {
        case .round(let round):
            return (index > 0 ? [[]] : []) + [Lines.rule("round \(round)", width: width, ink: .role(.muted))]
        case .message(let message):
            let lines = self.lines(of: message, in: pane, width: width, showsReasoning: showsReasoning && pane.agent.showsReasoning)
            return (afterMarker ? [] : [[]]) + lines
        case .notice(let text, let tone):
            return Lines.wrapped(text, width: width, ink: .role(tone.role))
        }
    }

    static func lines(of message: PaneMessage, in pane: PeerPane, width: Int, showsReasoning: Bool) -> [StyledLine] {
        var lines: [StyledLine] = []
        if message.sender == .human {
            lines.append([Span("you → \(addressLabel(message.to))", .role(.human))])
            lines += Lines.wrapped(message.text, width: width, ink: .role(.human))
            return lines
        }
        lines.append([Span("→ \(message.to.map(addressLabel) ?? "…")", .role(.muted))])
        if showsReasoning, !message.reasoning.isEmpty {
            lines += Lines.wrapped(message.reasoning, width: width, ink: .role(.reasoning), prefix: Span("┆ ", .role(.reasoning)))
        }
        if message.text.isEmpty {
            if message.isStreaming { lines.append([Span("…", .role(.muted))]) }
        } else {
            lines += Lines.wrapped(message.text, width: width, ink: .plain)
        }
        return lines
    }

    /// `@cfo @eng`, or `all`.
    static func addressLabel(_ address: Address?) -> String {
        switch address {
        case .peers(let ids)?: ids.map { "@\($0.rawValue)" }.joined(separator: " ")
        case .everyone?, nil: "all"
        }
    }

    /// The lines of the facilitator's pane at `width` columns.
    static func lines(of summaries: [SummaryEntry], facilitator: Bool, width: Int) -> [StyledLine] {
        guard !summaries.isEmpty else {
            let text = facilitator
                ? "The facilitator writes a summary here after each round, and the tradeoffs at the end."
                : "This debate has no facilitator."
            return Lines.wrapped(text, width: width, ink: .role(.muted))
        }
        var lines: [StyledLine] = []
        for summary in summaries {
            let label = summary.scope.round.map { "round \($0)" } ?? "final tradeoffs"
            lines.append(Lines.rule(label, width: width, ink: .role(summary.scope == .final ? .accent : .muted)))
            if summary.text.isEmpty, summary.isStreaming {
                lines.append([Span("…", .role(.muted))])
            } else {
                lines += Lines.wrapped(summary.text, width: width, ink: .role(.summary))
            }
        }
        return lines
    }

    /// The lines of the blackboard's notes at `width` columns.
    static func lines(of notes: [BlackboardNote], peers: [PeerPane], width: Int) -> [StyledLine] {
        guard !notes.isEmpty else {
            return Lines.wrapped("No notes yet: peers post claims, questions and decisions here.", width: width, ink: .role(.muted))
        }
        var lines: [StyledLine] = []
        for note in notes {
            if !lines.isEmpty { lines.append([]) }
            let author = peers.first { $0.id == note.author }
            let authorInk: Ink = author.map { .agent($0.index) } ?? .role(note.author == .human ? .human : .muted)
            lines.append([
                Span("\(symbol(note.kind)) \(note.kind.rawValue)", .role(.blackboard)),
                Span(" · ", .role(.muted)),
                Span(author?.agent.name ?? note.author.rawValue, authorInk),
                Span(" · round \(note.round)", .role(.muted)),
            ])
            lines += Lines.wrapped(note.text, width: width, ink: .plain, prefix: Span("  ", .plain))
        }
        return lines
    }

    static func symbol(_ kind: BlackboardNote.Kind) -> String {
        switch kind {
        case .claim: "◆"
        case .question: "?"
        case .decision: "✓"
        }
    }
}

extension NoticeTone {
    /// The theme role a notice of this tone is drawn in.
    var role: ThemeRole {
        switch self {
        case .info: .muted
        case .warning: .warning
        case .error: .error
        }
    }
}
