import ParleyCore
import TerminalKit
import Testing
@testable import ParleyObserver

@Suite("Agent ids and the finish reason from a replayed log are text like any other")
struct UntrustedTextTests {
    /// Sets the terminal's title (an OSC ended by BEL).
    static let title = "\u{1B}]0;x\u{07}"
    /// Clears the screen.
    static let clear = "\u{1B}[2J"

    /// A debate whose ids carry escape sequences: `pm` and `cfo` both clean to `pm`.
    static func hostileDebate() -> (debate: DebateBuilder, pm: AgentID, eng: AgentID, twin: AgentID) {
        var pm = DebateBuilder.pm, eng = DebateBuilder.eng, twin = DebateBuilder.cfo
        pm.id = AgentID("pm\(title)")
        eng.id = AgentID("eng\(clear)")
        twin.id = AgentID("\(clear)pm")
        var debate = DebateBuilder(DebateBuilder.info(agents: [pm, eng, twin]))
        debate.round(1)
        debate.add(.floorPassed(from: nil, to: pm.id, round: 1))
        debate.turn(pm.id, round: 1, says: "Users want X.", to: .peer(eng.id))
        debate.note(eng.id, .question, "Can the sync rework be split out?", round: 1)
        debate.note(AgentID("ghost\(title)"), .claim, "Nobody announced me.", round: 1)
        debate.turn(twin.id, round: 1, says: "Twin speaks.", to: .peers([pm.id, AgentID("nobody\(clear)")]))
        debate.human("And the churn?", to: .peer(twin.id), round: 1)
        let id = debate.begin(eng.id, round: 1)
        debate.stream(eng.id, id, "Ten weeks ")
        return (debate, pm.id, eng.id, twin.id)
    }

    func expectClean(_ canvas: Canvas, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let scalars = canvas.cells.flatMap { $0.character.unicodeScalars }
        #expect(!scalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, "\(what)", sourceLocation: sourceLocation)
        #expect(!canvas.text.contains("0;x"), "\(what)", sourceLocation: sourceLocation)
        #expect(!canvas.text.contains("[2J"), "\(what)", sourceLocation: sourceLocation)
    }

    @Test("ids are kept clean, and two that clean alike stay apart; events still find their panes")
    func idsStayKeys() throws {
        let (debate, _, _, _) = Self.hostileDebate()
        let state = debate.state()
        #expect(state.debate.peerIDs == ["pm", "eng", "pm~2"])
        #expect(state.debate.pane("pm")?.message(MessageID(1))?.text == "Users want X.")
        #expect(state.debate.pane("pm")?.message(MessageID(1))?.to == .peer("eng"))
        #expect(state.debate.pane("pm~2")?.message(MessageID(2))?.text == "Twin speaks.")
        #expect(state.debate.pane("pm~2")?.message(MessageID(2))?.to == .peers(["pm", "nobody"]))
        #expect(state.debate.pane("pm~2")?.entries.contains { if case .message(let message) = $0 { message.sender == .human } else { false } } == true)
        #expect(state.debate.pane("eng")?.activity == .speaking)
        #expect(state.debate.notes.map(\.author) == ["eng", "ghost"])
        #expect(state.debate.graph.count(from: .peer("pm"), to: .peer("eng")) == 1)
        #expect(state.debate.graph.count(from: .human, to: .peer("pm~2")) == 1)
        #expect(state.debate.graph.count(from: .peer("eng"), to: .blackboard) == 1)
        #expect(state.debate.graph.inFlight.first?.sender == "eng")
    }

    @Test("a failure's text and the finish reason are sanitized when they come in")
    func failureAndFinish() {
        var (debate, _, eng, _) = Self.hostileDebate()
        debate.add(.peerFailed(PeerFailure(agent: eng, round: 1, error: "boom\(Self.title)\(Self.clear)", retryable: true)))
        var state = debate.state()
        #expect(state.debate.failure?.agent == "eng")
        #expect(state.debate.failure?.error == "boom")
        state.apply(.debateFinished(.failed("model\(Self.title) gone\(Self.clear)\nfor good"), usage: .zero))
        #expect(state.debate.finish == .failed("model gone for good"))
    }

    @Test("nothing of the escape sequences reaches the canvas", arguments: [(100, 30), (80, 24), (60, 16)])
    func canvas(size: (Int, Int)) {
        var (debate, _, eng, _) = Self.hostileDebate()
        let theme = ThemeCatalog.defaultTheme
        let render = { (state: ObserverState) in ObserverView.render(state: state, theme: theme, columns: size.0, rows: size.1) }
        var state = debate.state(columns: size.0, rows: size.1)
        let running = render(state)
        expectClean(running, "running")
        #expect(running.text.contains("@pm~2"))
        _ = state.apply(.toggleGraphView)
        expectClean(render(state), "matrix")
        _ = state.apply(.toggleGraphView)
        expectClean(render(state), "blackboard")
        _ = state.apply(.toggleGraphView)
        _ = state.apply(.focus(.side))
        _ = state.apply(.toggleZoom)
        expectClean(render(state), "graph zoomed")

        debate.add(.peerFailed(PeerFailure(agent: eng, round: 1, error: "boom\(Self.title)\(Self.clear)", retryable: true)))
        expectClean(render(debate.state(columns: size.0, rows: size.1)), "failure prompt")
        debate.add(.debateFinished(.failed("model\(Self.title) gone\(Self.clear)"), usage: .zero))
        let finished = render(debate.state(columns: size.0, rows: size.1))
        expectClean(finished, "finished")
        #expect(finished.text.contains("Debate finished, failed: model gone — q quit"))
    }
}
