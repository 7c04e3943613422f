import ArgumentParser
import Dispatch
import Foundation
import ParleyCore
import ParleyEngine
import ParleyObserver
import Synchronization
import TerminalKit

/// A debate streamed to stdout: as text, or as JSON lines. Ctrl-C, SIGTERM and SIGHUP stop the
/// debate cleanly (its recording ends with `debateFinished`, the output on a whole line; exit
/// 128 + signal); a second one exits at once.
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
        let stoppedBy = Atomic<Int32>(0)
        TerminalRestore.onFirstStop { [debate] signal in
            stoppedBy.store(signal, ordering: .sequentiallyConsistent)
            debate.send(.stop)
        }
        let reason = await debate.run()
        await printing.value
        let signal = stoppedBy.load(ordering: .sequentiallyConsistent)
        if signal != 0 {
            Console.error("parley: \(Self.describe(stop: signal)); the debate was stopped")
            exit(128 + signal)
        }
        return reason
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
