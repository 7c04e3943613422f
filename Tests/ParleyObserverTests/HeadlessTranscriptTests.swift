import ParleyCore
import Testing
import TerminalKit
@testable import ParleyObserver

/// The headless transcript reads in order: each round's summary right after the round, and on
/// a terminal, long lines wrapped at words with their indent kept.
@Suite("Headless transcript: order and wrapping")
struct HeadlessTranscriptTests {
    static let info = DebateInfo(
        title: "T", question: "Q", floor: .roundRobin, rounds: 2,
        agents: [Agent(id: "pm", name: "Priya", role: "PM", model: "m"), Agent(id: "cfo", name: "Dana", role: "CFO", model: "m")],
        facilitator: Agent(id: "facilitator", name: "Mo", role: "Facilitator", model: "m"), pace: PaceState(mode: .live))

    static func message(_ id: Int, _ sender: AgentID, round: Int, _ text: String) -> Message {
        Message(id: MessageID(id), sender: sender, to: .everyone, round: round, text: text, startedAt: .now, completedAt: .now)
    }

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test("the built-in demo prints each round's summary after its last message and before the next round's header")
    func summaryBeforeNextRound() async throws {
        let lines = Self.lines(try await HeadlessPrinterTests.builtInOutput())
        let headers = lines.indices.filter { lines[$0].hasPrefix("── Round ") }
        #expect(headers.count == 3)
        for round in 1...3 {
            guard let summary = lines.firstIndex(of: "▌ Mo · Summary of round \(round)") else {
                Issue.record("no summary of round \(round)")
                continue
            }
            let lastMessage = lines[..<summary].lastIndex { $0 == "Dana (CFO — revenue impact)" }
            #expect(lastMessage.map { $0 > headers[round - 1] } == true, "round \(round)'s last message comes just before its summary")
            if round < 3 { #expect(summary < headers[round], "the summary of round \(round) comes before Round \(round + 1)") }
        }
        let speakers = lines.filter { $0.hasSuffix(")") && !$0.hasPrefix(" ") && !$0.hasPrefix("▌") && !$0.hasPrefix("round-robin") }
        #expect(speakers.map { String($0.prefix(4)) } == Array(repeating: ["Priy", "Sam ", "Dana"], count: 3).flatMap { $0 })
    }

    @Test("what comes after a round ends waits for its summary, then follows in order, nothing lost")
    func laterEventsWait() {
        var printer = HeadlessPrinter(colour: false)
        var out = printer.text(for: .debateStarted(Self.info))
        let round2Message = Self.message(3, "pm", round: 2, "Round two words.")
        let human = Message(id: MessageID(4), sender: .human, to: .peer("cfo"), round: 2, text: "why?", startedAt: .now, completedAt: .now)
        let events: [DebateEvent] = [
            .roundStarted(round: 1),
            .messageCompleted(Self.message(1, "pm", round: 1, "One.")),
            .messageCompleted(Self.message(2, "cfo", round: 1, "Two.")),
            .roundEnded(round: 1),
            .roundStarted(round: 2),
            .turnStarted(agent: "pm", round: 2, message: MessageID(3)),
            .textDelta(agent: "pm", message: MessageID(3), text: "Round two "),
            .humanMessage(human),
            .textDelta(agent: "pm", message: MessageID(3), text: "words."),
            .messageCompleted(round2Message),
            .summaryStarted(.round(1)),
            .summaryDelta(.round(1), text: "• half"),
        ]
        for event in events { out += printer.text(for: event) }
        #expect(!out.contains("Round 2"), "round 2 waits for the summary of round 1")
        #expect(!out.contains("Round two"))
        out += printer.text(for: .summaryCompleted(Summary(scope: .round(1), text: "• the point")))
        let order = ["Two.", "▌ Mo · Summary of round 1", "▌ • the point", "── Round 2 of 2", "Priya (PM)\n  Round two words.", "You → @cfo", "  why?"]
        let places = order.map { piece in out.range(of: piece)?.lowerBound }
        #expect(places.allSatisfy { $0 != nil }, "every piece is printed: \(out)")
        let found = places.compactMap { $0 }
        #expect(found == found.sorted(), "in this order: \(order)")
        #expect(out.components(separatedBy: "Round two words.").count == 2, "the message is printed once")
    }

    @Test("a debate that ends while a summary is awaited prints what waited before its last line")
    func endReleases() {
        var printer = HeadlessPrinter(colour: false)
        var out = printer.text(for: .debateStarted(Self.info))
        out += printer.text(for: .roundEnded(round: 1))
        out += printer.text(for: .roundStarted(round: 2))
        out += printer.text(for: .messageCompleted(Self.message(1, "pm", round: 2, "Still here.")))
        #expect(!out.contains("Still here."))
        out += printer.text(for: .debateFinished(.stopped, usage: .zero))
        let here = out.range(of: "Still here.")?.lowerBound, end = out.range(of: "── Debate")?.lowerBound
        #expect(here != nil && end != nil && here! < end!)
    }

    @Test("without a facilitator nothing waits for a summary")
    func noFacilitator() {
        var info = Self.info
        info.facilitator = nil
        var printer = HeadlessPrinter(colour: false)
        _ = printer.text(for: .debateStarted(info))
        _ = printer.text(for: .roundEnded(round: 1))
        #expect(printer.text(for: .roundStarted(round: 2)).contains("Round 2 of 2"))
    }

    @Test("at 60 columns long lines wrap at words, keeping their indent and the summary's bar; nothing is lost")
    func wrapsAtWords() async throws {
        let plain = try await HeadlessPrinterTests.builtInOutput()
        let wrapped = try await HeadlessPrinterTests.builtInOutput(width: 60)
        let words = { (text: String) in text.split(whereSeparator: \.isWhitespace).filter { $0 != "▌" } }
        let sameWords = words(wrapped) == words(plain)
        #expect(sameWords, "the same words, none split")
        let lines = Self.lines(wrapped)
        #expect(lines.allSatisfy { TextWidth.columns($0) <= 60 }, "\(lines.filter { TextWidth.columns($0) > 60 })")
        #expect(lines.count > Self.lines(plain).count + 20, "long lines were wrapped")
        #expect(Self.lines(plain).contains { TextWidth.columns($0) > 60 }, "unwrapped, lines are long")
        // A message's continuation lines keep its two-space indent; a summary's, its bar.
        let said = "  Forty percent of the teams who churned last quarter named"
        guard let start = lines.firstIndex(of: said) else {
            Issue.record("the first message wraps at a word: \(lines.prefix(12))")
            return
        }
        #expect(lines[start + 1].hasPrefix("  missing real-time"))
        let bullets = lines.indices.filter { lines[$0].hasPrefix("▌ • ") }
        #expect(!bullets.isEmpty)
        for index in bullets where TextWidth.columns(lines[index]) > 50 && lines[index + 1].hasPrefix("▌ ") {
            #expect(lines[index + 1].hasPrefix("▌   "), "a bullet's continuation hangs under its text: \(lines[index + 1])")
        }
    }

    @Test("a word streamed in pieces is never split across lines")
    func streamedWords() {
        var printer = HeadlessPrinter(colour: false, width: 24)
        var out = printer.text(for: .debateStarted(Self.info))
        out += printer.text(for: .turnStarted(agent: "pm", round: 1, message: MessageID(1)))
        for piece in ["Coll", "aboration ", "needs a sync", "hronised ", "engine", " soon."] {
            out += printer.text(for: .textDelta(agent: "pm", message: MessageID(1), text: piece))
        }
        out += printer.text(for: .messageCompleted(Self.message(1, "pm", round: 1, "x")))
        out += printer.flush()
        #expect(out.hasSuffix("Priya (PM)\n  Collaboration needs a\n  synchronised engine\n  soon.\n"), "\(out)")
    }
}
