import ArgumentParser
import Foundation
import ParleyCore
import ParleyObserver
import Synchronization
import TerminalKit

/// Where a debate source is shown: the observer, or stdout. `parley run` and `parley replay`
/// (and every later source) go through ``show(_:)``, so they start, stop and end alike.
enum Frontend {
    /// The ncurses observer.
    case observer(ObserverOptions)
    /// Streamed to stdout: as text, or as JSON lines (the event log format).
    case headless(jsonl: Bool)

    /// The observer when both stdin and stdout are terminals and nothing asked otherwise; else
    /// headless (saying so on stderr when the person did not ask for it).
    static func choose(headless: Bool, jsonl: Bool, observer: ObserverOptions) -> Frontend {
        if headless || jsonl { return .headless(jsonl: jsonl) }
        guard Console.isInteractive else {
            Console.error("parley: standard input or output is not a terminal; streaming the debate headless (use --headless to say so)")
            return .headless(jsonl: false)
        }
        return .observer(observer)
    }

    /// Whether the person watches in the observer: a failed turn then waits for them, and a
    /// debate whose rounds are done lingers for one more until they quit.
    var isInteractive: Bool {
        if case .observer = self { true } else { false }
    }

    /// The same front end, showing that the debate is recorded to `path`.
    func recording(to path: String?) -> Frontend {
        guard case .observer(var options) = self else { return self }
        options.recordingPath = path
        return .observer(options)
    }

    /// The same front end, showing that the debate is served (`parley run --serve`): `served`
    /// says where (`3f2a9c1e on 127.0.0.1:7878`).
    func served(at served: String) -> Frontend {
        guard case .observer(var options) = self else { return self }
        options.servedAt = served
        return .observer(options)
    }

    /// Runs `source` here until it ends (headless) or the person quits (observer), and returns how
    /// it ended, with the turn the person asked to fork at (`f`, in the observer). Headless, Ctrl-C, SIGTERM and SIGHUP stop the source cleanly (its recording
    /// ends with `debateFinished`, the output on a whole line) and the program exits with
    /// 128 + the signal's number; a second one exits at once. In the observer, Ctrl-C is a key
    /// (quit, asking first); SIGTERM and SIGHUP stop the debate cleanly and exit likewise.
    /// Before exiting on a signal it awaits `beforeExit` (which sends the debate's trace, and
    /// stops `parley run --serve`'s server, so that every client's event stream ends whole).
    /// - Throws: ``ExitCode/badDebate`` after saying why, when the observer cannot open.
    /// - Parameter stopping: what a stop signal did to the debate, for the last line on stderr.
    func show(
        _ source: some DebateSource, stopping: String = "the debate was stopped", beforeExit: @Sendable () async -> Void = {}
    ) async throws -> (reason: FinishReason, fork: MessageID?) {
        switch self {
        case .observer(let options):
            let ending: (reason: FinishReason, stopSignal: Int32?, fork: MessageID?)
            do {
                ending = try await ObserverApp.watch(source, options: options)
            } catch {
                Console.error("parley: cannot open the observer: \(error); try --headless")
                throw ExitCode.badDebate
            }
            if let signal = ending.stopSignal {
                await beforeExit()
                Self.exit(stoppedBy: signal, stopping)
            }
            return (ending.reason, ending.fork)
        case .headless(let jsonl):
            return (await Self.stream(source, jsonl: jsonl, stopping: stopping, beforeExit: beforeExit), nil)
        }
    }

    private static func stream(
        _ source: some DebateSource, jsonl: Bool, stopping: String, beforeExit: @Sendable () async -> Void
    ) async -> FinishReason {
        let records = source.events()
        let printing = Task {
            // On a terminal, long lines wrap at words to its width; piped, lines stay whole.
            let width = Console.outputIsTerminal ? WindowSize.columns(of: STDOUT_FILENO) : nil
            var printer = HeadlessPrinter(colour: Console.wantsColour, width: width)
            var writer = JSONWriter(capacity: 1024)
            if jsonl { Console.out(EventLog.header + "\n") }
            for await record in records {
                if jsonl {
                    Console.out(String(decoding: EventLog.line(record, into: &writer), as: UTF8.self))
                } else {
                    Console.out(printer.text(for: record.event))
                }
            }
            if !jsonl { Console.out(printer.flush()) }
        }
        let stoppedBy = Atomic<Int32>(0)
        TerminalRestore.onFirstStop { [source] signal in
            stoppedBy.store(signal, ordering: .sequentiallyConsistent)
            source.send(.stop)
        }
        let reason = await source.run()
        await printing.value
        let signal = stoppedBy.load(ordering: .sequentiallyConsistent)
        if signal != 0 {
            await beforeExit()
            Self.exit(stoppedBy: signal, stopping)
        }
        return reason
    }

    /// Says what stopped the debate and exits with 128 + the signal's number.
    private static func exit(stoppedBy signal: Int32, _ stopping: String) -> Never {
        Console.error("parley: \(describe(stop: signal)); \(stopping)")
        Foundation.exit(128 + signal)
    }

    /// What stopped the run, for the last line on stderr.
    private static func describe(stop signal: Int32) -> String {
        switch signal {
        case SIGTERM: "terminated (SIGTERM)"
        case SIGHUP: "hung up on (SIGHUP)"
        default: "interrupted"
        }
    }
}
