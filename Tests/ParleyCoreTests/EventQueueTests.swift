import Testing
@testable import ParleyCore

@Suite("The event queue")
struct EventQueueTests {
    private func record(_ seq: Int, _ event: DebateEvent) -> EventRecord {
        EventRecord(seq: seq, time: Double(seq), event: event)
    }

    private func text(_ agent: String, _ message: Int, _ text: String) -> DebateEvent {
        .textDelta(agent: AgentID(agent), message: MessageID(message), text: text)
    }

    @Test("the pieces of one message merge while they wait, in order, keeping the first seq and the last time")
    func mergesOneMessage() {
        var queue = EventQueue()
        for (index, word) in ["one ", "two ", "three"].enumerated() { queue.append(record(index + 1, text("pm", 1, word))) }
        #expect(queue.count == 1)
        let merged = queue.removeFirst()
        #expect(merged == EventRecord(seq: 1, time: 3, event: text("pm", 1, "one two three")))
        #expect(queue.isEmpty)
    }

    @Test("interleaved streams merge each into its own piece; reasoning, text and summaries stay apart")
    func interleaved() {
        var queue = EventQueue()
        queue.append(record(1, text("pm", 1, "a")))
        queue.append(record(2, text("eng", 2, "b")))
        queue.append(record(3, .reasoningDelta(agent: AgentID("pm"), message: MessageID(1), text: "hmm")))
        queue.append(record(4, text("pm", 1, "c")))
        queue.append(record(5, .summaryDelta(.round(1), text: "So ")))
        queue.append(record(6, text("eng", 2, "d")))
        queue.append(record(7, .summaryDelta(.round(1), text: "far")))
        #expect(queue.removeAll().map(\.event) == [
            text("pm", 1, "ac"), text("eng", 2, "bd"),
            .reasoningDelta(agent: AgentID("pm"), message: MessageID(1), text: "hmm"), .summaryDelta(.round(1), text: "So far"),
        ])
    }

    @Test("no piece merges across another kind of event, and nothing else is merged or dropped")
    func nothingElse() {
        var queue = EventQueue()
        queue.append(record(1, text("pm", 1, "a")))
        queue.append(record(2, .roundEnded(round: 1)))
        queue.append(record(3, text("pm", 1, "b")))
        queue.append(record(4, .roundEnded(round: 1)))
        queue.append(record(5, .roundEnded(round: 1)))
        #expect(queue.removeAll().map(\.seq) == [1, 2, 3, 4, 5])
    }

    @Test("a piece already taken is never merged into; the queue keeps its order across compactions")
    func takenPieces() {
        var queue = EventQueue()
        queue.append(record(1, text("pm", 1, "a")))
        #expect(queue.removeFirst()?.event == text("pm", 1, "a"))
        queue.append(record(2, text("pm", 1, "b")))
        #expect(queue.removeFirst()?.event == text("pm", 1, "b"))
        for seq in 3...5_000 { queue.append(record(seq, .roundStarted(round: seq))) }
        var seqs: [Int] = []
        while seqs.count < 3_000, let next = queue.removeFirst() { seqs.append(next.seq) }
        queue.append(record(5_001, text("pm", 1, "c")))
        queue.append(record(5_002, text("pm", 1, "d")))
        while let next = queue.removeFirst() { seqs.append(next.seq) }
        #expect(seqs == Array(3...5_001))
    }
}
