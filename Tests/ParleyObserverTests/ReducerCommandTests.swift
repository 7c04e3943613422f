import ParleyCore
import TerminalKit
import Testing
@testable import ParleyObserver

@Suite("The observer state carries out the person's commands")
struct ReducerCommandTests {
    func running() -> ObserverState {
        DebateBuilder.threePeerDebate().state(columns: 100, rows: 30)
    }

    func type(_ text: String, into state: inout ObserverState) {
        for character in text { _ = state.apply(.compose(.insert(String(character)))) }
    }

    @Test("space pauses a live debate and resumes a paused one")
    func pause() {
        var state = running()
        #expect(state.apply(.togglePause) == [.send(.pause)])
        #expect(state.debate.pace.mode == .paused)
        #expect(state.apply(.togglePause) == [.send(.resume)])
        state.apply(.paceChanged(PaceState(mode: .step)))
        #expect(state.apply(.togglePause) == [.send(.resume)])
    }

    @Test("e asks for one more round; a message no peer can answer says so and names e; a replay cannot be extended")
    func oneMoreRound() {
        var state = running()
        #expect(state.apply(.addRound) == [.send(.addRound)])
        state.apply(.unheard(peers: ["cfo"], message: MessageID(7)))
        #expect(state.debate.notice?.text == "@cfo has no turn left to answer you — press e to add a round")
        #expect(state.debate.notice?.tone == .warning)
        let rounds = state.debate.info?.rounds ?? 0
        state.apply(.roundsChanged(rounds: rounds + 1))
        #expect(state.debate.info?.rounds == rounds + 1)
        #expect(KeyMap.command(for: .character("e"), in: .normal) == .addRound)
        var replay = DebateBuilder.threePeerDebate().state(columns: 100, rows: 30, replay: true)
        #expect(replay.apply(.addRound).isEmpty)
        #expect(replay.debate.notice?.text.hasPrefix("A replay cannot be extended") == true)
    }

    @Test("space mid-turn says PAUSING AFTER THIS TURN while the speaker streams, PAUSED once its turn ended")
    func pauseMidTurn() {
        var debate = DebateBuilder()
        debate.round(1)
        let id = debate.turn("pm", round: 1, says: "Users keep asking for", complete: false)
        var state = debate.state()
        #expect(state.apply(.togglePause) == [.send(.pause)])
        state.apply(.paceChanged(PaceState(mode: .paused)))
        #expect(StatusBarView.mode(state).text == " PAUSING AFTER THIS TURN ")
        #expect(state.debate.notice?.text.hasPrefix("Pausing after this turn") == true)
        state.apply(.textDelta(agent: "pm", message: id, text: " X."))
        #expect(StatusBarView.mode(state).text == " PAUSING AFTER THIS TURN ", "still streaming: not paused yet")
        state.apply(.messageCompleted(Message(id: id, sender: "pm", to: .everyone, round: 1, text: "Users keep asking for X.", startedAt: debate.start, completedAt: debate.start)))
        state.apply(.held(agent: "eng", round: 1))
        #expect(StatusBarView.mode(state).text == " PAUSED ")
        var idle = DebateBuilder().state()
        _ = idle.apply(.togglePause)
        #expect(StatusBarView.mode(idle).text == " PAUSED ", "no turn under way: paused at once")
        #expect(idle.debate.notice == nil)
    }

    @Test("n and r step a turn and a round")
    func step() {
        var state = running()
        #expect(state.apply(.stepTurn) == [.send(.stepTurn)])
        #expect(state.apply(.stepRound) == [.send(.stepRound)])
        #expect(state.debate.pace.mode == .step)
    }

    @Test("nothing is sent to a debate that has ended; a notice says so")
    func ended() {
        var state = running()
        state.apply(.debateFinished(.stopped, usage: .zero))
        #expect(state.apply(.togglePause).isEmpty)
        #expect(state.apply(.startCompose).isEmpty)
        #expect(!state.view.composer.isOpen)
        #expect(state.debate.notice != nil)
    }

    @Test("quitting a running debate asks first; yes stops it and quits, Esc keeps watching")
    func quitConfirmation() {
        var state = running()
        #expect(state.apply(.requestQuit).isEmpty)
        #expect(state.mode == .confirmingQuit)
        #expect(state.apply(.cancel).isEmpty)
        #expect(state.mode == .normal)
        _ = state.apply(.requestQuit)
        #expect(state.apply(.confirmQuit) == [.send(.stop), .quit])
    }

    @Test("Esc closes what is open, innermost first, and never cancels a turn: pressed twice it is harmless")
    func escapeNeverCancelsTurn() {
        var state = running()
        _ = state.apply(.startCompose)
        _ = state.apply(.toggleZoom)
        #expect(state.apply(.cancel).isEmpty)
        #expect(!state.view.composer.isOpen && state.view.isZoomed)
        #expect(state.apply(.cancel).isEmpty)
        #expect(!state.view.isZoomed)
        #expect(state.debate.isTurnBeingWritten)
        #expect(state.apply(.cancel).isEmpty, "nothing open: Esc does nothing")
        #expect(state.apply(.cancel).isEmpty)
        #expect(state.debate.isTurnBeingWritten && state.mode == .normal && state.debate.notice == nil)
    }

    @Test("quitting a replay does not ask")
    func quitReplay() {
        var state = ObserverState(columns: 100, rows: 30, isReplay: true)
        for event in DebateBuilder.threePeerDebate().events { state.apply(event) }
        #expect(state.apply(.requestQuit) == [.send(.stop), .quit])
    }

    @Test("quitting after the debate ended does not ask")
    func quitAfterEnd() {
        var state = running()
        state.apply(.debateFinished(.completed, usage: .zero))
        #expect(state.apply(.requestQuit) == [.quit])
    }

    @Test("after a failure r retries, s skips and q stops and quits")
    func failurePrompt() throws {
        var state = running()
        state.apply(.peerFailed(PeerFailure(agent: "cfo", round: 3, error: "timeout", retryable: true)))
        #expect(state.mode == .failurePrompt)
        let retry = try #require(KeyMap.command(for: .character("r"), in: state.mode))
        #expect(state.apply(retry) == [.send(.retryTurn)])
        #expect(state.mode == .normal)
        state.apply(.peerFailed(PeerFailure(agent: "cfo", round: 3, error: "timeout", retryable: true)))
        #expect(state.apply(try #require(KeyMap.command(for: .character("s"), in: state.mode))) == [.send(.skipTurn)])
        state.apply(.peerFailed(PeerFailure(agent: "cfo", round: 3, error: "timeout", retryable: false)))
        #expect(state.apply(try #require(KeyMap.command(for: .character("q"), in: state.mode))) == [.send(.stop), .quit])
    }

    @Test("x cancels a scripted persona's turn at once; a real model's asks first: y cancels, n or Esc lets it finish")
    func cancelTurn() {
        var scripted = DebateBuilder()
        scripted.round(1)
        scripted.turn("pm", round: 1, says: "Users keep", complete: false)
        var persona = scripted.state()
        #expect(persona.apply(.cancelTurn) == [.send(.cancelTurn)])

        var state = running()  // Dana (cfo) speaks, on smollm2
        #expect(state.apply(.cancelTurn).isEmpty)
        #expect(state.mode == .confirmingCancel)
        #expect(PromptLineView.line(for: state, width: 200).map(\.text).joined() == "Dana's model is mid-reply. Cancel the turn? y cancel it · n let it finish")
        #expect(state.apply(.cancel).isEmpty)
        #expect(state.mode == .normal)
        _ = state.apply(.cancelTurn)
        #expect(state.apply(KeyMap.command(for: .character("y"), in: state.mode)!) == [.send(.cancelTurn)])
        #expect(state.mode == .normal)

        var idle = DebateBuilder().state()
        #expect(idle.apply(.cancelTurn).isEmpty)
        #expect(idle.debate.notice?.text == "No turn is being written.")
    }

    @Test("a turn that ends while x asks is not cancelled: the next turn is not the one asked about")
    func cancelAskedTooLate() throws {
        var state = running()
        _ = state.apply(.cancelTurn)
        let dana = try #require(state.debate.speakers.first)
        guard case .message(let speaking) = try #require(dana.entries.last) else { Issue.record("no message"); return }
        state.apply(.messageCompleted(Message(id: speaking.id, sender: "cfo", to: .everyone, round: 3, text: speaking.text, startedAt: .now, completedAt: .now)))
        state.apply(.turnStarted(agent: "pm", round: 3, message: MessageID(99)))
        #expect(state.apply(.confirmCancelTurn).isEmpty)
        #expect(state.debate.notice?.text == "Dana's turn ended before it was cancelled.")
    }

    @Test("a turn the person cancelled shows as cancelled, not as a failure")
    func cancelledTurnShown() {
        var state = running()
        state.apply(.peerFailed(PeerFailure(agent: "cfo", round: 3, error: "Dana (@cfo): the turn was cancelled by you", retryable: true, cancelled: true)))
        #expect(state.debate.pane("cfo")?.activity == .cancelled)
        #expect(state.debate.pane("cfo")?.entries.last == .notice("⊘ turn cancelled by you", .warning))
        let line = PromptLineView.line(for: state, width: 200).map(\.text).joined()
        #expect(line == "⊘ Dana's turn was cancelled · r retry · s skip · q quit")
        #expect(!line.contains("failed"))
        var replay = DebateBuilder.threePeerDebate().state(replay: true)
        replay.apply(.peerFailed(PeerFailure(agent: "cfo", round: 3, error: "x", retryable: true, cancelled: true)))
        #expect(replay.debate.notice?.text == "⊘ Dana's turn was cancelled.")
    }

    @Test("the composer sends @mentions to those peers and the rest to everyone")
    func composerSends() {
        var state = running()
        _ = state.apply(.startCompose)
        #expect(state.mode == .composing)
        type("@pm @cfo why not ship now?", into: &state)
        #expect(state.apply(.compose(.submit)) == [.send(.inject(text: "why not ship now?", to: .peers(["pm", "cfo"])))])
        #expect(!state.view.composer.isOpen)
        _ = state.apply(.startCompose)
        type("hello everyone", into: &state)
        #expect(state.apply(.compose(.submit)) == [.send(.inject(text: "hello everyone", to: .everyone))])
    }

    @Test("mentions anywhere in the line address those peers, and the line shows whom it goes to before it is sent")
    func composerMentionsAnywhere() {
        var state = running()
        _ = state.apply(.startCompose)
        type("hey", into: &state)
        #expect(ComposerLineView.tag(state).text == "→ everyone")
        type(" @cfo what about annual billing?", into: &state)
        #expect(ComposerLineView.tag(state).text == "→ @cfo")
        let canvas = ObserverView.render(state: state, theme: .plain)
        #expect(canvas.lines[state.layout.prompt.y].hasSuffix("→ @cfo"), "\(canvas.lines[state.layout.prompt.y])")
        #expect(state.apply(.compose(.submit)) == [.send(.inject(text: "hey @cfo what about annual billing?", to: .peers(["cfo"])))])
    }

    @Test("an @id of no peer is refused with did-you-mean, and the text is kept to be fixed")
    func composerRefusesUnknownPeer() {
        var state = running()
        _ = state.apply(.startCompose)
        type("@ceo hello", into: &state)
        #expect(state.apply(.compose(.submit)).isEmpty, "nothing goes to everyone by mistake")
        #expect(state.view.composer.isOpen)
        #expect(state.view.composer.text == "@ceo hello")
        #expect(state.view.composer.refusal == "no peer @ceo — did you mean @cfo?")
        let line = ObserverView.render(state: state, theme: .plain).lines[state.layout.prompt.y]
        #expect(line.contains("✗ no peer @ceo — did you mean @cfo?"), "\(line)")
        #expect(state.view.composer.history.isEmpty)
        _ = state.apply(.compose(.home))
        _ = state.apply(.compose(.deleteForward))
        _ = state.apply(.compose(.deleteForward))
        _ = state.apply(.compose(.deleteForward))
        _ = state.apply(.compose(.deleteForward))
        #expect(state.view.composer.refusal == nil, "an edit clears the refusal")
        type("@cfo", into: &state)
        #expect(state.apply(.compose(.submit)) == [.send(.inject(text: "hello", to: .peers(["cfo"])))])
        _ = state.apply(.startCompose)
        type("@zed hi", into: &state)
        _ = state.apply(.compose(.submit))
        #expect(state.view.composer.refusal == "no peer @zed — the peers are @pm @eng @cfo")
    }

    @Test("while typing, mentions of peers are in the peer's colour and mentions of no peer in the error colour")
    func composerHighlightsMentions() {
        var state = running()
        _ = state.apply(.startCompose)
        type("@cfo and @ceo", into: &state)
        let inks = ComposerLineView.inks(state).map(\.0)
        let cfo = state.debate.pane("cfo")!.index
        #expect(inks[0..<4].allSatisfy { $0 == .agent(cfo) })
        #expect(inks[4..<9].allSatisfy { $0 == .role(.composer) })
        #expect(inks[9..<13].allSatisfy { $0 == .role(.error) })
        let theme = Theme.plain
        let canvas = ObserverView.render(state: state, theme: theme)
        let y = state.layout.prompt.y
        let x = canvas.lines[y].firstIndex(of: "@").map { canvas.lines[y].distance(from: canvas.lines[y].startIndex, to: $0) } ?? 0
        #expect(canvas[x + 9, y].style.attributes.contains(.underline), "the unknown @ceo is marked on screen")
    }

    @Test("a line of only @mentions sends nothing and says why")
    func composerOnlyMentions() {
        var state = running()
        _ = state.apply(.startCompose)
        type("@pm", into: &state)
        #expect(state.apply(.compose(.submit)).isEmpty)
        #expect(state.debate.notice?.tone == .warning)
    }

    @Test("Esc closes the composer without sending")
    func composerCancel() {
        var state = running()
        _ = state.apply(.startCompose)
        type("draft", into: &state)
        #expect(state.apply(.cancel).isEmpty)
        #expect(!state.view.composer.isOpen)
        #expect(state.view.composer.history.isEmpty)
    }

    @Test("↑ and ↓ walk the history and come back to the draft")
    func composerHistory() {
        var composer = Composer()
        for line in ["first", "second"] {
            composer.open()
            _ = composer.apply(.insert(line), peers: [])
            #expect(composer.apply(.submit, peers: []) == line)
        }
        composer.open()
        _ = composer.apply(.insert("dra"), peers: [])
        _ = composer.apply(.historyPrevious, peers: [])
        #expect(composer.text == "second")
        _ = composer.apply(.historyPrevious, peers: [])
        #expect(composer.text == "first")
        _ = composer.apply(.historyPrevious, peers: [])
        #expect(composer.text == "first")
        _ = composer.apply(.historyNext, peers: [])
        _ = composer.apply(.historyNext, peers: [])
        #expect(composer.text == "dra")
    }

    @Test("Tab completes an @id, and cycles when several fit")
    func completion() {
        let peers: [AgentID] = ["pm", "eng", "cfo", "ceo"]
        var composer = Composer()
        composer.open()
        _ = composer.apply(.insert("@e"), peers: peers)
        _ = composer.apply(.complete, peers: peers)
        #expect(composer.text == "@eng ")
        _ = composer.apply(.insert("@c"), peers: peers)
        _ = composer.apply(.complete, peers: peers)
        #expect(composer.text == "@eng @cfo ")
        _ = composer.apply(.complete, peers: peers)
        #expect(composer.text == "@eng @ceo ")
        _ = composer.apply(.complete, peers: peers)
        #expect(composer.text == "@eng @cfo ")
        _ = composer.apply(.insert("ok"), peers: peers)
        #expect(composer.text == "@eng @cfo ok")
    }

    @Test("editing keys move the cursor and delete characters and words")
    func editing() {
        var composer = Composer()
        composer.open()
        _ = composer.apply(.insert("hello big world"), peers: [])
        _ = composer.apply(.deleteWord, peers: [])
        #expect(composer.text == "hello big ")
        _ = composer.apply(.home, peers: [])
        _ = composer.apply(.deleteForward, peers: [])
        _ = composer.apply(.right, peers: [])
        _ = composer.apply(.insert("X"), peers: [])
        #expect(composer.text == "eXllo big ")
        #expect(composer.cursor == 2)
        _ = composer.apply(.backspace, peers: [])
        _ = composer.apply(.insert("\u{1B}[31m\n"), peers: [])
        #expect(composer.text == "e[31mllo big ")
        _ = composer.apply(.clear, peers: [])
        #expect(composer.text.isEmpty)
    }

    @Test("a pane at its end follows new text; scrolled back it stays put until End")
    func followBottom() throws {
        var state = running()
        _ = state.apply(.focus(.peer("cfo")))
        let (before, rows) = try #require(ObserverView.scrollContent(.peer("cfo"), of: state, in: state.layout))
        #expect(state.scrollTop(.peer("cfo")) == nil)
        #expect(before.count > rows)

        _ = state.apply(.scroll(.up))
        let scrolled = state.scrollTop(.peer("cfo"))
        let top = try #require(scrolled)
        #expect(top == before.count - rows - 1)
        state.apply(.textDelta(agent: "cfo", message: MessageID(10), text: String(repeating: "more words ", count: 30)))
        #expect(state.scrollTop(.peer("cfo")) == top)

        _ = state.apply(.scroll(.end))
        #expect(state.scrollTop(.peer("cfo")) == nil)
        _ = state.apply(.scroll(.home))
        #expect(state.scrollTop(.peer("cfo")) == 0)
        _ = state.apply(.scroll(.pageDown))
        #expect(state.scrollTop(.peer("cfo")) == rows - 1)
        for _ in 0..<50 { _ = state.apply(.scroll(.down)) }
        #expect(state.scrollTop(.peer("cfo")) == nil)
    }

    @Test("Tab moves the focus round the panes; a click focuses the pane under it; the wheel scrolls it")
    func focusAndMouse() throws {
        var state = running()
        _ = state.apply(.focusNext)
        #expect(state.view.focus == .peer("eng"))
        _ = state.apply(.focusPrevious)
        _ = state.apply(.focusPrevious)
        #expect(state.view.focus == .side)
        let rect = try #require(state.layout.rect(of: .peer("cfo")))
        _ = state.apply(.click(Point(x: rect.x + 3, y: rect.y + 2)))
        #expect(state.view.focus == .peer("cfo"))
        let summary = try #require(state.layout.rect(of: .summary))
        _ = state.apply(.wheel(Point(x: summary.x + 2, y: summary.y + 1), .up))
        #expect(state.scrollTop(.summary) != nil)
        #expect(state.view.focus == .peer("cfo"))
    }

    @Test("z zooms the focused pane to the whole screen and back")
    func zoom() {
        var state = running()
        _ = state.apply(.toggleZoom)
        let layout = state.layout
        #expect(layout.rect(of: .peer("pm")) == Rect(x: 0, y: 0, width: 100, height: 27))
        #expect(layout.rect(of: .summary) == nil)
        _ = state.apply(.toggleZoom)
        #expect(state.layout.rect(of: .summary) != nil)
    }

    @Test("+ and - step the delay between turns")
    func speed() {
        var state = running()
        #expect(state.apply(.slower) == [.send(.setDelay(0.25))])
        #expect(state.apply(.slower) == [.send(.setDelay(0.5))])
        #expect(state.apply(.faster) == [.send(.setDelay(0.25))])
        #expect(state.apply(.faster) == [.send(.setDelay(0))])
        #expect(state.apply(.faster).isEmpty)
        #expect(state.debate.notice?.text == "No delay between turns already.")
        state.apply(.paceChanged(PaceState(mode: .live, delay: 3)))
        #expect(state.apply(.slower) == [.send(.setDelay(4))])
        #expect(state.apply(.slower).isEmpty)
        #expect(state.debate.notice?.text == "The longest delay is 4 s.")
        #expect(state.debate.pace.delay == 4)
    }

    @Test("- leaves a delay longer than its steps as it is, and + brings it down to the longest step")
    func speedBeyondSteps() {
        var state = running()
        state.apply(.paceChanged(PaceState(mode: .live, delay: 10)))
        #expect(state.apply(.slower).isEmpty)
        #expect(state.debate.pace.delay == 10)
        #expect(state.debate.notice?.text == "The delay is 10 s already, longer than - goes (4 s).")
        #expect(state.apply(.faster) == [.send(.setDelay(4))])
        #expect(state.debate.pace.delay == 4)
        #expect(state.debate.notice == nil)
    }

    @Test("a replay cannot be written to, nor its turns cancelled: each says so; + and - change its speed")
    func replay() {
        var state = DebateBuilder.threePeerDebate().state(replay: true)
        #expect(state.debate.isTurnBeingWritten)
        #expect(state.apply(.startCompose).isEmpty)
        #expect(!state.view.composer.isOpen)
        #expect(state.debate.notice?.text == "A replay cannot be written to; space pauses, n and r step.")
        #expect(state.apply(.cancelTurn).isEmpty)
        #expect(state.debate.notice?.text == "A replay's turns cannot be cancelled; space pauses, n and r step.")
        #expect(state.apply(.faster) == [.send(.setSpeed(2))])
        #expect(state.intake.replaySpeed == 2)
        #expect(state.debate.notice?.text == "Replay speed 2×.")
        #expect(state.apply(.slower) == [.send(.setSpeed(1))])
        #expect(state.apply(.slower) == [.send(.setSpeed(0.5))])
        #expect(state.debate.notice?.text == "Replay speed 0.5×.")
        #expect(state.apply(.togglePause) == [.send(.pause)])
        #expect(state.apply(.stepTurn) == [.send(.stepTurn)])
        #expect(state.apply(.stepRound) == [.send(.stepRound)])
    }

    @Test("t cycles the themes and names the one now in use")
    func themes() {
        var state = ObserverState(themeIndex: 0, themeCount: 3, themeNames: ["default", "mono", "solarized"])
        #expect(state.apply(.nextTheme) == [.useTheme(1)])
        #expect(state.debate.notice?.text == "Theme mono (2 of 3).")
        #expect(state.apply(.nextTheme) == [.useTheme(2)])
        #expect(state.debate.notice?.text == "Theme solarized (3 of 3).")
        #expect(state.apply(.nextTheme) == [.useTheme(0)])
        #expect(PromptLineView.line(for: state, width: 80).map(\.text).joined() == "Theme default (1 of 3).")
    }

    @Test("v says there is no reasoning to show until an agent produced some, then thinking shown / hidden")
    func reasoningFeedback() throws {
        var state = running()
        _ = state.apply(.toggleReasoning)
        #expect(state.view.showsReasoning, "nothing to hide: the setting stays")
        #expect(state.debate.notice?.text == "No reasoning to show: no agent has produced any.")
        let speaking = try #require(state.debate.pane("cfo")?.entries.last { if case .message(let m) = $0 { m.isStreaming } else { false } })
        guard case .message(let message) = speaking else { return }
        state.apply(.reasoningDelta(agent: "cfo", message: message.id, text: "Let me weigh the margin."))
        _ = state.apply(.toggleReasoning)
        #expect(!state.view.showsReasoning)
        #expect(state.debate.notice?.text == "Thinking hidden.")
        _ = state.apply(.toggleReasoning)
        #expect(state.view.showsReasoning)
        #expect(state.debate.notice?.text == "Thinking shown.")
    }

    @Test("g cycles the side pane graph → matrix → blackboard, ? shows the help, v hides reasoning")
    func toggles() {
        var state = running()
        var shown: [ObserverState.SideView] = [state.shownSideView]
        for _ in 1...3 {
            _ = state.apply(.toggleGraphView)
            shown.append(state.shownSideView)
        }
        #expect(shown == [.graph, .matrix, .blackboard, .graph])
        _ = state.apply(.showHelp)
        #expect(state.mode == .help)
        _ = state.apply(.cancel)
        #expect(state.mode == .normal)
        _ = state.apply(.toggleReasoning)
        #expect(state.view.showsReasoning, "no agent produced reasoning: nothing to hide")
    }
}

@Suite("The side pane's views by debate size")
struct SideViewCycleTests {
    @Test("a debate of more than four peers shows the matrix in the graph's place, and g cycles matrix → blackboard")
    func largeDebate() {
        var debate = DebateBuilder(DebateBuilder.info(agents: DebateBuilder.agents(5)))
        debate.round(1)
        var state = debate.state()
        var shown: [ObserverState.SideView] = [state.shownSideView]
        for _ in 1...3 {
            _ = state.apply(.toggleGraphView)
            shown.append(state.shownSideView)
        }
        #expect(shown == [.matrix, .blackboard, .matrix, .blackboard])
    }
}
