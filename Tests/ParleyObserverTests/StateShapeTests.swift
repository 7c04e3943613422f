import ParleyCore
import TerminalKit
import Testing
@testable import ParleyObserver

@Suite("A new debate replaces the debate shown; the person's settings and the intake stay")
struct StateShapeTests {
    /// The three-peer debate, two rounds in, with a guard's notice, on a state with three themes
    /// that records.
    func watched() -> ObserverState {
        var state = ObserverState(columns: 100, rows: 30, themeCount: 3, recordingPath: "/tmp/x.jsonl")
        for event in DebateBuilder.threePeerDebate().events { state.apply(event) }
        state.apply(EventRecord(seq: 1, time: 42, event: .guardTripped(GuardTrip(kind: .repetition, agent: "cfo", detail: "echo", stops: false))))
        state.apply(.reasoningDelta(agent: "pm", message: MessageID(1), text: "Users first."))
        return state
    }

    @Test("a second debateStarted resets the debate and keeps the view settings")
    func secondStartKeepsSettings() {
        var state = watched()
        _ = state.apply(.focus(.peer("cfo")))
        _ = state.apply(.scroll(.up))
        state.draw()
        _ = state.apply(.toggleZoom)
        _ = state.apply(.toggleGraphView)
        _ = state.apply(.toggleGraphView)
        _ = state.apply(.toggleReasoning)
        _ = state.apply(.nextTheme)
        _ = state.apply(.resize(columns: 110, rows: 36))
        _ = state.apply(.startCompose)
        for character in "@pm draft" { _ = state.apply(.compose(.insert(String(character)))) }
        state.apply(.guardTripped(GuardTrip(kind: .tokenBudget, detail: "close to the budget", stops: false)))
        #expect(state.debate.notice != nil)
        #expect(state.debate.elapsed == 42)
        let settings = state.view
        #expect(settings.scroll(of: .peer("cfo")).intent != .follow)
        #expect(settings.focus == .peer("cfo") && settings.isZoomed && settings.sideView == .blackboard)
        #expect(!settings.showsReasoning && settings.themeIndex == 1 && settings.columns == 110 && settings.composer.isOpen)

        state.apply(.debateStarted(DebateBuilder.info(agents: [DebateBuilder.pm, DebateBuilder.cfo], rounds: 2)))

        #expect(state.view == settings)
        #expect(state.intake == Intake(isReplay: false, recordingPath: "/tmp/x.jsonl"))
        let debate = state.debate
        #expect(debate.info?.rounds == 2)
        #expect(debate.peerIDs == ["pm", "cfo"])
        #expect(debate.peers.allSatisfy { $0.entries.isEmpty && $0.tokens == 0 && $0.activity == .waiting })
        #expect(debate.summaries.isEmpty && debate.notes.isEmpty && debate.guardTrips.isEmpty)
        #expect(debate.graph.counts.values.allSatisfy { $0 == 0 } && debate.graph.inFlight.isEmpty)
        #expect(debate.round == 0 && debate.nextSpeaker == nil && debate.failure == nil && debate.finish == nil)
        #expect(debate.usage == .zero && debate.elapsed == 0 && debate.notice == nil)
        #expect(debate.streams.isEmpty)
    }

    @Test("a new debate without the focused peer focuses its first peer")
    func focusOfAGonePeer() {
        var state = watched()
        _ = state.apply(.focus(.peer("cfo")))
        state.apply(.debateStarted(DebateBuilder.info(agents: [DebateBuilder.eng, DebateBuilder.pm])))
        #expect(state.view.focus == .peer("eng"))
        _ = state.apply(.focus(.side))
        state.apply(.debateStarted(DebateBuilder.info()))
        #expect(state.view.focus == .side)
    }

    @Test("a new debate cleans its own ids: an id renamed in the last one is not renamed in it")
    func renamesBelongToTheDebate() {
        var state = ObserverState(columns: 120, rows: 40)
        let dirty = Agent(id: "p\u{1B}[31mm", name: "Priya", role: "pm", model: "scripted")
        state.apply(.debateStarted(DebateBuilder.info(agents: [dirty, DebateBuilder.eng])))
        #expect(state.debate.renamedIDs.isEmpty == false)
        state.apply(.debateStarted(DebateBuilder.info()))
        #expect(state.debate.renamedIDs.isEmpty)
        #expect(state.debate.peerIDs == ["pm", "eng", "cfo"])
    }
}
