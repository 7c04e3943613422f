import ParleyCore
import TerminalKit
import Testing
@testable import ParleyObserver

@Suite("A terminal too small for the layout still shows a question waiting for an answer")
struct TooSmallQuestionTests {
    /// The screen's words, read across its lines.
    func render(_ state: ObserverState) -> String {
        ObserverView.render(state: state, theme: ThemeCatalog.defaultTheme, columns: 40, rows: 10).text
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The three-peer debate with Dana's real model mid-reply, in a 40×10 terminal.
    static func modelMidReply() -> ObserverState {
        var debate = DebateBuilder.threePeerDebate()
        debate.round(2)
        debate.turn("cfo", round: 2, says: "Annual billing changes the picture", complete: false)
        return debate.state(columns: 40, rows: 10)
    }

    @Test("x on a model mid-reply shows the cancel question with its keys, not the size message")
    func cancelQuestion() {
        var state = Self.modelMidReply()
        #expect(state.layout.isTooSmall)
        #expect(state.apply(.cancelTurn).isEmpty, "a real model's turn asks first")
        let screen = render(state)
        #expect(screen.contains("Dana's model is mid-reply."), "\(screen)")
        #expect(screen.contains("Cancel the turn?") && screen.contains("y cancel it") && screen.contains("n let it finish"))
        #expect(!screen.contains("Parley needs"))
        _ = state.apply(.cancel)
        #expect(render(state).contains("Parley needs"), "answered: the size message again")
    }

    @Test("the quit question and a failed turn's retry / skip show too")
    func otherQuestions() {
        var quitting = Self.modelMidReply()
        _ = quitting.apply(.requestQuit)
        let quit = render(quitting)
        #expect(quit.contains("Stop it and quit?") && quit.contains("y yes"), "\(quit)")
        var failed = Self.modelMidReply()
        failed.apply(.peerFailed(PeerFailure(agent: "cfo", round: 2, error: "server gone", retryable: true)))
        let failure = render(failed)
        #expect(failure.contains("Dana's turn failed") && failure.contains("r retry") && failure.contains("s skip"), "\(failure)")
    }
}
