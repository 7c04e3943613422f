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

    /// A consumer that reads nothing while a model streams: its queue holds one merged piece,
    /// not one record per token, and the recorder (a sink) still gets every token.
    @Test("a busy consumer's queue merges a message's pieces; the recorder gets every one")
    func mergesForBusyConsumer() async {
        let bus = EventBus()
        let recorded = Mutex(0)
        bus.addSink { record in if record.event.isDelta { recorded.withLock { $0 += 1 } } }
        let feed = bus.subscribe()
        bus.emit(.turnStarted(agent: AgentID("pm"), round: 1, message: MessageID(1)))
        for _ in 0..<10_000 { bus.emit(.textDelta(agent: AgentID("pm"), message: MessageID(1), text: "x")) }
        #expect(feed.channel.count == 2)
        #expect(recorded.withLock { $0 } == 10_000)
        bus.emit(.debateFinished(.completed, usage: Usage()))
        var events: [DebateEvent] = []
        for await record in feed { events.append(record.event) }
        #expect(events.count == 3)
        #expect(events[1] == .textDelta(agent: AgentID("pm"), message: MessageID(1), text: String(repeating: "x", count: 10_000)))
    }

    /// Events no merging can shorten (whole messages, notes) wait in a bounded queue: peers
    /// wait for room before a turn, so a slow consumer holds the debate back instead of the
    /// queue (and memory) growing without end. Nothing is dropped.
    @Test("a slow consumer's queue never grows past its capacity, and it still gets every event", .timeLimit(.minutes(1)))
    func boundedQueue() async {
        let bus = EventBus()
        let feed = bus.subscribe()
        let total = EventFeed.capacity * 4
        let producer = Task {
            for round in 1...total {
                await bus.room()
                bus.emit(.roundStarted(round: round))
            }
            bus.emit(.debateFinished(.completed, usage: Usage()))
        }
        var longest = 0
        var seqs: [Int] = []
        for await record in feed {
            longest = max(longest, feed.channel.count)
            seqs.append(record.seq)
            await Task.yield()
        }
        await producer.value
        #expect(seqs == Array(1...(total + 1)))
        #expect(longest <= EventFeed.capacity)
        #expect(longest >= EventFeed.capacity / 2, "the producer did get ahead: the bound was tested")
    }

    @Test("a peer waiting for room goes on when its task is cancelled, and when the consumer goes away", .timeLimit(.minutes(1)))
    func roomEndsWithoutConsumer() async {
        let bus = EventBus()
        var feed: EventFeed? = bus.subscribe()
        for round in 1...EventFeed.capacity { bus.emit(.roundStarted(round: round)) }
        let cancelled = Task { await bus.room() }
        cancelled.cancel()
        await cancelled.value
        let waiting = Task { await bus.room() }
        #expect(feed?.channel.count == EventFeed.capacity)
        feed = nil
        await waiting.value
    }
}

