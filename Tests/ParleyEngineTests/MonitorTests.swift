import Foundation
import Testing
@testable import ParleyEngine

@Suite("The monitor peers wait on")
struct MonitorTests {
    @Test("each waiter resumes once its condition holds, with the value it decided")
    func conditions() async throws {
        let monitor = Monitor(0)
        let (queued, queuedContinuation) = AsyncStream.makeStream(of: Void.self)
        let (results, resultsContinuation) = AsyncStream.makeStream(of: Int.self)
        var queue = queued.makeAsyncIterator()
        var result = results.makeAsyncIterator()
        for waiter in 1...3 {
            Task {
                let value = try await monitor.wait(until: { $0 >= waiter ? $0 : nil }, onWait: { _ in queuedContinuation.yield() })
                resultsContinuation.yield(waiter * 100 + value)
            }
            _ = await queue.next()
        }
        monitor.update { $0 = 2 }
        let firstTwo = [await result.next(), await result.next()].compactMap { $0 }
        #expect(firstTwo.sorted() == [102, 202])
        #expect(monitor.waiting == 1, "the third waits for 3")
        monitor.update { $0 = 3 }
        #expect(await result.next() == 303)
        #expect(monitor.waiting == 0)
    }

    /// Stopping a debate cancels its peers while a command may be updating the state they wait
    /// on, from another thread. Neither may wait on the other.
    @Test("cancelling waiters while the state changes never blocks either side", .timeLimit(.minutes(1)))
    func cancelWhileUpdating() async {
        for _ in 0..<100 {
            let monitor = Monitor(0)
            let (queued, queuedContinuation) = AsyncStream.makeStream(of: Void.self)
            // Each waiter's condition comes to hold at some point of the updates, so that
            // resumptions and cancellations meet.
            let waiters = (1...40).map { waiter in
                Task {
                    try? await monitor.wait(until: { $0 >= waiter * 50 ? $0 : nil }, onWait: { _ in queuedContinuation.yield() })
                }
            }
            var queue = queued.makeAsyncIterator()
            for _ in waiters { _ = await queue.next() }
            let (done, doneContinuation) = AsyncStream.makeStream(of: Void.self)
            let updater = Thread {
                for _ in 0..<2_000 { monitor.update { $0 += 1 } }
                doneContinuation.yield()
            }
            let canceller = Thread {
                for waiter in waiters { waiter.cancel() }
                doneContinuation.yield()
            }
            updater.start()
            canceller.start()
            for waiter in waiters { _ = await waiter.value }
            var threads = done.makeAsyncIterator()
            _ = await threads.next()
            _ = await threads.next()
            #expect(monitor.waiting == 0)
            #expect(monitor.read { $0 } == 2_000)
        }
    }
}
