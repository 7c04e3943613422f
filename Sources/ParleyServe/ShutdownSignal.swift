import Dispatch
import Foundation

/// SIGINT and SIGTERM, awaited: how a person (Ctrl-C) or a service manager stops `parley serve`.
enum ShutdownSignal {
    /// Returns the first SIGINT or SIGTERM to arrive from now on (the process no longer dies of
    /// them), or nil when the task is cancelled first.
    static func next() async -> Int32? {
        let (signals, arrived) = AsyncStream.makeStream(of: Int32.self)
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { arrived.yield(number) }
            source.resume()
            return source
        }
        var iterator = signals.makeAsyncIterator()
        let number = await iterator.next()
        for source in sources { source.cancel() }
        return number
    }
}
