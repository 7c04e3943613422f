import Foundation
import ParleyCore
import TerminalKit

/// The headless front end: turns a debate's events into text for stdout as they happen — a
/// header per round, each speaker and what they say streaming in, the facilitator's summaries
/// marked, guard trips and failures flagged. Coloured when writing to a terminal, plain when
/// piped; wrapped at words to the terminal's width when given one. Each round's summary is
/// printed right after the round's last message: what comes after the round ends waits (in
/// order) until its summary is written. All text from models and files passes through the
/// sanitizer.
public struct HeadlessPrinter: Sendable {
    private var info: DebateInfo?
    private var style: HeadlessStyle
    /// The message streaming now and its sanitizer. What happens meanwhile (a summary, a note,
    /// another peer's message in a simultaneous round) waits for it, and is printed whole after.
    private var streaming: (id: MessageID, agent: AgentID, sanitizer: StreamSanitizer, atLineStart: Bool)?
    private var heldBack: [String] = []
    private var messages = 0
    /// The round whose summary is awaited, and the events that came after it meanwhile.
    private var summaryDue: Int?
    private var waiting: [DebateEvent] = []
    private var wrap: HeadlessWrap?

    /// Makes a printer; `colour` turns ANSI colours on; `width`, the terminal's columns, wraps
    /// long lines at words with their indent kept (nil: no wrapping, as when piped).
    public init(colour: Bool, width: Int? = nil) {
        style = HeadlessStyle(enabled: colour)
        wrap = width.map(HeadlessWrap.init(width:))
    }

    /// The text to write for an event (often empty).
    public mutating func text(for event: DebateEvent) -> String {
        let text = ordered(event)
        return wrap?.feed(text) ?? text
    }

    /// The last of the text: a word the wrapping still holds. Write it when the events end.
    public mutating func flush() -> String {
        wrap?.flush() ?? ""
    }

    /// The text for an event in transcript order: once a round ends, the events after it wait
    /// for its summary (or the end of the debate), and follow it in the order they came.
    private mutating func ordered(_ event: DebateEvent) -> String {
        if let due = summaryDue {
            switch event {
            case .summaryCompleted(let summary) where summary.scope.round.map({ $0 >= due }) ?? true:
                summaryDue = nil
                return render(event) + releaseWaiting()
            case .debateFinished:
                summaryDue = nil
                return releaseWaiting() + render(event)
            case .summaryStarted, .summaryDelta:
                return render(event)
            default:
                waiting.append(event)
                return ""
            }
        }
        if case .roundEnded(let round) = event, info?.facilitator != nil { summaryDue = round }
        return render(event)
    }

    /// The events that waited for a summary, in order (a round ending among them waits again).
    private mutating func releaseWaiting() -> String {
        let events = waiting
        waiting = []
        var out = ""
        for event in events { out += ordered(event) }
        return out
    }

    private mutating func render(_ event: DebateEvent) -> String {
        switch event {
        case .debateStarted(let info):
            self.info = info
            style.learn(info)
            let peers = info.agents.map { "\(style.agent($0.id, clean($0.name))) (@\(clean($0.id.rawValue)), \(clean($0.role)))" }
            return style.title(clean(info.title)) + "\n" + clean(info.question) + "\n"
                + style.dim("\(info.floor) · \(info.rounds) round\(info.rounds == 1 ? "" : "s") · ") + peers.joined(separator: ", ")
                + "\n"
        case .roundStarted(let round):
            return "\n" + style.rule("Round \(round) of \(info?.rounds ?? round)") + "\n"
        case .turnStarted(let agent, _, let id):
            guard streaming == nil else { return "" }
            streaming = (id, agent, StreamSanitizer(), true)
            return header(agent)
        case .textDelta(_, let id, let text):
            guard streaming?.id == id else { return "" }
            return indentStreamed(streaming!.sanitizer.feed(text))
        case .messageCompleted(let message):
            messages += 1
            let addressees = (message.to == .everyone ? "" : style.dim("  → \(clean(message.to.description))") + "\n")
                + (message.cut.map { style.warning("  ✂ \($0.label)") + "\n" } ?? "")
            guard let current = streaming, current.id == message.id else {
                return hold(header(message.sender) + indentBlock(clean(message.text)) + "\n" + addressees)
            }
            streaming = nil
            return (current.atLineStart ? "" : "\n") + addressees + releaseHeld()
        case .humanMessage(let message):
            return hold("\n" + style.human("You → \(clean(message.to.description))") + "\n"
                + indentBlock(clean(message.text)) + "\n")
        case .blackboardNote(let note):
            return hold(style.dim("  ▣ blackboard \(note.kind): \(clean(note.text)) — \(name(note.author))") + "\n")
        case .summaryCompleted(let summary):
            let heading = summary.scope == .final ? "Final summary — the tradeoffs" : "Summary of round \(summary.scope.round ?? 0)"
            let who = info?.facilitator.map { clean($0.name) } ?? "Facilitator"
            return hold("\n" + style.summary("▌ \(who) · \(heading)") + "\n" + indentBlock(clean(summary.text), bar: style.summary("▌ ")) + "\n")
        case .roundsChanged(let rounds):
            info?.rounds = rounds
            return hold(style.dim("  + one more round: \(rounds) rounds now") + "\n")
        case .unheard(let peers, _):
            let ids = peers.map { "@\(clean($0.rawValue))" }.joined(separator: " ")
            return hold(style.warning("⚠ \(ids) \(peers.count == 1 ? "has" : "have") no turn left to answer you") + "\n")
        case .guardTripped(let trip):
            return hold(style.warning("⚠ \(trip.kind) guard: \(clean(trip.detail))\(trip.stops ? " — stopping the debate" : "")") + "\n")
        case .peerFailed(let failure):
            let line =
                failure.cancelled
                ? style.warning("⊘ \(name(failure.agent))'s turn was cancelled") + "\n"
                : style.error("✖ \(clean(failure.error))") + "\n"
            guard let current = streaming, current.agent == failure.agent else { return hold(line) }
            streaming = nil
            return (current.atLineStart ? "" : "\n") + line + releaseHeld()
        case .turnRetrying(let agent, let attempt, let delay, let reason):
            return hold(style.warning("↻ \(name(agent)): \(clean(reason)); try \(attempt) in \(Seconds.describe(delay))") + "\n")
        case .contextFolded(let agent, let turns, _):
            return hold(style.dim("  ⋯ \(name(agent))'s oldest \(turns) turns folded to fit its context") + "\n")
        case .debateFinished(let reason, let usage):
            let tokens = usage.totalTokens > 0 ? " · \(usage.totalTokens) tokens" : ""
            let cost = usage.cost.map { String(format: " · $%.4f", $0) } ?? ""
            let cut = streaming.map { $0.atLineStart ? "" : "\n" } ?? ""
            streaming = nil
            return cut + releaseHeld() + "\n" + style.rule("Debate \(clean(reason.description)) · \(messages) message\(messages == 1 ? "" : "s")\(tokens)\(cost)") + "\n"
        case .connection(let note):
            let line = "⟳ \(clean(note.description))"
            return hold((note == .restored ? style.dim(line) : style.warning(line)) + "\n")
        case .roundEnded, .floorPassed, .reasoningDelta, .summaryStarted, .summaryDelta, .held, .paceChanged, .debateConcluded, .turnTraced:
            return ""
        }
    }

    /// A speaker's line: name and role.
    private func header(_ agent: AgentID) -> String {
        "\n" + style.agent(agent, name(agent)) + style.dim(" (\(role(agent)))") + "\n"
    }

    /// What waited for the streaming message to end.
    private mutating func releaseHeld() -> String {
        defer { heldBack.removeAll() }
        return heldBack.joined()
    }

    /// Text that must not break into a streaming message: now, or after the message completes.
    private mutating func hold(_ text: String) -> String {
        guard streaming != nil else { return text }
        heldBack.append(text)
        return ""
    }

    private mutating func indentStreamed(_ text: String) -> String {
        guard !text.isEmpty, var current = streaming else { return "" }
        var out = ""
        for character in text {
            if current.atLineStart {
                out += "  "
                current.atLineStart = false
            }
            out.append(character)
            if character == "\n" { current.atLineStart = true }
        }
        streaming = current
        return out
    }

    private func indentBlock(_ text: String, bar: String = "  ") -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { bar + $0 }.joined(separator: "\n")
    }

    private func clean(_ text: String) -> String { Sanitizer.clean(text) }

    private func name(_ id: AgentID) -> String {
        if id == .human { return "You" }
        return clean(info?.agent(id)?.name ?? id.rawValue)
    }

    private func role(_ id: AgentID) -> String {
        clean(info?.agent(id)?.role ?? id.rawValue)
    }

}
