import ArgumentParser
import Dispatch
import Foundation
import ParleyCore
import ParleyEngine
import ParleyObserver
import Synchronization
import TerminalKit

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
        let interrupted = Atomic(false)
        TerminalRestore.onFirstInterrupt { [debate] in
            interrupted.store(true, ordering: .sequentiallyConsistent)
            debate.send(.stop)
        }
        let reason = await debate.run()
        await printing.value
        if interrupted.load(ordering: .sequentiallyConsistent) {
            Console.error("parley: interrupted; the debate was stopped")
            exit(ExitCode.interrupted.rawValue)
        }
        return reason
    }
}
