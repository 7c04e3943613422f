import ArgumentParser
import Dispatch
import Foundation
import ParleyCore
import ParleyEngine
import ParleyObserver

/// A debate streamed to stdout: as text, or as JSON lines. Ctrl-C stops the debate cleanly
/// (its recording ends with `debateFinished`); a second Ctrl-C exits at once.
struct HeadlessRun {
    let debate: Debate
    let jsonl: Bool

    func run() async -> FinishReason {
        let records = debate.events()
        let jsonl = self.jsonl
        let printing = Task {
            var printer = HeadlessPrinter(colour: Console.wantsColour)
            var writer = JSONWriter(capacity: 1024)
            if jsonl { Console.out(EventLog.header + "\n") }
            for await record in records {
                if jsonl {
                    Console.out(String(decoding: EventLog.line(record, into: &writer), as: UTF8.self))
                } else {
                    Console.out(printer.text(for: record.event))
                }
            }
        }
        let interrupt = Interrupt { [debate] in debate.send(.stop) }
        let reason = await debate.run()
        await printing.value
        if interrupt.fired {
            Console.error("parley: interrupted; the debate was stopped")
            exit(ExitCode.interrupted.rawValue)
        }
        return reason
    }
}

/// Ctrl-C handling for headless runs: the first stops the debate, the second exits.
final class Interrupt {
    private let source: DispatchSourceSignal
    private let count = Counter()

    init(_ onFirst: @escaping @Sendable () -> Void) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT)
        let count = self.count
        source.setEventHandler {
            if count.increment() > 1 { exit(ExitCode.interrupted.rawValue) }
            onFirst()
        }
        source.resume()
    }

    var fired: Bool { count.value > 0 }
}
