import Foundation
import ParleyCore
import Testing
@testable import ParleyObserver

@Suite("Replies cut short, as shown")
struct ReplyCutTests {
    private static func message(_ id: MessageID, text: String, cut: ReplyCut?) -> Message {
        let date = Date(timeIntervalSince1970: 1_790_000_000)
        return Message(id: id, sender: "eng", to: .everyone, round: 1, text: text, startedAt: date, completedAt: date, cut: cut)
    }

    @Test("the pane marks a truncated reply and a reply cut for repetition, and no other")
    func pane() throws {
        var debate = DebateBuilder()
        debate.round(1)
        for (text, cut) in [("We should build the", ReplyCut.length), ("I'm a moderator.", .repetition), ("Fine.", nil)] {
            let id = debate.begin("eng", round: 1)
            debate.stream("eng", id, text)
            debate.add(.messageCompleted(Self.message(id, text: text, cut: cut)))
        }
        let pane = try #require(debate.state().debate.pane("eng"))
        let lines = PaneText.blocks(of: pane, width: 60, showsReasoning: true).lines
        let texts = lines.map { $0.map(\.text).joined() }
        let truncated = try #require(texts.firstIndex(of: "✂ truncated at max_tokens"))
        let repeated = try #require(texts.firstIndex(of: "✂ cut: repetition"))
        #expect(texts[truncated - 1] == "We should build the")
        #expect(texts[repeated - 1] == "I'm a moderator.")
        #expect(texts.filter { $0.hasPrefix("✂") }.count == 2)
        #expect(lines[truncated].allSatisfy { $0.ink == .role(.warning) })
    }

    @Test("the headless transcript marks a cut reply under it")
    func headless() {
        var printer = HeadlessPrinter(colour: false)
        var output = printer.text(for: .turnStarted(agent: "eng", round: 1, message: MessageID(1)))
        output += printer.text(for: .textDelta(agent: "eng", message: MessageID(1), text: "We should build the"))
        output += printer.text(for: .messageCompleted(Self.message(MessageID(1), text: "We should build the", cut: .length)))
        output += printer.text(for: .turnStarted(agent: "eng", round: 1, message: MessageID(2)))
        output += printer.text(for: .textDelta(agent: "eng", message: MessageID(2), text: "Fine."))
        output += printer.text(for: .messageCompleted(Self.message(MessageID(2), text: "Fine.", cut: nil)))
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.firstIndex(of: "  ✂ truncated at max_tokens").map { lines[$0 - 1].hasSuffix("We should build the") } == true)
        #expect(lines.filter { $0.contains("✂") }.count == 1)
    }
}
