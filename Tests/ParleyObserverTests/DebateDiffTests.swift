import ParleyCore
import TerminalKit
import Testing
@testable import ParleyObserver

@Suite("Comparing two debates")
struct DebateDiffTests {
    /// The three-peer debate, with `pm`'s round-2 words changed when `changed` is given.
    static func debate(changing changed: String? = nil) -> [DebateEvent] {
        var events = DebateBuilder.threePeerDebate().events
        guard let changed else { return events }
        for index in events.indices {
            if case .messageCompleted(var message) = events[index], message.sender == "pm", message.round == 2 {
                message.text = changed
                events[index] = .messageCompleted(message)
            }
        }
        return events
    }

    @Test("two debates alike up to a turn share it, and part there with the words each said")
    func partsWhereTheyDiffer() throws {
        let diff = DebateDiff(Self.debate(), Self.debate(changing: "Churn is flat; collaboration is not why teams leave."))
        let original = Self.debate().compactMap { if case .messageCompleted(let m) = $0 { m } else { nil } }
        let index = try #require(original.firstIndex { $0.sender == "pm" && $0.round == 2 })
        let humanTurns = Self.debate().prefix { event in
            if case .messageCompleted(let m) = event { !(m.sender == "pm" && m.round == 2) } else { true }
        }.filter { if case .humanMessage = $0 { true } else { false } }.count
        #expect(diff.shared == index + humanTurns)
        let first = try #require(diff.parted.first)
        #expect(first.a?.sender == "pm" && first.b?.sender == "pm")
        #expect(first.onlyB.contains("flat"))
        #expect(diff.parted.dropFirst().allSatisfy { $0.onlyA.isEmpty && $0.onlyB.isEmpty }, "the rest is alike")
        #expect(diff.plainText(nameA: "a.jsonl", nameB: "b.jsonl").contains("and part at turn \(diff.shared + 1)"))
    }

    @Test("the same debate twice is said to be the same")
    func same() {
        let diff = DebateDiff(Self.debate(), Self.debate())
        #expect(diff.parted.isEmpty)
        #expect(diff.plainText(nameA: "a", nameB: "b").contains("The debates are the same"))
    }

    @Test("side by side, no line is wider than the terminal, and both columns are there", arguments: [60, 100])
    func sideBySideFits(width: Int) {
        let diff = DebateDiff(Self.debate(), Self.debate(changing: "A much longer reply that has to wrap at words across the column, again and again, to fit."))
        let text = diff.sideBySide(nameA: "a.jsonl", nameB: "b.jsonl", width: width)
        for line in text.split(separator: "\n") where !line.hasPrefix("A: ") && !line.hasPrefix("B: ") && !line.hasPrefix("They ") {
            #expect(TextWidth.columns(line) <= width, "\(line)")
        }
        #expect(text.contains(" │ "))
    }
}
