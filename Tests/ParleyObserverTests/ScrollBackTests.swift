import Foundation
import ParleyCore
import Testing
@testable import ParleyObserver

@Suite("A pane keeps a bounded scroll-back; the recording keeps everything")
struct ScrollBackTests {
    /// The observer after `count` messages from `pm`, one a round.
    func watched(messages count: Int) -> ObserverState {
        var state = ObserverState(columns: 100, rows: 30)
        state.apply(.debateStarted(DebateBuilder.info(rounds: count)))
        for number in 1...count {
            let id = MessageID(number)
            state.apply(.turnStarted(agent: "pm", round: number, message: id))
            state.apply(.textDelta(agent: "pm", message: id, text: "Point \(number)."))
            state.apply(
                .messageCompleted(
                    Message(
                        id: id, sender: "pm", to: .everyone, round: number, text: "Point \(number).", startedAt: .now,
                        completedAt: .now)))
        }
        return state
    }

    func messages(_ pane: PeerPane) -> [MessageID] {
        pane.entries.compactMap { if case .message(let message) = $0 { message.id } else { nil } }
    }

    @Test("up to the limit, a pane keeps every message and no earlier-messages line")
    func underLimit() throws {
        let pane = try #require(watched(messages: PeerPane.scrollBack).debate.pane("pm"))
        #expect(messages(pane).count == PeerPane.scrollBack)
        #expect(pane.earlier == 0)
        #expect(pane.entries.first == .round(1))
    }

    @Test("past the limit, the oldest messages leave the pane and a line at the top says how many are in the recording")
    func pastLimit() throws {
        let state = watched(messages: PeerPane.scrollBack + 3)
        let pane = try #require(state.debate.pane("pm"))
        #expect(messages(pane) == (4...(PeerPane.scrollBack + 3)).map { MessageID($0) })
        #expect(pane.earlier == 3)
        #expect(pane.entries.first == .notice("⋯ 3 earlier messages are in the recording", .info))
        #expect(pane.entries.count { if case .notice = $0 { true } else { false } } == 1)
        #expect(pane.entries.dropFirst().first == .round(4))
        #expect(pane.message(MessageID(PeerPane.scrollBack + 3))?.text == "Point \(PeerPane.scrollBack + 3).")
    }
}
