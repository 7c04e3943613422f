import ParleyCore
import Synchronization
import TerminalKit
import Testing
@testable import ParleyObserver

/// A terminal that records what it is shown and takes keys from the test.
@MainActor
final class FakeTerminal: ObserverTerminal {
    let input: AsyncStream<[Key]>
    let keys: AsyncStream<[Key]>.Continuation
    let frames: AsyncStream<Canvas>
    private let framesContinuation: AsyncStream<Canvas>.Continuation
    var size: (width: Int, height: Int)
    private(set) var presented = 0
    private(set) var invalidations = 0
    private(set) var cursor: Point?

    init(width: Int = 100, height: Int = 30) {
        size = (width, height)
        (input, keys) = AsyncStream.makeStream(of: [Key].self)
        (frames, framesContinuation) = AsyncStream.makeStream(of: Canvas.self)
    }

    func present(_ canvas: Canvas) {
        presented += 1
        framesContinuation.yield(canvas)
    }

    func setCursor(_ point: Point?) { cursor = point }
    func invalidate() { invalidations += 1 }

    /// The first frame from now on that `matches`; nil if none comes within a generous time.
    func frame(where matches: @escaping @Sendable (Canvas) -> Bool) async -> Canvas? {
        let frames = self.frames
        return await withTaskGroup(of: Canvas?.self) { group in
            group.addTask {
                for await frame in frames where matches(frame) { return frame }
                return nil
            }
            group.addTask {
                // Generous: the whole suite runs at once on two cores, and the end-to-end tests'
                // subprocesses can hold the test runner's threads for many seconds.
                try? await Task.sleep(for: .seconds(90))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }
}

/// The commands an app sent to the debate.
final class SentCommands: Sendable {
    private let commands = Mutex<[DebateCommand]>([])
    var all: [DebateCommand] { commands.withLock { $0 } }
    var send: @Sendable (DebateCommand) -> Void { { command in self.commands.withLock { $0.append(command) } } }
}

@Suite("The observer app loop")
@MainActor
struct ObserverAppTests {
    func stream(_ events: [DebateEvent], finish: Bool) -> (AsyncStream<DebateEvent>, AsyncStream<DebateEvent>.Continuation) {
        let (stream, continuation) = AsyncStream.makeStream(of: DebateEvent.self)
        for event in events { continuation.yield(event) }
        if finish { continuation.finish() }
        return (stream, continuation)
    }

    @Test("it draws the debate and, once it has finished, quits on q without asking")
    func finishedDebate() async throws {
        var debate = DebateBuilder.threePeerDebate()
        debate.add(.debateFinished(.completed, usage: Usage(promptTokens: 10, completionTokens: 5)))
        let (events, _) = stream(debate.events, finish: true)
        let terminal = FakeTerminal()
        let sent = SentCommands()
        let app = ObserverApp(terminal: terminal)
        async let ended = app.run(events: events, send: sent.send)
        let done = await terminal.frame { $0.text.contains("DONE") }
        #expect(done?.text.contains("Priya") == true)
        terminal.keys.yield([.character("q")])
        let state = await ended
        #expect(state.debate.finish == .completed)
        #expect(sent.all.isEmpty)
        #expect(terminal.cursor == nil)
    }

    @Test("keys become commands to the debate; quitting a running debate asks, then stops it")
    func keysToCommands() async throws {
        let (events, continuation) = stream(DebateBuilder.threePeerDebate().events, finish: false)
        defer { continuation.finish() }
        let terminal = FakeTerminal()
        let sent = SentCommands()
        let app = ObserverApp(terminal: terminal)
        async let ended = app.run(events: events, send: sent.send)
        _ = await terminal.frame { $0.text.contains("Budget approved for") }
        terminal.keys.yield([.character(" "), .character("n")])
        terminal.keys.yield([.character("i")] + "@eng how long?".map { .character($0) } + [.enter])
        terminal.keys.yield([.character("q")])
        let asking = await terminal.frame { $0.text.contains("Stop it and quit?") }
        #expect(asking != nil)
        terminal.keys.yield([.character("y")])
        _ = await ended
        #expect(sent.all == [.pause, .stepTurn, .inject(text: "how long?", to: .peer("eng")), .stop])
    }

    @Test("a paused debate's clock still redraws each second, from one-shot timers")
    func pausedClockTicks() async throws {
        var debate = DebateBuilder()
        debate.add(.paceChanged(PaceState(mode: .paused)))
        let (events, continuation) = stream(debate.events, finish: false)
        defer { continuation.finish() }
        let terminal = FakeTerminal()
        let app = ObserverApp(terminal: terminal)
        async let ended = app.run(events: events, send: SentCommands().send)
        let paused = await terminal.frame { $0.text.contains("PAUSED") }
        #expect(paused?.text.contains("0:00") == true)
        let ticked = await terminal.frame { $0.text.contains("PAUSED") && $0.text.contains("0:01") }
        #expect(ticked != nil, "the clock moved on to 0:01 with no event and no key")
        terminal.keys.finish()
        _ = await ended
    }

    @Test("a resize lays the screen out again and repaints it whole")
    func resize() async throws {
        let (events, continuation) = stream(DebateBuilder.threePeerDebate().events, finish: false)
        defer { continuation.finish() }
        let terminal = FakeTerminal()
        let app = ObserverApp(terminal: terminal)
        async let ended = app.run(events: events, send: SentCommands().send)
        _ = await terminal.frame { $0.text.contains("Budget approved for") }
        terminal.size = (60, 16)
        terminal.keys.yield([.resize])
        let small = await terminal.frame { $0.width == 60 }
        #expect(small?.height == 16)
        #expect(terminal.invalidations == 1)
        terminal.size = (40, 10)
        terminal.keys.yield([.resize])
        let tooSmall = await terminal.frame { $0.text.contains("Parley needs") }
        #expect(tooSmall != nil)
        terminal.keys.finish()
        let state = await ended
        #expect(state.view.columns == 40)
    }

    @Test("scroll keys are carried out where the pane is drawn, and the state keeps where it settled")
    func scrollSettlesWhenDrawn() async throws {
        var debate = DebateBuilder.threePeerDebate()
        debate.add(.textDelta(agent: "cfo", message: MessageID(10), text: String(repeating: "more words ", count: 40)))
        let (events, continuation) = stream(debate.events, finish: false)
        defer { continuation.finish() }
        let terminal = FakeTerminal()
        let app = ObserverApp(terminal: terminal)
        async let ended = app.run(events: events, send: SentCommands().send)
        _ = await terminal.frame { $0.text.contains("more words more words") }
        terminal.keys.yield([.tab, .tab, .up, .up])
        let scrolled = await terminal.frame { $0.text.contains("↓ 2 more · > follows") }
        #expect(scrolled != nil)
        terminal.keys.finish()
        let state = await ended
        let scroll = state.view.scroll(of: .peer("cfo"))
        #expect(scroll.moves.isEmpty)
        guard case .line(let line) = scroll.intent else {
            Issue.record("the pane follows after ↑ ↑: \(scroll)")
            return
        }
        let (lines, rows) = try #require(ObserverView.scrollContent(.peer("cfo"), of: state, in: state.layout))
        #expect(line == lines.count - rows - 2)
    }

    @Test("events that fail before the debate finished are told on the prompt line")
    func eventsStopped() async throws {
        struct Cut: Error, CustomStringConvertible { var description: String { "the log is cut short" } }
        let (events, continuation) = AsyncThrowingStream.makeStream(of: DebateEvent.self)
        for event in DebateBuilder.threePeerDebate().events { continuation.yield(event) }
        continuation.finish(throwing: Cut())
        let terminal = FakeTerminal()
        let app = ObserverApp(terminal: terminal)
        async let ended = app.run(events: events, send: SentCommands().send)
        let told = await terminal.frame { $0.text.contains("The debate's events stopped: the log is cut short") }
        #expect(told != nil)
        terminal.keys.finish()
        let state = await ended
        #expect(state.intake.hasEnded)
    }

    @Test("a replay's observer says what a replay cannot do, and sends nothing for it")
    func replay() async throws {
        let (events, continuation) = stream(DebateBuilder.threePeerDebate().events, finish: false)
        defer { continuation.finish() }
        let terminal = FakeTerminal()
        let sent = SentCommands()
        let app = ObserverApp(terminal: terminal, options: ObserverOptions(isReplay: true))
        async let ended = app.run(events: events, send: sent.send)
        let first = await terminal.frame { $0.text.contains("Budget approved for") }
        #expect(first?.text.contains("i write") == false)
        terminal.keys.yield([.character("i")])
        let told = await terminal.frame { $0.text.contains("A replay cannot be written to") }
        #expect(told != nil)
        terminal.keys.yield([.character("n")])
        terminal.keys.finish()
        let state = await ended
        #expect(!state.view.composer.isOpen)
        #expect(sent.all == [.stepTurn])
    }

    @Test("records drive the clock, and the theme key switches the theme")
    func recordsAndTheme() async throws {
        let records = DebateBuilder.threePeerDebate().events.enumerated().map { EventRecord(seq: $0.offset + 1, time: Double($0.offset), event: $0.element) }
        let (stream, continuation) = AsyncStream.makeStream(of: EventRecord.self)
        for record in records { continuation.yield(record) }
        defer { continuation.finish() }
        let terminal = FakeTerminal()
        let app = ObserverApp(terminal: terminal)
        async let ended = app.run(records: stream, send: SentCommands().send)
        let frame = await terminal.frame { $0.text.contains("Budget approved for") }
        let last = Double(records.count - 1)
        #expect(app.state.debate.elapsed >= last)
        let before = try #require(frame)[0, 0].style
        terminal.keys.yield([.character("t")])
        let themed = await terminal.frame { $0[0, 0].style != before }
        #expect(themed != nil)
        terminal.keys.finish()
        let state = await ended
        #expect(state.view.themeIndex == 1)
        #expect(state.debate.elapsed >= last)
    }
}

@Suite("The observer's intake")
@MainActor
struct ObserverIntakeTests {
    private func records(_ events: [DebateEvent], from seq: Int = 1) -> [EventRecord] {
        events.enumerated().map { EventRecord(seq: seq + $0.offset, time: Double(seq + $0.offset), event: $0.element) }
    }

    /// Under load the debate's events queue faster than the observer draws. A key must not
    /// wait behind them: `space`, `n` and `q` act before any event queued with them.
    @Test("a key is carried out before the flood of events queued with it")
    func keysFirst() async throws {
        let app = ObserverApp(terminal: FakeTerminal())
        let intake = ObserverIntake()
        let debate = DebateBuilder.threePeerDebate().events
        let opening = debate.prefix(3)
        _ = app.absorb(ObserverIntake.Batch(records: records(Array(opening))), send: { _ in }, intake: intake)
        let roundBefore = app.state.debate.round

        var flood = Array(debate.dropFirst(3))
        for round in 4...400 { flood.append(.roundStarted(round: round)) }
        for record in records(flood, from: 4) { await intake.post(record) }
        intake.post(keys: [.character(" ")])
        let batch = try #require(intake.take())
        #expect(batch.records.last?.event == .roundStarted(round: 400))

        let roundAtKey = Mutex<Int?>(nil)
        let sent = SentCommands()
        _ = app.absorb(batch, send: { command in
            sent.send(command)
            let round = MainActor.assumeIsolated { app.state.debate.round }
            roundAtKey.withLock { $0 = round }
        }, intake: intake)
        #expect(sent.all == [.pause])
        #expect(roundAtKey.withLock { $0 } == roundBefore, "the key acted before any queued event")
        #expect(app.state.debate.round == 400, "then every queued event was taken in")
    }

    @Test("q quits before the events queued with it are taken in")
    func quitFirst() async throws {
        var finished = DebateBuilder.threePeerDebate()
        finished.add(.debateFinished(.completed, usage: Usage()))
        let app = ObserverApp(terminal: FakeTerminal())
        let intake = ObserverIntake()
        _ = app.absorb(ObserverIntake.Batch(records: records(finished.events)), send: { _ in }, intake: intake)
        for (offset, record) in records((1...1_000).map { .roundStarted(round: $0) }).enumerated() {
            await intake.post(EventRecord(seq: 10_000 + offset, time: 0, event: record.event))
        }
        intake.post(keys: [.character("q")])
        let quits = app.absorb(try #require(intake.take()), send: { _ in }, intake: intake)
        #expect(quits)
        #expect(app.state.debate.round == 3)
    }

    /// Under load a frame deadline and more events arrive together; the frame must still be
    /// drawn (once it was not: the observer drew one frame and then never again).
    @Test("a frame deadline that comes with more events draws them")
    func deadlineWithEvents() async throws {
        let terminal = FakeTerminal()
        let app = ObserverApp(terminal: terminal, options: ObserverOptions(frameInterval: .milliseconds(20)))
        let intake = ObserverIntake()
        let events = records(DebateBuilder.threePeerDebate().events)
        _ = app.absorb(ObserverIntake.Batch(records: Array(events.prefix(5))), send: { _ in }, intake: intake)
        #expect(terminal.presented == 1)
        _ = app.absorb(ObserverIntake.Batch(records: Array(events.dropFirst(5).prefix(5))), send: { _ in }, intake: intake)
        #expect(terminal.presented == 1, "within the interval: a deadline is armed")
        try await Task.sleep(for: .milliseconds(25))  // the interval passes (time, not synchronisation)
        _ = app.absorb(ObserverIntake.Batch(records: Array(events.dropFirst(10)), frameDue: true), send: { _ in }, intake: intake)
        #expect(terminal.presented == 2)
    }

    @Test("the events waiting are bounded: the feed waits for room, and merges a message's pieces meanwhile", .timeLimit(.minutes(1)))
    func bounded() async throws {
        let intake = ObserverIntake()
        for round in 1...ObserverIntake.capacity { await intake.post(EventRecord(seq: round, time: 0, event: .roundStarted(round: round))) }
        let extra = EventRecord(seq: ObserverIntake.capacity + 1, time: 0, event: .roundStarted(round: 0))
        let feeding = Task { await intake.post(extra) }
        let first = try #require(intake.take())
        #expect(first.records.count == ObserverIntake.capacity)
        await feeding.value
        #expect(intake.take()?.records == [extra])

        for word in ["a", "b", "c"] {
            await intake.post(EventRecord(seq: 1, time: 0, event: .textDelta(agent: "pm", message: MessageID(1), text: word)))
        }
        #expect(intake.take()?.records.map(\.event) == [.textDelta(agent: "pm", message: MessageID(1), text: "abc")])
    }
}

@Suite("Frame pacing")
struct FramePacingTests {
    let start = ContinuousClock.now

    @Test("the first change draws at once; changes within the interval wait for one deadline")
    func batching() {
        var pacing = FramePacing(interval: .milliseconds(33))
        let first = pacing.changed(at: start)
        #expect(first == .drawNow)
        pacing.drawn(at: start)
        let second = pacing.changed(at: start + .milliseconds(5))
        #expect(second == .drawAt(start + .milliseconds(33)))
        var decisions: [FramePacing.Decision] = []
        for offset in 6..<200 { decisions.append(pacing.changed(at: start + .microseconds(offset * 100))) }
        #expect(decisions.allSatisfy { $0 == .wait })
        let due = pacing.deadlinePassed()
        #expect(due)
        pacing.drawn(at: start + .milliseconds(33))
        let later = pacing.changed(at: start + .milliseconds(80))
        #expect(later == .drawNow)
    }

    @Test("a deadline with nothing changed draws nothing")
    func idle() {
        var pacing = FramePacing(interval: .milliseconds(33))
        pacing.drawn(at: start)
        _ = pacing.changed(at: start + .milliseconds(1))
        let due = pacing.deadlinePassed()
        #expect(due)
        pacing.drawn(at: start + .milliseconds(33))
        let again = pacing.deadlinePassed()
        #expect(!again)
    }

    @Test("the clock ticks each second while the debate runs, paused and stepping too; never after it ended")
    func clockTicks() {
        var state = DebateBuilder().state()
        #expect(FramePacing.nextTick(for: state, elapsed: 12.25, at: start) == start + .milliseconds(750))
        state.apply(.paceChanged(PaceState(mode: .paused)))
        #expect(FramePacing.nextTick(for: state, elapsed: 12.25, at: start) == start + .milliseconds(750))
        state.apply(.paceChanged(PaceState(mode: .step)))
        #expect(FramePacing.nextTick(for: state, elapsed: 3.5, at: start) == start + .milliseconds(500))
        var replay = DebateBuilder().state(replay: true)
        replay.apply(.paceChanged(PaceState(mode: .paused)))
        #expect(FramePacing.nextTick(for: replay, elapsed: 1, at: start) == nil, "a held replay's clock is the recording's")
        state.apply(.paceChanged(PaceState(mode: .live)))
        state.apply(.debateFinished(.completed, usage: .zero))
        #expect(FramePacing.nextTick(for: state, elapsed: 12.25, at: start) == nil)
        #expect(FramePacing.nextTick(for: ObserverState(), elapsed: 0, at: start) == nil)
    }
}
