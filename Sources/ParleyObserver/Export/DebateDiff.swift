import ParleyCore
import TerminalKit

/// Two recorded debates compared turn by turn: how much of them is the same (a fork's shared
/// history, or two runs that began alike), then each turn from the point where they part, side
/// by side, with the content words that one said and the other did not.
public struct DebateDiff: Sendable {
    /// One side of the comparison.
    public struct Side: Sendable {
        /// Its transcript.
        public var transcript: Transcript
        /// Its messages (the peers' and the person's), in the order they were completed.
        public var turns: [Message]
    }

    /// One turn from the point where the debates part; either side may have run out.
    public struct Turn: Sendable {
        /// The turn's place in both debates, from 1.
        public var number: Int
        /// What the first debate said then.
        public var a: Message?
        /// What the second debate said then.
        public var b: Message?
        /// Content words the first said and the second did not.
        public var onlyA: [String]
        /// Content words the second said and the first did not.
        public var onlyB: [String]
    }

    /// The first debate.
    public var a: Side
    /// The second debate.
    public var b: Side
    /// How many turns both have alike from the start (same speaker, round and text).
    public var shared: Int
    /// The turns from the point where they part.
    public var parted: [Turn]

    /// Compares the debates told by two event sequences.
    public init(_ eventsA: [DebateEvent], _ eventsB: [DebateEvent]) {
        a = Self.side(eventsA)
        b = Self.side(eventsB)
        var shared = 0
        while shared < a.turns.count, shared < b.turns.count, Self.same(a.turns[shared], b.turns[shared]) { shared += 1 }
        self.shared = shared
        let count = max(a.turns.count, b.turns.count)
        let (sideA, sideB) = (a, b)
        parted = (shared..<count).map { index in
            let left = index < sideA.turns.count ? sideA.turns[index] : nil
            let right = index < sideB.turns.count ? sideB.turns[index] : nil
            let wordsA = Set(left.map { Words.content(in: $0.text) } ?? [])
            let wordsB = Set(right.map { Words.content(in: $0.text) } ?? [])
            return Turn(
                number: index + 1, a: left, b: right, onlyA: wordsA.subtracting(wordsB).sorted(),
                onlyB: wordsB.subtracting(wordsA).sorted())
        }
    }

    private static func side(_ events: [DebateEvent]) -> Side {
        let transcript = Transcript(events: events)
        let turns = transcript.rounds.flatMap { round in
            round.entries.compactMap { entry -> Message? in
                switch entry {
                case .message(let message), .human(let message): message
                case .note: nil
                }
            }
        }
        return Side(transcript: transcript, turns: turns)
    }

    private static func same(_ x: Message, _ y: Message) -> Bool {
        x.sender == y.sender && x.round == y.round && x.text == y.text && x.to == y.to
    }

    /// The comparison as plain text, one turn after the other (for a pipe or a file).
    public func plainText(nameA: String, nameB: String) -> String {
        var lines = header(nameA: nameA, nameB: nameB)
        for turn in parted {
            lines.append("")
            lines.append("── turn \(turn.number) " + String(repeating: "─", count: 40))
            lines.append("A \(label(turn.a, in: a))")
            lines.append(contentsOf: indented(turn.a?.text ?? "(no turn)"))
            lines.append("B \(label(turn.b, in: b))")
            lines.append(contentsOf: indented(turn.b?.text ?? "(no turn)"))
            lines.append(contentsOf: wordLines(turn))
        }
        lines.append("")
        lines.append(totals())
        return lines.joined(separator: "\n") + "\n"
    }

    /// The comparison side by side in `width` columns (for a terminal): each turn's two
    /// messages wrapped at words in two columns.
    public func sideBySide(nameA: String, nameB: String, width: Int) -> String {
        let column = max(20, (width - 3) / 2)
        var lines = header(nameA: nameA, nameB: nameB)
        for turn in parted {
            lines.append("")
            let rule = "── turn \(turn.number) "
            lines.append(rule + String(repeating: "─", count: max(0, column * 2 + 3 - TextWidth.columns(rule))))
            let left = TextWrap.wrap(label(turn.a, in: a), width: column) + TextWrap.wrap(turn.a?.text ?? "(no turn)", width: column)
            let right = TextWrap.wrap(label(turn.b, in: b), width: column) + TextWrap.wrap(turn.b?.text ?? "(no turn)", width: column)
            for row in 0..<max(left.count, right.count) {
                let l = row < left.count ? left[row] : ""
                let r = row < right.count ? right[row] : ""
                lines.append(l + String(repeating: " ", count: max(0, column - TextWidth.columns(l))) + " │ " + r)
            }
            lines.append(contentsOf: wordLines(turn).map { Words.cut($0, to: column * 2 + 3) })
        }
        lines.append("")
        lines.append(totals())
        return lines.joined(separator: "\n") + "\n"
    }

    private func header(nameA: String, nameB: String) -> [String] {
        let title = { (side: Side) in side.transcript.info?.title ?? "a debate" }
        var lines = ["A: \(Sanitizer.clean(nameA)) — \(title(a))", "B: \(Sanitizer.clean(nameB)) — \(title(b))"]
        if parted.isEmpty {
            lines.append("The debates are the same: \(shared) turn\(shared == 1 ? "" : "s") alike.")
        } else {
            let last = shared > 0 ? a.turns[shared - 1].round : 0
            lines.append(
                shared == 0
                    ? "They part at the first turn."
                    : "They share \(shared) turn\(shared == 1 ? "" : "s") (through round \(last)) and part at turn \(shared + 1).")
        }
        return lines
    }

    private func label(_ message: Message?, in side: Side) -> String {
        guard let message else { return "—" }
        let to = message.to.named.map { " → " + $0.map { "@\($0.rawValue)" }.joined(separator: " ") } ?? ""
        let tokens = message.usage.totalTokens > 0 ? " · \(message.usage.totalTokens) tok" : ""
        return "round \(message.round) · \(side.transcript.name(message.sender))\(to)\(tokens)"
    }

    private func indented(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
    }

    private func wordLines(_ turn: Turn) -> [String] {
        var lines: [String] = []
        if !turn.onlyA.isEmpty { lines.append("  only A: " + turn.onlyA.prefix(12).joined(separator: ", ")) }
        if !turn.onlyB.isEmpty { lines.append("  only B: " + turn.onlyB.prefix(12).joined(separator: ", ")) }
        return lines
    }

    private func totals() -> String {
        let tokens = { (side: Side) in side.turns.reduce(0) { $0 + $1.usage.totalTokens } }
        return "A: \(a.turns.count) turns, \(tokens(a)) tokens · B: \(b.turns.count) turns, \(tokens(b)) tokens"
    }
}
