import ParleyCore
import TerminalKit
import Testing
@testable import ParleyObserver

@Suite("f forks the debate")
struct ForkKeyTests {
    @Test("f stops a running debate and asks for a fork at the turn being said, or the last one said")
    func forksAtTheLatestTurn() {
        var debate = DebateBuilder()
        debate.round(1)
        let first = debate.turn("pm", round: 1, says: "Users churn.")
        var state = debate.state()
        state.intake.forks = true
        #expect(KeyMap.command(for: .character("f"), in: .normal) == .fork)
        #expect(state.forkTurn == first)
        #expect(state.apply(.fork) == [.send(.stop), .fork(first)])
        let second = MessageID(first.rawValue + 1)
        state.apply(.turnStarted(agent: "eng", round: 1, message: second))
        #expect(state.apply(.fork) == [.send(.stop), .fork(second)])
        state.apply(.debateFinished(.completed, usage: .zero))
        #expect(state.apply(.fork) == [.fork(second)], "a finished debate has nothing to stop")
    }

    @Test("f says why it cannot fork: no turn yet, or a source the program cannot fork")
    func refusals() {
        var fresh = DebateBuilder().state()
        fresh.intake.forks = true
        #expect(fresh.apply(.fork).isEmpty)
        #expect(fresh.debate.notice?.text == "No turn to fork at yet: step one with n.")
        var replay = DebateBuilder.threePeerDebate().state(columns: 100, rows: 30, replay: true)
        #expect(replay.apply(.fork).isEmpty)
        #expect(replay.debate.notice?.text == "This debate cannot be forked here; use parley fork LOG --at N.")
    }
}
