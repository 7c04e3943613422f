import ParleyCore
import TerminalKit
import Testing
@testable import ParleyObserver

@Suite("The clock and the end of the events go through the reducer")
struct LoopReportTests {
    @Test("the clock moves the elapsed time on while the debate runs, never back, and stops with it")
    func clock() {
        var state = DebateBuilder().state()
        state.apply(.clockTicked(3.5))
        #expect(state.debate.elapsed == 3.5)
        state.apply(.clockTicked(2))
        #expect(state.debate.elapsed == 3.5)
        state.apply(EventRecord(seq: 9, time: 5, event: .roundStarted(round: 1)))
        state.apply(.clockTicked(4))
        #expect(state.debate.elapsed == 5)
        state.apply(.debateFinished(.completed, usage: .zero))
        state.apply(.clockTicked(9))
        #expect(state.debate.elapsed == 5)
    }

    @Test("t's and v's notices fade once their moment is over, by the observer's own clock; others wait for a key")
    func noticesFade() {
        var state = DebateBuilder().state()
        state.apply(.now(10))
        _ = state.apply(.nextTheme)
        #expect(state.debate.notice?.text.hasPrefix("Theme") == true)
        state.apply(.now(11.5))
        #expect(state.debate.notice != nil, "still its moment")
        state.apply(.now(10.5))
        #expect(state.view.now == 11.5, "the clock never goes back")
        state.apply(.now(12))
        #expect(state.debate.notice == nil, "faded after \(ObserverState.noticeLife) seconds, with no key pressed")
        _ = state.apply(.toggleReasoning)
        #expect(state.debate.notice?.text == "No reasoning to show: no agent has produced any.")
        state.apply(.now(14.1))
        #expect(state.debate.notice == nil)
        state.apply(.unheard(peers: ["cfo"], message: MessageID(3)))
        state.apply(.now(60))
        #expect(state.debate.notice?.text.hasPrefix("@cfo has no turn left") == true, "a warning stays until a key")
    }

    @Test("the clock does not run before the debate starts")
    func clockBeforeStart() {
        var state = ObserverState()
        state.apply(.clockTicked(7))
        #expect(state.debate.elapsed == 0)
    }

    @Test("events that stop before the debate finished say why on the prompt line, sanitized")
    func eventsStopped() {
        var state = DebateBuilder().state()
        #expect(!state.intake.hasEnded)
        state.apply(.eventsEnded(failure: "the log is cut \u{1B}[2Jshort"))
        #expect(state.intake.hasEnded)
        #expect(state.debate.notice == ObserverState.Notice(text: "The debate's events stopped: the log is cut short", tone: .error))
        state.apply(.debateStarted(DebateBuilder.info()))
        #expect(!state.intake.hasEnded)
    }

    @Test("events that end after the debate finished, or end without a failure, say nothing")
    func eventsEndedQuietly() {
        var finished = DebateBuilder().state()
        finished.apply(.debateFinished(.completed, usage: .zero))
        finished.apply(.eventsEnded(failure: "socket closed"))
        #expect(finished.debate.notice == nil)
        #expect(finished.intake.hasEnded)
        var running = DebateBuilder().state()
        running.apply(.eventsEnded(failure: nil))
        #expect(running.debate.notice == nil)
        #expect(running.intake.hasEnded)
    }
}
