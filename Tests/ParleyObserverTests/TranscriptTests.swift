import ParleyCore
import ParleyTestSupport
import Testing
@testable import ParleyObserver

@Suite("Transcripts: a recorded debate as Markdown and HTML")
struct TranscriptTests {
    static let goldens = GoldenFile("Golden", besides: #filePath)

    /// The three-peer debate, its final summary and end.
    static func finished() -> [DebateEvent] {
        var debate = DebateBuilder.threePeerDebate()
        debate.summary(.final, "Tradeoffs after 2 rounds:\n• Priya weighs churn.\nStill open: the price per seat?")
        debate.add(.debateFinished(.completed, usage: Usage(promptTokens: 1200, completionTokens: 340, cost: 0.0123)))
        return debate.events
    }

    @Test("the Markdown transcript has speakers, roles, addressees, rounds, notes, the person, summaries and usage")
    func markdownGolden() throws {
        try Self.goldens.check(Transcript(events: Self.finished()).markdown, "transcript-markdown")
    }

    @Test("the HTML transcript is one self-contained page with the same parts")
    func htmlGolden() throws {
        let html = Transcript(events: Self.finished()).html
        try Self.goldens.check(html, "transcript-html")
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("href="), "nothing runs or is fetched")
    }

    @Test("untrusted text is escaped for each format and loses its control characters")
    func untrustedText() {
        var debate = DebateBuilder()
        debate.add(.debateStarted(DebateBuilder.info()))
        debate.round(1)
        let hostile = "<script>alert(1)</script> **bold** [x](javascript:alert(1)) \u{1B}]52;c;cm0=\u{07}\u{1B}[31mred & 'q' \"d\""
        debate.turn("pm", round: 1, says: hostile)
        debate.human("<img src=x onerror=alert(1)>", to: .peers(["cfo"]), round: 1)
        let transcript = Transcript(events: debate.events)
        for text in [transcript.markdown, transcript.html] {
            #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "no escape or bell survives")
            #expect(!text.contains("<script>") && !text.contains("<img"), "no tag from the debate survives")
            #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
        #expect(transcript.markdown.contains("\\*\\*bold\\*\\* \\[x\\](javascript:alert(1))"), "Markdown shows the stars and brackets as written")
        #expect(transcript.html.contains("&amp; &#39;q&#39; &quot;d&quot;"))
    }

    @Test("agent ids from a recording are untrusted too: no escape reaches a transcript or a diff")
    func hostileIDs() {
        let id = AgentID("p\u{1B}]0;owned\u{07}m")
        let agent = Agent(id: id, name: "Priya", role: "PM", model: "m")
        let events: [DebateEvent] = [
            .debateStarted(DebateBuilder.info(agents: [agent, DebateBuilder.cfo])),
            .roundStarted(round: 1),
            .messageCompleted(Message(id: MessageID(1), sender: "ghost\u{1B}[2J", to: .peers([id]), round: 1, text: "hi", startedAt: .now, completedAt: .now)),
        ]
        let transcript = Transcript(events: events)
        let texts = [transcript.markdown, transcript.html, DebateDiff(events, []).plainText(nameA: "a", nameB: "b")]
        for text in texts {
            #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(text)")
        }
    }

    @Test("a recording cut short says that the debate did not end in it")
    func cutShort() {
        var debate = DebateBuilder()
        debate.add(.debateStarted(DebateBuilder.info()))
        debate.round(1)
        debate.turn("pm", round: 1, says: "Ship it.")
        #expect(Transcript(events: debate.events).markdown.contains("The recording ends before the debate did"))
    }
}
