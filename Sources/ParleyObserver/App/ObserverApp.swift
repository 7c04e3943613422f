import ParleyCore
import TerminalKit

/// The observer's loop: it reduces the debate's events and the person's keys into an
/// ``ObserverState`` and draws it on an ``ObserverTerminal``, all on the main actor.
///
/// Nothing runs while nothing happens: the loop waits for the next event or key. A change
/// draws at once if the last frame is at least ``ObserverOptions/frameInterval`` old, else at a
/// one-shot deadline, so a burst of events is batched into about 30 frames a second. The only
/// other timers are the status bar's clock, armed for the next second only while the debate runs
/// (paused and stepping too), one second at a time, and a one-shot timer that fades a notice
/// confirming a key (`t`, `v`) when its time is up. A resize lays out again and repaints the whole terminal.
///
/// The app does not own the terminal: start the screen before ``run(records:send:)`` and stop it
/// after, or let ``onScreen(options:_:)`` do both (`Screen` also installs `TerminalRestore`,
/// which puts the terminal back however the program ends).
@MainActor
public final class ObserverApp {
    /// What the observer shows; after a run, how it ended.
    public private(set) var state: ObserverState
    /// The signal (SIGTERM, SIGHUP) that ended the run, when one did: the terminal's window
    /// closed, or `kill` asked. The program should end with 128 + it once the debate stopped.
    public private(set) var stopSignal: Int32?
    /// The turn the person asked to fork at (`f`), which ended the run; nil when they did not.
    public private(set) var forkRequest: MessageID?
    private let terminal: any ObserverTerminal
    private let options: ObserverOptions
    private var theme: Theme
    private var pacing: FramePacing
    /// The clock's reading at an instant, to tell the elapsed time between events.
    private var clockBase: (instant: ContinuousClock.Instant, elapsed: Double)?
    private var tickArmed = false
    /// The tasks feeding events and keys into the loop.
    private var feeders: [Task<Void, Never>] = []
    /// The one-shot timers armed: the frame deadline and the clock's next second.
    private var frameTimer: Task<Void, Never>?
    private var tickTimer: Task<Void, Never>?
    /// The timer that fades the notice shown, and when (on the observer's own clock) it does.
    private var fadeTimer: (task: Task<Void, Never>, at: Double)?
    /// When the observer started: its own clock (``LoopReport/now(_:)``) counts from here.
    private let started = ContinuousClock.now

    /// What the events carry: records keep the debate's clock, bare events do not.
    enum Feed {
        case events, records
    }

    /// Makes the app for a terminal; nothing is drawn until it runs.
    public init(terminal: any ObserverTerminal, options: ObserverOptions = ObserverOptions()) {
        self.terminal = terminal
        self.options = options
        let size = terminal.size
        state = ObserverState(
            columns: size.width, rows: size.height, themeIndex: options.themeIndex,
            themeCount: options.themes.themes.count, themeNames: options.themes.themes.map(\.name), showsReasoning: options.showsReasoning,
            recordingPath: options.recordingPath, isReplay: options.isReplay)
        state.intake.replayName = options.replayName
        state.intake.replaySpeed = options.replaySpeed
        state.intake.replayTurns = options.replayTurns
        state.intake.forks = options.forks
        state.intake.attachedTo = options.attachedTo
        state.intake.servedAt = options.servedAt
        state.intake.isReadOnly = options.isReadOnly
        theme = options.themes.theme(at: options.themeIndex)
        pacing = FramePacing(interval: options.frameInterval)
    }

    /// Shows a debate's events until the person quits (or the terminal's input ends).
    /// - Parameters:
    ///   - events: the debate's events, in order; they may end (the debate finished) while the
    ///     person goes on reading.
    ///   - send: how commands reach the debate (pause, step, inject, stop …).
    /// - Returns: the state when the observer ended.
    @discardableResult
    public func run<Events: AsyncSequence & Sendable>(
        events: Events, send: @escaping @Sendable (DebateCommand) -> Void
    ) async -> ObserverState where Events.Element == DebateEvent {
        await loop(.events, send: send, feed: Self.feed(events) { EventRecord(seq: 0, time: 0, event: $0) })
    }

    /// Shows a debate's event records (live or replayed) until the person quits; the status
    /// bar's clock follows the records' times.
    /// - Returns: the state when the observer ended.
    @discardableResult
    public func run<Records: AsyncSequence & Sendable>(
        records: Records, send: @escaping @Sendable (DebateCommand) -> Void
    ) async -> ObserverState where Records.Element == EventRecord {
        await loop(.records, send: send, feed: Self.feed(records) { $0 })
    }

    /// What feeds a sequence's elements into the intake (waiting while it is full), then says
    /// that it ended (or failed).
    private nonisolated static func feed<Elements: AsyncSequence & Sendable>(
        _ elements: Elements, as record: @escaping @Sendable (Elements.Element) -> EventRecord
    ) -> @Sendable (ObserverIntake) async -> Void {
        { intake in
            do {
                for try await element in elements { await intake.post(record(element)) }
                intake.eventsEnded(failure: nil)
            } catch {
                intake.eventsEnded(failure: "\(error)")
            }
        }
    }

    private func loop(
        _ kind: Feed, send: @escaping @Sendable (DebateCommand) -> Void,
        feed: @escaping @Sendable (ObserverIntake) async -> Void
    ) async -> ObserverState {
        let intake = ObserverIntake()
        let input = terminal.input
        feeders = [
            Task.detached { await feed(intake) },
            Task.detached {
                for await keys in input { intake.post(keys: keys) }
                intake.inputEnded()
            },
        ]
        defer {
            intake.close()
            for task in feeders + [frameTimer, tickTimer, fadeTimer?.task].compactMap({ $0 }) { task.cancel() }
            feeders = []
            terminal.setCursor(nil)
        }

        draw()
        while true {
            let batch = await intake.next()
            if absorb(batch, kind, send: send, intake: intake) { return state }
        }
    }

    /// Takes in what waited: the keys first, however many events wait behind them, then the
    /// events, then the timers. - Returns: whether the observer quits.
    func absorb(
        _ batch: ObserverIntake.Batch, _ kind: Feed = .records, send: @Sendable (DebateCommand) -> Void, intake: ObserverIntake
    ) -> Bool {
        state.apply(.now((ContinuousClock.now - started).inSeconds))
        for key in batch.keys where press(key, send: send) { return true }
        if batch.inputEnded { return true }
        var changes = !batch.keys.isEmpty
        for record in batch.records {
            if kind == .records {
                clockBase = (ContinuousClock.now, record.time)
                state.apply(record)
            } else {
                state.apply(record.event)
            }
            followClock(record.event)
            changes = true
        }
        if batch.eventsEnded {
            state.apply(.eventsEnded(failure: batch.eventsFailure))
            if batch.eventsFailure != nil { changes = true }
        }
        if batch.tickDue {
            tickArmed = false
            changes = true
        }
        if batch.fadeDue { changes = true }
        // The deadline that came is spent first, so that the changes with it can draw.
        let due = batch.frameDue && pacing.deadlinePassed()
        if changes {
            changed(intake)
        } else if due {
            draw(intake)
        }
        return false
    }

    /// Starts and stops the clock with the debate, after the state took `event` in.
    private func followClock(_ event: DebateEvent) {
        switch event {
        case .debateStarted:
            if clockBase == nil { clockBase = (ContinuousClock.now, 0) }
        case .debateFinished:
            updateElapsed()
            clockBase = nil
        default: break
        }
    }

    /// Carries out a key. - Returns: whether the observer quits.
    private func press(_ key: Key, send: @Sendable (DebateCommand) -> Void) -> Bool {
        if case .stopSignal(let signal) = key {
            stopSignal = signal
            return true
        }
        if key == .resize {
            let size = terminal.size
            _ = state.apply(.resize(columns: size.width, rows: size.height))
            terminal.invalidate()
            return false
        }
        guard let command = KeyMap.command(for: key, in: state.mode) else { return false }
        for effect in state.apply(command) {
            switch effect {
            case .send(let command): send(command)
            case .useTheme(let index): theme = options.themes.theme(at: index)
            case .compare(let parent):
                if let known = options.parentRecording, known.path == parent {
                    state.openComparison(parent: parent, records: known.records)
                    continue
                }
                do {
                    state.openComparison(parent: parent, records: try EventLogReader.read(path: parent).records)
                } catch {
                    state.parentUnreadable(parent, because: error)
                }
            case .quit: return true
            case .fork(let message):
                forkRequest = message
                return true
            }
        }
        return false
    }

    /// Something changed: draw now, or arm the frame deadline.
    private func changed(_ intake: ObserverIntake) {
        switch pacing.changed(at: .now) {
        case .drawNow: draw(intake)
        case .drawAt(let deadline): frameTimer = timer(at: deadline) { intake.frameDue() }
        case .wait: break
        }
    }

    private func draw(_ intake: ObserverIntake? = nil) {
        let size = terminal.size
        if size.width != state.view.columns || size.height != state.view.rows {
            _ = state.apply(.resize(columns: size.width, rows: size.height))
        }
        updateElapsed()
        let settled = ObserverView.settledScrolls(of: state)
        if !settled.isEmpty { state.apply(.scrollsSettled(settled)) }
        terminal.setCursor(ObserverView.cursor(state: state))
        terminal.present(ObserverView.render(state: state, theme: theme))
        let now = ContinuousClock.now
        pacing.drawn(at: now)
        if let intake, !tickArmed, let tick = FramePacing.nextTick(for: state, elapsed: state.debate.elapsed, at: now) {
            tickArmed = true
            tickTimer = timer(at: tick) { intake.tickDue() }
        }
        if let intake, let fadesAt = state.debate.notice?.fadesAt, fadeTimer?.at != fadesAt {
            fadeTimer?.task.cancel()
            fadeTimer = (timer(at: started + .milliseconds(Int((fadesAt * 1000).rounded(.up)))) { intake.fadeDue() }, fadesAt)
        }
    }

    private func updateElapsed() {
        guard let clockBase else { return }
        state.apply(.clockTicked(clockBase.elapsed + (ContinuousClock.now - clockBase.instant).inSeconds))
    }

    /// A one-shot timer that wakes the loop at `deadline`.
    private func timer(at deadline: ContinuousClock.Instant, _ deliver: @escaping @Sendable () -> Void) -> Task<Void, Never> {
        Task.detached {
            do {
                try await Task.sleep(until: deadline, clock: .continuous)
                deliver()
            } catch {}
        }
    }
}
