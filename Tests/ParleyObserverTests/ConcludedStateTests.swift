import ParleyCore
import TerminalKit
import Testing
@testable import ParleyObserver

@Suite("A debate that concluded lingers for one more round")
struct ConcludedStateTests {
    /// The three-peer debate with its third round done, its final tradeoffs written, concluded.
    static func concluded(replay: Bool = false) -> DebateBuilder {
        var debate = DebateBuilder.threePeerDebate()
        debate.add(.messageCompleted(Message(
            id: MessageID(9), sender: "cfo", to: .everyone, round: 3, text: "Budget approved for eight weeks.",
            startedAt: debate.start, completedAt: debate.start)))
        debate.add(.roundEnded(round: 3))
        debate.summary(.round(3), "Everyone agrees: X behind a flag in eight weeks.")
        debate.summary(.final, "Tradeoff: eight weeks of two engineers for the churn they keep.")
        debate.add(.debateConcluded(round: 3))
        return debate
    }

    func render(_ state: ObserverState) -> [String] {
        ObserverView.render(state: state, theme: ThemeCatalog.defaultTheme, columns: 120, rows: 34).text
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test("the status says DONE, the hint line that e adds a round and q quits, every peer is done, the clock stops")
    func shownDone() {
        var state = Self.concluded().state(columns: 120, rows: 34)
        #expect(state.debate.isConcluded && state.debate.isRunning && state.debate.finish == nil)
        let lines = render(state)
        let status = lines[lines.count - 1]
        let prompt = lines[lines.count - 2]
        #expect(status.contains(" DONE "), "\(status)")
        #expect(prompt.contains("Debate finished — e one more round · q quit · i write"), "\(prompt)")
        #expect(state.debate.peers.allSatisfy { $0.activity == .done })
        #expect(lines.contains { $0.contains("Tradeoff: eight weeks of two engineers") }, "the final tradeoffs shown")
        let elapsed = state.debate.elapsed
        state.apply(.clockTicked(elapsed + 30))
        #expect(state.debate.elapsed == elapsed, "the clock stands while the debate lingers")
    }

    @Test("keys: e asks the debate for a round, q quits at once, i writes, space and n say the rounds are done")
    func keysWhileConcluded() {
        var state = Self.concluded().state(columns: 120, rows: 34)
        #expect(state.apply(.addRound) == [.send(.addRound)])
        #expect(state.apply(.togglePause).isEmpty)
        #expect(state.debate.notice?.text == "The debate's rounds are done: e adds a round, q quits.")
        #expect(state.apply(.stepTurn).isEmpty)
        #expect(state.apply(.requestQuit) == [.send(.stop), .quit], "nothing under way to lose: no question")
        _ = state.apply(.startCompose)
        #expect(state.view.composer.isOpen, "a message may still be written, for the round to come")
        _ = state.apply(.cancel)
        state.apply(.unheard(peers: ["cfo"], message: MessageID(10)))
        let prompt = render(state)[32]
        #expect(prompt.contains("@cfo has no turn left to answer you — press e to add a round"), "\(prompt)")
        #expect(state.apply(.addRound) == [.send(.addRound)], "and e does add one")
    }

    @Test("a round added brings the debate back: peers wait, LIVE, the clock runs; it concludes again, and finishes when the person quits")
    func roundAdded() {
        var debate = Self.concluded()
        debate.add(.roundsChanged(rounds: 4))
        debate.add(.roundStarted(round: 4))
        var state = debate.state(columns: 120, rows: 34)
        #expect(!state.debate.isConcluded)
        #expect(state.debate.peers.allSatisfy { $0.activity == .waiting })
        #expect(render(state).last?.contains(" LIVE ") == true)
        #expect(render(state).last?.contains("round 4/4") == true)
        state.apply(.clockTicked(state.debate.elapsed + 5))
        #expect(state.debate.elapsed > 0)
        state.apply(.debateConcluded(round: 4))
        #expect(state.debate.isConcluded)
        state.apply(.debateFinished(.completed, usage: .zero))
        #expect(!state.debate.isConcluded && state.debate.finish == .completed)
        #expect(state.apply(.addRound).isEmpty, "finished for good: no round more")
    }

    @Test("a replay of a concluded debate offers no round to add")
    func replayConcluded() {
        let state = Self.concluded().state(columns: 120, rows: 34, replay: true)
        let prompt = render(state)[32]
        #expect(prompt.contains("Debate finished — q quit"), "\(prompt)")
        #expect(!prompt.contains("one more round"))
    }
}
