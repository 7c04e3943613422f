import ParleyCore
import ParleyDebateFile
import ParleyEngine
import Testing
@testable import ParleyObserver

@Suite("Headless printer")
struct HeadlessPrinterTests {
    /// The built-in demo, run instantly, printed without colour.
    static func builtInOutput(width: Int? = nil) async throws -> String {
        let spec = try DebateFile.parse(BuiltInDebates.featureX, path: BuiltInDebates.featureXName)
        var fast = spec
        fast.pace.delay = 0
        let debate = try Debate(spec: fast, models: ModelProvider(scriptedPace: 0), policy: .stop)
        let records = debate.events()
        let printing = Task {
            var printer = HeadlessPrinter(colour: false, width: width)
            var output = ""
            for await record in records { output += printer.text(for: record.event) }
            return output + printer.flush()
        }
        #expect(await debate.run() == .completed)
        return await printing.value
    }

    @Test("the built-in debate prints three rounds from three personas, and a summary after each")
    func builtInDebate() async throws {
        let output = try await Self.builtInOutput()
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let roundHeaders = lines.indices.filter { lines[$0].hasPrefix("── Round ") }
        #expect(roundHeaders.map { lines[$0].prefix(16) } == ["── Round 1 of 3 ", "── Round 2 of 3 ", "── Round 3 of 3 "])
        for (index, start) in roundHeaders.enumerated() {
            let end = index + 1 < roundHeaders.count ? roundHeaders[index + 1] : lines.count
            let round = lines[start..<end]
            for persona in ["Priya (Product manager — user value)", "Sam (Engineer — feasibility and cost)", "Dana (CFO — revenue impact)"] {
                #expect(round.contains(persona), "round \(index + 1) has \(persona)")
            }
        }
        for round in 1...3 {
            let summary = lines.firstIndex { $0 == "▌ Mo · Summary of round \(round)" }
            #expect(summary != nil)
            #expect(summary.map { $0 > roundHeaders[round - 1] } == true, "the summary of round \(round) follows its round")
        }
        #expect(lines.contains("▌ Mo · Final summary — the tradeoffs"))
        #expect(lines.last { !$0.isEmpty }?.hasPrefix("── Debate completed · 9 messages") == true)
        #expect(!output.contains("\u{1B}"))
    }

    @Test("model text with escape sequences prints clean; colour uses only our own SGR codes")
    func sanitized() {
        var printer = HeadlessPrinter(colour: true)
        let info = DebateInfo(
            title: "T\u{1B}]0;pwned\u{07}", question: "Q", floor: .roundRobin, rounds: 1,
            agents: [Agent(id: "pm", name: "P", role: "r", model: "m")], facilitator: nil, pace: PaceState(mode: .live))
        var output = printer.text(for: .debateStarted(info))
        output += printer.text(for: .turnStarted(agent: "pm", round: 1, message: MessageID(1)))
        output += printer.text(for: .textDelta(agent: "pm", message: MessageID(1), text: "hi \u{1B}]52;c;SGVsbG8="))
        output += printer.text(for: .textDelta(agent: "pm", message: MessageID(1), text: "\u{07} there \u{9B}2J\u{1B}c"))
        #expect(!output.contains("]52;"))
        #expect(!output.contains("\u{9B}"))
        #expect(!output.contains("pwned\u{07}"))
        // Every ESC left is the start of one of our SGR sequences.
        let parts = output.split(separator: "\u{1B}", omittingEmptySubsequences: false).dropFirst()
        #expect(parts.allSatisfy { $0.hasPrefix("[") && $0.contains("m") && $0.prefix { $0 != "m" }.allSatisfy { "[0123456789;".contains($0) } })
        #expect(output.contains("hi "))
        #expect(output.contains(" there "))
    }

    @Test("a summary that completes while a message streams waits for the message to end")
    func summaryWaits() {
        var printer = HeadlessPrinter(colour: false)
        _ = printer.text(for: .turnStarted(agent: "pm", round: 2, message: MessageID(4)))
        let during = printer.text(for: .textDelta(agent: "pm", message: MessageID(4), text: "half a sen"))
        let summary = printer.text(for: .summaryCompleted(Summary(scope: .round(1), text: "• point")))
        #expect(summary.isEmpty)
        let end = printer.text(
            for: .messageCompleted(Message(id: MessageID(4), sender: "pm", to: .everyone, round: 2, text: "half a sentence", startedAt: .now, completedAt: .now)))
        #expect(during == "  half a sen")
        #expect(end.hasPrefix("\n\n▌ Facilitator · Summary of round 1\n▌ • point"))
    }
}

@Suite("Headless printer, concurrent turns")
struct HeadlessConcurrentTests {
    static let info = DebateInfo(
        title: "T", question: "Q", floor: .simultaneous, rounds: 1,
        agents: [Agent(id: "pm", name: "Priya", role: "PM", model: "m"), Agent(id: "cfo", name: "Dana", role: "CFO", model: "m")],
        facilitator: nil, pace: PaceState(mode: .live))

    static func message(_ id: Int, _ sender: AgentID, _ text: String) -> Message {
        Message(id: MessageID(id), sender: sender, to: .everyone, round: 1, text: text, startedAt: .now, completedAt: .now)
    }

    @Test("two peers speaking at once: one streams, the other prints whole after it, never interleaved")
    func simultaneousTurns() {
        var printer = HeadlessPrinter(colour: false)
        var out = printer.text(for: .debateStarted(Self.info))
        let events: [DebateEvent] = [
            .turnStarted(agent: "pm", round: 1, message: MessageID(1)),
            .turnStarted(agent: "cfo", round: 1, message: MessageID(2)),
            .textDelta(agent: "pm", message: MessageID(1), text: "Ship "),
            .textDelta(agent: "cfo", message: MessageID(2), text: "Price "),
            .textDelta(agent: "pm", message: MessageID(1), text: "it."),
            .messageCompleted(Self.message(2, "cfo", "Price it higher.")),
            .textDelta(agent: "cfo", message: MessageID(2), text: "late"),
            .messageCompleted(Self.message(1, "pm", "Ship it.")),
        ]
        for event in events { out += printer.text(for: event) }
        #expect(out.hasSuffix("\nPriya (PM)\n  Ship it.\n\nDana (CFO)\n  Price it higher.\n"))
    }

    @Test("a turn the person cancelled prints as cancelled, not as a failure")
    func cancelledTurn() {
        var printer = HeadlessPrinter(colour: false)
        _ = printer.text(for: .debateStarted(Self.info))
        let cancelled = printer.text(for: .peerFailed(PeerFailure(agent: "cfo", round: 1, error: "the turn was cancelled by you", retryable: true, cancelled: true)))
        #expect(cancelled.contains("⊘ Dana's turn was cancelled"))
        #expect(!cancelled.contains("✖"))
        let failed = printer.text(for: .peerFailed(PeerFailure(agent: "cfo", round: 1, error: "HTTP 500", retryable: true)))
        #expect(failed.contains("✖ HTTP 500"))
    }

    @Test("the closing line counts in words that agree: 1 message, 2 messages")
    func messageCount() {
        for count in [1, 2] {
            var printer = HeadlessPrinter(colour: false)
            _ = printer.text(for: .debateStarted(Self.info))
            for id in 1...count { _ = printer.text(for: .messageCompleted(Self.message(id, "pm", "Ship it."))) }
            let end = printer.text(for: .debateFinished(.completed, usage: .zero))
            let words = count == 1 ? "1 message " : "2 messages "
            #expect(end.contains("· \(words)"), "\(end)")
        }
    }

    @Test("a turn that fails mid-stream ends its line, and what waited for it follows")
    func failureMidStream() {
        var printer = HeadlessPrinter(colour: false)
        _ = printer.text(for: .debateStarted(Self.info))
        _ = printer.text(for: .turnStarted(agent: "pm", round: 1, message: MessageID(1)))
        _ = printer.text(for: .textDelta(agent: "pm", message: MessageID(1), text: "Half a"))
        #expect(printer.text(for: .blackboardNote(BlackboardNote(id: 1, author: "cfo", kind: .claim, text: "x", round: 1))).isEmpty)
        let failed = printer.text(for: .peerFailed(PeerFailure(agent: "pm", round: 1, error: "Priya (@pm): timed out", retryable: true)))
        #expect(failed == "\n✖ Priya (@pm): timed out\n  ▣ blackboard claim: x — Dana\n")
    }
}

@Suite("Headless printer, hostile recordings")
struct HeadlessHostileTests {
    @Test("ids, addressees and a failure's text from a crafted log print without escape sequences")
    func hostileIDs() {
        var printer = HeadlessPrinter(colour: false)
        let evil = AgentID("x\u{1B}]0;pwned\u{07}\u{1B}[2J")
        let info = DebateInfo(
            title: "T", question: "Q", floor: .roundRobin, rounds: 1, agents: [Agent(id: evil, name: "N", role: "R", model: "m")],
            facilitator: nil, pace: PaceState(mode: .live))
        var out = printer.text(for: .debateStarted(info))
        out += printer.text(for: .humanMessage(Message(id: MessageID(1), sender: .human, to: .peer(evil), round: 1, text: "hi", startedAt: .now, completedAt: .now)))
        out += printer.text(for: .debateFinished(.failed("boom \u{1B}[31m\u{9B}2J"), usage: .zero))
        #expect(!out.contains("\u{1B}") && !out.contains("\u{9B}") && !out.contains("\u{07}"))
        #expect(out.contains("@x") && out.contains("boom"))
    }
}
