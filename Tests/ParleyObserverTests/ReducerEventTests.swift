import ParleyCore
import TerminalKit
import Testing
@testable import ParleyObserver

@Suite("The observer state reduces debate events")
struct ReducerEventTests {
    func started(_ info: DebateInfo = DebateBuilder.info()) -> ObserverState {
        var state = ObserverState(columns: 100, rows: 30)
        state.apply(.debateStarted(info))
        return state
    }

    @Test("a debate's start lays out one pane per peer, focused on the first")
    func start() {
        let state = started()
        #expect(state.debate.peerIDs == ["pm", "eng", "cfo"])
        #expect(state.view.focus == .peer("pm"))
        #expect(state.debate.isRunning)
        #expect(state.debate.peers.allSatisfy { $0.activity == .waiting })
    }

    @Test("a turn goes thinking, then speaking as text streams, then waiting when complete")
    func turnStates() {
        var state = started()
        state.apply(.turnStarted(agent: "eng", round: 1, message: MessageID(1)))
        #expect(state.debate.pane("eng")?.activity == .thinking)
        state.apply(.reasoningDelta(agent: "eng", message: MessageID(1), text: "hmm"))
        #expect(state.debate.pane("eng")?.activity == .thinking)
        state.apply(.textDelta(agent: "eng", message: MessageID(1), text: "Ten "))
        state.apply(.textDelta(agent: "eng", message: MessageID(1), text: "weeks."))
        #expect(state.debate.pane("eng")?.activity == .speaking)
        #expect(state.debate.pane("eng")?.message(MessageID(1))?.text == "Ten weeks.")
        #expect(state.debate.pane("eng")?.message(MessageID(1))?.reasoning == "hmm")
        #expect(state.debate.pane("eng")?.message(MessageID(1))?.isStreaming == true)
        let message = Message(
            id: MessageID(1), sender: "eng", to: .peer("pm"), round: 1, text: "Ten weeks, final.",
            usage: Usage(promptTokens: 30, completionTokens: 12), startedAt: .now, completedAt: .now)
        state.apply(.messageCompleted(message))
        let entry = state.debate.pane("eng")?.message(MessageID(1))
        #expect(entry?.text == "Ten weeks, final.")
        #expect(entry?.to == .peer("pm"))
        #expect(entry?.isStreaming == false)
        #expect(state.debate.pane("eng")?.activity == .waiting)
        #expect(state.debate.pane("eng")?.tokens == 42)
        #expect(state.debate.usage.totalTokens == 42)
    }

    @Test("streamed deltas are sanitized, even an escape sequence split across two deltas")
    func sanitizedDeltas() {
        var state = started()
        state.apply(.turnStarted(agent: "pm", round: 1, message: MessageID(1)))
        state.apply(.textDelta(agent: "pm", message: MessageID(1), text: "copy \u{1B}]52;c;ZXZp"))
        state.apply(.textDelta(agent: "pm", message: MessageID(1), text: "bA==\u{07}this\u{1B}[31m red"))
        let text = state.debate.pane("pm")?.message(MessageID(1))?.text ?? ""
        #expect(text == "copy this red")
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x1B })
    }

    @Test("names, roles and the title from the debate file are sanitized")
    func sanitizedInfo() {
        var info = DebateBuilder.info()
        info.title = "Evil\u{1B}[2J title"
        info.agents[0].name = "Pri\u{1B}]0;pwned\u{07}ya"
        let state = started(info)
        #expect(state.debate.info?.title == "Evil title")
        #expect(state.debate.pane("pm")?.agent.name == "Priya")
    }

    @Test("each pane marks a round once, before its first entry of the round")
    func roundMarkers() {
        let state = DebateBuilder.threePeerDebate().state()
        let markers = state.debate.pane("pm")?.entries.compactMap { if case .round(let round) = $0 { round } else { nil } }
        #expect(markers == [1, 2, 3])
    }

    @Test("the human's message shows in its addressees' panes only, and on the graph from the human")
    func humanMessage() {
        var debate = DebateBuilder()
        debate.human("What about churn?", to: .peers(["pm", "cfo"]), round: 1)
        let state = debate.state()
        let humanEntries = { (id: AgentID) in
            state.debate.pane(id)?.entries.filter { if case .message(let message) = $0 { message.sender == .human } else { false } }.count
        }
        #expect(humanEntries("pm") == 1)
        #expect(humanEntries("cfo") == 1)
        #expect(humanEntries("eng") == 0)
        #expect(state.debate.graph.count(from: .human, to: .peer("pm")) == 1)
        #expect(state.debate.graph.count(from: .human, to: .peer("eng")) == 0)
    }

    @Test("a broadcast from the human shows in every pane")
    func humanBroadcast() {
        var debate = DebateBuilder()
        debate.human("Hello all", to: .everyone, round: 1)
        let state = debate.state()
        for id in state.debate.peerIDs {
            #expect(state.debate.pane(id)?.entries.contains { if case .message(let message) = $0 { message.text == "Hello all" } else { false } } == true)
        }
    }

    @Test("edges count a broadcast once per peer, addressed messages per addressee, notes to the blackboard")
    func graphCounts() {
        var debate = DebateBuilder()
        debate.turn("pm", round: 1, says: "hi all", to: .everyone)
        debate.turn("eng", round: 1, says: "@cfo costs?", to: .peer("cfo"))
        debate.turn("cfo", round: 1, says: "@eng fine", to: .peer("eng"))
        debate.note("cfo", .decision, "fine", round: 1)
        let graph = debate.state().debate.graph
        #expect(graph.count(from: .peer("pm"), to: .peer("eng")) == 1)
        #expect(graph.count(from: .peer("pm"), to: .peer("cfo")) == 1)
        #expect(graph.count(from: .peer("pm"), to: .peer("pm")) == 0)
        #expect(graph.count(from: .peer("eng"), to: .peer("cfo")) == 1)
        #expect(graph.count(from: .peer("eng"), to: .peer("pm")) == 0)
        #expect(graph.count(from: .peer("cfo"), to: .blackboard) == 1)
    }

    @Test("the message in flight goes to the peers its text mentions, else to every peer")
    func inFlight() {
        var debate = DebateBuilder()
        let id = debate.begin("pm", round: 1)
        var state = debate.state()
        #expect(state.debate.graph.inFlight == [MessageInFlight(message: id, sender: "pm", addressees: ["eng", "cfo"])])
        state.apply(.textDelta(agent: "pm", message: id, text: "@cfo what does it cost?"))
        #expect(state.debate.graph.inFlight.first?.addressees == ["cfo"])
        state.apply(.messageCompleted(Message(id: id, sender: "pm", to: .peer("cfo"), round: 1, text: "@cfo what does it cost?", startedAt: .now, completedAt: .now)))
        #expect(state.debate.graph.inFlight.isEmpty)
    }

    @Test("summaries stream as written and the final tradeoffs come last")
    func summaries() {
        var debate = DebateBuilder()
        debate.summary(.round(1), "Round one went well.", complete: false)
        var state = debate.state()
        #expect(state.debate.summaries.first?.isStreaming == true)
        #expect(state.debate.summaries.first?.text.hasPrefix("Round one") == true)
        state.apply(.summaryCompleted(Summary(scope: .round(1), text: "Round one went well.")))
        state.apply(.summaryStarted(.final))
        state.apply(.summaryDelta(.final, text: "Trade\u{1B}[1m"))
        state.apply(.summaryDelta(.final, text: "offs"))
        #expect(state.debate.summaries.map(\.scope) == [.round(1), .final])
        #expect(state.debate.summaries.last?.text == "Tradeoffs")
        #expect(state.debate.summaries.first?.isStreaming == false)
    }

    @Test("a retry is noted above the message, which the new call writes")
    func retry() {
        var debate = DebateBuilder()
        let id = debate.begin("cfo", round: 1)
        debate.add(.turnRetrying(agent: "cfo", attempt: 2, delay: 1.5, reason: "connection\nreset"))
        debate.stream("cfo", id, "Whole sentence.")
        let state = debate.state()
        let entries = state.debate.pane("cfo")?.entries ?? []
        #expect(entries.count == 3)
        #expect(entries.dropFirst().first == .notice("↻ retry 2 in 1.5 s: connection reset", .warning))
        #expect(state.debate.pane("cfo")?.message(id)?.text == "Whole sentence.")
        #expect(state.debate.pane("cfo")?.entryIndex(of: id) == 2)
        #expect(state.debate.pane("cfo")?.activity == .speaking)
        #expect(state.debate.graph.inFlight.map(\.message) == [id])
    }

    @Test("should a retry follow text, the new call's text replaces it, an escape sequence cut by the retry included")
    func retryAfterText() {
        var debate = DebateBuilder()
        let id = debate.begin("cfo", round: 1)
        debate.add(.reasoningDelta(agent: "cfo", message: id, text: "Let me think"))
        debate.add(.textDelta(agent: "cfo", message: id, text: "half a sent \u{1B}]0;"))
        debate.add(.turnRetrying(agent: "cfo", attempt: 2, delay: 0.25, reason: "connection reset"))
        debate.add(.textDelta(agent: "cfo", message: id, text: "Whole sentence."))
        let state = debate.state()
        let message = state.debate.pane("cfo")?.message(id)
        #expect(message?.text == "Whole sentence.")
        #expect(message?.reasoning == "")
        #expect(message?.isStreaming == true)
        #expect(state.debate.pane("cfo")?.entries.contains(.notice("↻ retry 2 in 250 ms: connection reset", .warning)) == true)
    }

    @Test("retrying a failed turn starts a new message; the failed one stays as it ended")
    func retryFailedTurn() {
        var debate = DebateBuilder()
        let first = debate.begin("cfo", round: 1)
        debate.stream("cfo", first, "Half of it")
        debate.add(.peerFailed(PeerFailure(agent: "cfo", round: 1, error: "timeout", retryable: true)))
        debate.turn("cfo", round: 1, says: "All of it.")
        let state = debate.state()
        #expect(state.debate.pane("cfo")?.message(first)?.text == "Half of it")
        #expect(state.debate.pane("cfo")?.message(first)?.isStreaming == false)
        #expect(state.debate.pane("cfo")?.message(MessageID(2))?.text == "All of it.")
        #expect(state.debate.failure == nil)
        #expect(state.debate.pane("cfo")?.activity == .waiting)
    }

    @Test("in a replay a failed turn is only told: the recording goes on as it was answered")
    func replayedFailure() throws {
        var debate = DebateBuilder()
        debate.begin("cfo", round: 1)
        debate.add(.peerFailed(PeerFailure(agent: "cfo", round: 1, error: "HTTP 503", retryable: true)))
        var state = debate.state(replay: true)
        #expect(state.debate.failure == nil)
        #expect(state.mode == .normal)
        #expect(state.debate.notice == ObserverState.Notice(text: "✗ Dana's turn failed: HTTP 503", tone: .error))
        #expect(state.debate.pane("cfo")?.activity == .error)
        #expect(state.apply(try #require(KeyMap.command(for: .character("r"), in: state.mode))) == [.send(.stepRound)])
    }

    @Test("a failed turn puts the pane in error and the observer in the failure prompt")
    func failure() {
        var debate = DebateBuilder()
        debate.begin("cfo", round: 1)
        debate.add(.peerFailed(PeerFailure(agent: "cfo", round: 1, error: "HTTP 503 from\n127.0.0.1", retryable: true)))
        let state = debate.state()
        #expect(state.debate.pane("cfo")?.activity == .error)
        #expect(state.mode == .failurePrompt)
        #expect(state.debate.failure?.error == "HTTP 503 from 127.0.0.1")
        #expect(state.debate.graph.inFlight.isEmpty)
    }

    @Test("a guard trip is noted in its peer's pane and on the prompt line")
    func guardTrip() {
        var debate = DebateBuilder()
        debate.add(.guardTripped(GuardTrip(kind: .repetition, agent: "cfo", detail: "cfo echoes eng (0.91)", stops: false)))
        let state = debate.state()
        #expect(state.debate.guardTrips.count == 1)
        #expect(state.debate.notice?.text.contains("cfo echoes eng") == true)
        #expect(state.debate.pane("cfo")?.entries.contains { if case .notice(let text, .warning) = $0 { text.contains("repetition") } else { false } } == true)
    }

    @Test("the end of the debate marks every peer done and keeps the whole debate's usage")
    func finish() {
        var debate = DebateBuilder.threePeerDebate()
        debate.add(.debateFinished(.completed, usage: Usage(promptTokens: 900, completionTokens: 300, cost: 0.02)))
        let state = debate.state()
        #expect(state.debate.peers.allSatisfy { $0.activity == .done })
        #expect(state.debate.finish == .completed)
        #expect(state.debate.usage.totalTokens == 1200)
        #expect(state.debate.usage.cost == 0.02)
        #expect(!state.debate.isRunning)
        #expect(state.debate.graph.inFlight.isEmpty)
    }

    @Test("records move the elapsed clock; pace changes and held turns are shown")
    func recordsAndPace() {
        var state = ObserverState()
        state.apply(EventRecord(seq: 1, time: 0, event: .debateStarted(DebateBuilder.info())))
        state.apply(EventRecord(seq: 2, time: 12.5, event: .paceChanged(PaceState(mode: .paused, delay: 0.5))))
        state.apply(EventRecord(seq: 3, time: 13, event: .held(agent: "eng", round: 1)))
        #expect(state.debate.elapsed == 13)
        #expect(state.debate.pace == PaceState(mode: .paused, delay: 0.5))
        #expect(state.debate.nextSpeaker == "eng")
    }

    @Test("folded context is noted in the peer's pane")
    func folded() {
        var debate = DebateBuilder()
        debate.add(.contextFolded(agent: "pm", turns: 4, note: "early rounds"))
        #expect(debate.state().debate.pane("pm")?.entries == [.notice("⋯ folded 4 earlier turns to fit the model's context: early rounds", .info)])
    }
}

@Suite("Message-flow edges of @mentions")
struct MentionEdgeTests {
    @Test("a message that opens with @cfo lights and counts only the edge to the CFO; a mention further in is a broadcast, as the engine sends it")
    func mentionedEdges() {
        var debate = DebateBuilder()
        debate.round(1)
        let id = debate.begin("pm", round: 1)
        debate.stream("pm", id, "@cfo what does it cost")
        var state = debate.state()
        #expect(state.debate.graph.inFlight.first?.addressees == ["cfo"])
        debate.finish("pm", id, round: 1, text: "@cfo what does it cost?", to: .peer("cfo"), tokens: 10)
        state = debate.state()
        #expect(state.debate.graph.count(from: .peer("pm"), to: .peer("cfo")) == 1)
        #expect(state.debate.graph.count(from: .peer("pm"), to: .peer("eng")) == 0)

        let later = debate.begin("eng", round: 1)
        debate.stream("eng", later, "Six weeks, and @cfo will ask about cost")
        state = debate.state()
        #expect(state.debate.graph.inFlight.first?.addressees == ["pm", "cfo"], "the engine sends this one to everyone")
        debate.finish("eng", later, round: 1, text: "Six weeks, and @cfo will ask about cost", to: .everyone, tokens: 10)
        state = debate.state()
        #expect(state.debate.graph.count(from: .peer("eng"), to: .peer("pm")) == 1)
        #expect(state.debate.graph.count(from: .peer("eng"), to: .peer("cfo")) == 1)
    }
}
