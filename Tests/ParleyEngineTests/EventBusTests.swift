import Foundation
import ParleyCore
import Synchronization
import Testing
@testable import ParleyEngine

@Suite("The event bus")
struct EventBusTests {
    @Test("every subscriber gets every event in order, and the stream ends with the debate")
    func ordered() async {
        let bus = EventBus()
        let streams = [bus.subscribe(), bus.subscribe()]
        for round in 1...50 { bus.emit(.roundStarted(round: round)) }
        bus.emit(.debateFinished(.completed, usage: Usage()))
        for stream in streams {
            var seqs: [Int] = []
            for await record in stream { seqs.append(record.seq) }
            #expect(seqs == Array(1...51))
        }
    }

    /// The observer cancels its event feed when the person quits, while the debate may be
    /// emitting on another thread. Cancelling a stream's consumer must never wait on the bus:
    /// both sides once took each other's lock, and the program hung on quit.
    @Test("cancelling a subscriber while events flow never blocks either side", .timeLimit(.minutes(1)))
    func cancelWhileEmitting() async {
        for _ in 0..<300 {
            let bus = EventBus()
            let stream = bus.subscribe()
            let (started, startedContinuation) = AsyncStream.makeStream(of: Void.self)
            let listener = Task {
                var first = true
                for await _ in stream where first {
                    first = false
                    startedContinuation.yield()
                }
            }
            let (emitted, emittedContinuation) = AsyncStream.makeStream(of: Void.self)
            let emitter = Thread {
                for round in 1...2_000 { bus.emit(.roundStarted(round: round)) }
                bus.emit(.debateFinished(.completed, usage: Usage()))
                emittedContinuation.finish()
            }
            emitter.start()
            for await _ in started { break }
            listener.cancel()
            await listener.value
            // The emitter finishes too: every event reached the bus.
            for await _ in emitted {}
            #expect(bus.count == 2_001)
        }
    }

    @Test("a sink flushes after each event, and once for a whole batch")
    func batchFlushesOnce() async {
        let bus = EventBus()
        let log = Mutex<[String]>([])
        bus.addSink({ record in log.withLock { $0.append("take \(record.seq)") } }, flush: { log.withLock { $0.append("flush") } })
        bus.emit(.roundStarted(round: 1))
        bus.batch {
            bus.emit(.roundEnded(round: 1))
            bus.batch { bus.emit(.roundStarted(round: 2)) }
            bus.emit(.roundEnded(round: 2))
        }
        #expect(log.withLock { $0 } == ["take 1", "flush", "take 2", "take 3", "take 4", "flush"])
    }
}
