import ParleyCore
import Testing
@testable import ParleyModels

@Suite("The scripted facilitator's open questions")
struct FacilitatorQuestionTests {
    static func read(_ id: Int, _ speaker: AgentID, _ text: String, replyTo: Int? = nil) -> ScriptedFacilitator.Read {
        let message = ChatMessage(
            role: .user, content: text, kind: speaker == .human ? .human : .peer, speaker: speaker, round: 1,
            messageID: MessageID(id), text: text, replyTo: replyTo.map { MessageID($0) })
        return (message, Reading(text, names: Words.KeySet([])))
    }

    @Test("a question someone answered is not open; one nobody answered is")
    func answeredIsClosed() {
        let said = [
            Self.read(1, .human, "what does the hosted service cost per seat?"),
            Self.read(2, "cfo", "To your question: about two dollars a seat.", replyTo: 1),
            Self.read(3, "eng", "QUESTION: who maintains the sync engine?"),
            Self.read(4, "eng", "I would add: who pays for support?", replyTo: 3),
        ]
        #expect(ScriptedFacilitator.openQuestions(said) == ["who maintains the sync engine?", "I would add: who pays for support?"])
    }

    @Test("a summary quotes a long point cut at a word, never mid-word")
    func pointsCutAtWords() {
        let point = "The tradeoff I can accept is delaying the mobile redesign by one quarter to staff feature X, because churn costs more."
        let shown = ScriptedFacilitator.shortened(point, 100)
        #expect(shown == "The tradeoff I can accept is delaying the mobile redesign by one quarter to staff feature X…")
    }
}
