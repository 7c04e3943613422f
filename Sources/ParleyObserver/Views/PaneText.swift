import ParleyCore
import TerminalKit

/// The text of the scrolling panes as blocks of wrapped, styled lines: what the views draw and
/// what scrolling counts.
enum PaneText {
    /// A peer's pane at `width` columns: one block per entry.
    static func blocks(of pane: PeerPane, width: Int, showsReasoning: Bool) -> TextBlocks {
        TextBlocks(count: pane.entries.count) { block(at: $0, of: pane, width: width, showsReasoning: showsReasoning) }
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
        if let cut = message.cut { lines += Lines.wrapped("✂ \(cut.label)", width: width, ink: .role(.warning)) }
        return lines
    }

    /// `@cfo @eng`, or `all`.
    static func addressLabel(_ address: Address?) -> String {
        switch address {
        case .peers(let ids)?: ids.map { "@\($0.rawValue)" }.joined(separator: " ")
        case .everyone?, nil: "all"
        }
    }

    /// The facilitator's pane at `width` columns: one block per summary.
    static func blocks<Summaries: RandomAccessCollection<SummaryEntry>>(of summaries: Summaries, facilitator: Bool, width: Int) -> TextBlocks {
        guard !summaries.isEmpty else {
            let text = facilitator
                ? "The facilitator writes a summary here after each round, and the tradeoffs at the end."
                : "This debate has no facilitator."
            return TextBlocks(Lines.wrapped(text, width: width, ink: .role(.muted)))
        }
        return TextBlocks(count: summaries.count) { index in
            let summary = summaries[summaries.index(summaries.startIndex, offsetBy: index)]
            let label = summary.scope.round.map { "round \($0)" } ?? "final tradeoffs"
            let rule = Lines.rule(label, width: width, ink: .role(summary.scope == .final ? .accent : .muted))
            if summary.text.isEmpty, summary.isStreaming { return [rule, [Span("…", .role(.muted))]] }
            return [rule] + Lines.wrapped(summary.text, width: width, ink: .role(.summary))
        }
    }

    /// The blackboard's notes at `width` columns: one block per note.
    static func blocks<Notes: RandomAccessCollection<BlackboardNote>>(of notes: Notes, peers: [PeerPane], width: Int) -> TextBlocks {
        guard !notes.isEmpty else {
            return TextBlocks(
                Lines.wrapped("No notes yet: peers post claims, questions and decisions here.", width: width, ink: .role(.muted)))
        }
        return TextBlocks(count: notes.count) { index in
            let note = notes[notes.index(notes.startIndex, offsetBy: index)]
            let author = peers.first { $0.id == note.author }
            let authorInk: Ink = author.map { .agent($0.index) } ?? .role(note.author == .human ? .human : .muted)
            let header: StyledLine = [
                Span("\(symbol(note.kind)) \(note.kind.rawValue)", .role(.blackboard)),
                Span(" · ", .role(.muted)),
                Span(author?.agent.name ?? note.author.rawValue, authorInk),
                Span(" · round \(note.round)", .role(.muted)),
            ]
            return (index > 0 ? [[]] : []) + [header] + Lines.wrapped(note.text, width: width, ink: .plain, prefix: Span("  ", .plain))
        }
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
