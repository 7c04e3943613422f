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
