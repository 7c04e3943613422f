import ParleyCore
import TerminalKit
import Testing
@testable import ParleyObserver

@Suite("The observer's views, drawn into a canvas and compared with golden text")
struct ViewGoldenTests {
    let theme = ThemeCatalog.defaultTheme

    func render(_ state: ObserverState, _ columns: Int, _ rows: Int) -> Canvas {
        ObserverView.render(state: state, theme: theme, columns: columns, rows: rows)
    }

    @Test("a three-peer debate at 120×34, 100×30 and 80×24", arguments: [(120, 34), (100, 30), (80, 24)])
    func threePeers(size: (Int, Int)) throws {
        let state = DebateBuilder.threePeerDebate().state(columns: size.0, rows: size.1)
        try Goldens.check(render(state, size.0, size.1), "three-peers-\(size.0)x\(size.1)")
    }

    @Test("2, 5 and 9 peers lay out in a grid", arguments: [2, 5, 9])
    func peerCounts(count: Int) throws {
        var debate = DebateBuilder(DebateBuilder.info(agents: DebateBuilder.agents(count)))
        debate.round(1)
        for (index, agent) in DebateBuilder.agents(count).enumerated() {
            debate.turn(agent.id, round: 1, says: "Point \(index + 1): I think we should weigh the cost against the value.")
        }
        try Goldens.check(render(debate.state(), 100, 30), "peers-\(count)-100x30")
        if count == 9 {
            try Goldens.check(render(debate.state(), 60, 16), "peers-9-60x16")
        }
    }

    @Test("wide characters (CJK and emoji) wrap and clip without being split")
    func wideCharacters() throws {
        var debate = DebateBuilder()
        debate.round(1)
        debate.turn("pm", round: 1, says: "用户最想要的功能是X，我们应该在六周内发布第一版。🚀🎉 Ship it! 👩‍💻")
        debate.turn("eng", round: 1, says: "日本語のテキストも折り返す必要があります：エンジニアリングの見積もりは十週間です。")
        let canvas = render(debate.state(), 80, 24)
        try Goldens.check(canvas, "wide-characters-80x24")
        for row in 0..<canvas.height {
            for column in 0..<canvas.width where canvas[column, row].isContinuation {
                #expect(column > 0 && TextWidth.columns(canvas[column - 1, row].character) == 2)
            }
        }
    }

    @Test("a terminal too small says what it needs", arguments: [(50, 10), (20, 5), (10, 3), (6, 2)])
    func tooSmall(size: (Int, Int)) throws {
        let state = DebateBuilder.threePeerDebate().state(columns: size.0, rows: size.1)
        let canvas = render(state, size.0, size.1)
        try Goldens.check(canvas, "too-small-\(size.0)x\(size.1)")
        if size.0 >= 20 { #expect(canvas.text.contains("Parley needs")) }
    }

    @Test("growing back from too small restores the whole UI")
    func growBack() {
        var state = DebateBuilder.threePeerDebate().state(columns: 40, rows: 10)
        _ = state.apply(.resize(columns: 100, rows: 30))
        let text = render(state, 100, 30).text
        #expect(!text.contains("Parley needs"))
        #expect(text.contains("Priya"))
    }

    @Test("the help overlay lists the keys", arguments: [(100, 30), (60, 16)])
    func help(size: (Int, Int)) throws {
        var state = DebateBuilder.threePeerDebate().state(columns: size.0, rows: size.1)
        _ = state.apply(.showHelp)
        let canvas = render(state, size.0, size.1)
        try Goldens.check(canvas, "help-\(size.0)x\(size.1)")
        #expect(canvas.text.contains("pause / resume"))
    }

    @Test("at 60×20 the help fits the screen and scrolls to its last line with ↓, PgDn and End; any other key closes it")
    func helpScrolls() throws {
        var state = DebateBuilder.threePeerDebate().state(columns: 60, rows: 20)
        _ = state.apply(.showHelp)
        let first = render(state, 60, 20)
        #expect(first.text.contains("pause / resume"))
        #expect(first.text.contains("↑↓ PgUp PgDn 1–"), "the footer says it scrolls and which lines show")
        #expect(!first.text.contains("let the model finish"), "the last section is below")
        #expect(first.lines.allSatisfy { TextWidth.columns($0) <= 60 })
        _ = state.apply(try #require(KeyMap.command(for: .pageDown, in: state.mode)))
        #expect(state.view.helpScroll > 0)
        let paged = render(state, 60, 20)
        #expect(!paged.text.contains("pause / resume"), "a page down, the first lines are gone")
        _ = state.apply(try #require(KeyMap.command(for: .end, in: state.mode)))
        let end = render(state, 60, 20)
        #expect(end.text.contains("let the model finish"), "End shows the last line")
        let bottom = state.view.helpScroll
        _ = state.apply(try #require(KeyMap.command(for: .down, in: state.mode)))
        #expect(state.view.helpScroll == bottom, "no scrolling past the end")
        _ = state.apply(try #require(KeyMap.command(for: .up, in: state.mode)))
        #expect(state.view.helpScroll == bottom - 1)
        _ = state.apply(try #require(KeyMap.command(for: .character("x"), in: state.mode)))
        #expect(!state.view.showsHelp)
        _ = state.apply(.showHelp)
        #expect(state.view.helpScroll == 0, "the help opens at its top")
    }

    @Test("a replay's hints and help leave out writing and cancelling a turn, and keep the speed")
    func replayHints() {
        let live = DebateBuilder.threePeerDebate().state(columns: 120, rows: 34)
        let replay = DebateBuilder.threePeerDebate().state(columns: 120, rows: 34, replay: true)
        let hints = { (state: ObserverState) in PromptLineView.line(for: state, width: 200).map(\.text).joined() }
        #expect(hints(live).contains("i write"))
        #expect(hints(live).contains("+- speed"))
        #expect(!hints(replay).contains("i write"))
        #expect(hints(replay).contains("+- speed"))
        #expect(hints(replay).contains("n step"))
        var liveHelp = live, replayHelp = replay
        _ = liveHelp.apply(.showHelp)
        _ = replayHelp.apply(.showHelp)
        let liveText = render(liveHelp, 120, 34).text, replayText = render(replayHelp, 120, 34).text
        for line in ["write to the debate", "cancel the turn (asks first)", "Writing (i)", "retry the turn"] {
            #expect(liveText.contains(line))
            #expect(!replayText.contains(line), "a replay's help offers '\(line)'")
        }
        #expect(replayText.contains("step one round"))
        #expect(replayText.contains("faster / slower"))
    }

    @Test("the graph zoomed to the whole screen")
    func graphZoomed() throws {
        var state = DebateBuilder.threePeerDebate().state(columns: 100, rows: 30)
        _ = state.apply(.focus(.side))
        _ = state.apply(.toggleZoom)
        try Goldens.check(render(state, 100, 30), "graph-zoomed-100x30")
    }

    @Test("the blackboard's notes with their authors and rounds")
    func blackboard() throws {
        var state = DebateBuilder.threePeerDebate().state(columns: 100, rows: 30)
        _ = state.apply(.toggleGraphView)
        _ = state.apply(.toggleGraphView)
        let canvas = render(state, 100, 30)
        try Goldens.check(canvas, "blackboard-100x30")
        #expect(canvas.text.contains("decision · Eli · round 2"))
    }

    @Test("the composer shows the line being written")
    func composer() throws {
        var state = DebateBuilder.threePeerDebate().state(columns: 80, rows: 24)
        _ = state.apply(.startCompose)
        for character in "@pm @cfo what about churn among the largest teams, and what does a quarter of delay cost us?" {
            _ = state.apply(.compose(.insert(String(character))))
        }
        let canvas = render(state, 80, 24)
        try Goldens.check(canvas, "composer-80x24")
        let cursor = try #require(ObserverView.cursor(state: state))
        #expect(cursor.y == 22)
        #expect(canvas[cursor.x - 1, cursor.y].character == "?")
        #expect(canvas[cursor.x, cursor.y].character == " ")
        _ = state.apply(.compose(.home))
        let home = try #require(ObserverView.cursor(state: state))
        #expect(ObserverView.render(state: state, theme: theme, columns: 80, rows: 24)[home.x, home.y].character == "@")
    }

    @Test("a failed turn prompts for retry, skip or quit")
    func failurePrompt() throws {
        var debate = DebateBuilder.threePeerDebate()
        debate.add(.peerFailed(PeerFailure(agent: "cfo", round: 3, error: "HTTP 503 from http://127.0.0.1:8571/v1/chat/completions: is the server up?", retryable: true)))
        try Goldens.check(render(debate.state(), 100, 30), "failure-100x30")
    }

    @Test("the quit question")
    func quitQuestion() throws {
        var state = DebateBuilder.threePeerDebate().state(columns: 80, rows: 24)
        _ = state.apply(.requestQuit)
        #expect(render(state, 80, 24).lines[22].contains("Stop it and quit?"))
    }

    @Test("a finished debate shows the final tradeoffs, paused pace and recording in the status bar")
    func finished() throws {
        var debate = DebateBuilder.threePeerDebate()
        debate.stream("cfo", MessageID(10), "the flagged release.")
        debate.finish("cfo", MessageID(10), round: 3, text: "Budget approved for the flagged release.", to: .everyone, tokens: 50)
        debate.summary(.final, "Tradeoffs: ship X behind a flag in eight weeks (user value, churn) against a later sync rework (engineering risk); payback under two quarters.")
        debate.add(.debateFinished(.completed, usage: Usage(promptTokens: 4000, completionTokens: 1200, cost: 0.0312)))
        var state = debate.state(columns: 100, rows: 30)
        state.intake.recordingPath = "debates/feature-x.jsonl"
        state.debate.elapsed = 125
        try Goldens.check(render(state, 100, 30), "finished-100x30")
    }

    @Test("an escape sequence split across deltas never reaches the canvas")
    func escapeNeverReachesCanvas() {
        var debate = DebateBuilder()
        let id = debate.begin("pm", round: 1)
        debate.add(.textDelta(agent: "pm", message: id, text: "copy this \u{1B}]52;c;cm0gLXJmIH4="))
        debate.add(.textDelta(agent: "pm", message: id, text: "\u{1B}\\ and \u{9B}31mred\u{07}"))
        let canvas = render(debate.state(), 100, 30)
        let scalars = canvas.cells.flatMap { $0.character.unicodeScalars }
        #expect(!scalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(!canvas.text.contains("52;c"))
        #expect(canvas.text.contains("copy this  and red␇"))
    }
}
