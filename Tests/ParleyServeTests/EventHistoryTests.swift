import ParleyCore
import Testing
@testable import ParleyServe

@Suite("A served debate's event history")
struct EventHistoryTests {
    private func round(_ seq: Int) -> EventRecord { EventRecord(seq: seq, time: Double(seq), event: .roundStarted(round: seq)) }

    @Test("a reader reads on from the seq it saw last, in batches, and learns when the debate ended")
    func readsAfterSeq() {
        let history = EventHistory()
        for seq in 1...10 { history.append(round(seq)) }
        #expect(history.records(after: 0, limit: 4).records.map(\.seq) == [1, 2, 3, 4])
        #expect(history.records(after: 7, limit: 100).records.map(\.seq) == [8, 9, 10])
        #expect(history.records(after: 7, limit: 100).ended == false)
        #expect(history.records(after: 10, limit: 100).records.isEmpty)
        #expect(history.records(after: 99, limit: 100).records.isEmpty)
        history.append(EventRecord(seq: 11, time: 11, event: .debateFinished(.completed, usage: .zero)))
        #expect(history.records(after: 9, limit: 1).ended == false, "one record still to read")
        #expect(history.records(after: 9, limit: 2).ended)
    }

    @Test("appending never waits for a reader, however far behind it is, and wakes the one waiting")
    func appendingNeverWaits() async {
        let history = EventHistory()
        // A reader that never reads holds nothing: 100,000 appends go through.
        let stalled = history.records(after: 0, limit: 1)
        for seq in 1...100_000 { history.append(round(seq)) }
        #expect(stalled.records.isEmpty && history.count == 100_000)

        let woken = Task { await history.wait(after: 100_000); return history.records(after: 100_000, limit: 10).records.map(\.seq) }
        history.append(round(100_001))
        #expect(await woken.value == [100_001])
    }

    @Test("a cancelled wait returns")
    func cancelledWaitReturns() async {
        let history = EventHistory()
        let waiting = Task { await history.wait(after: 0) }
        waiting.cancel()
        await waiting.value
        #expect(history.count == 0)
    }
}
