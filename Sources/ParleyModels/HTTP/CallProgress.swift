import ParleyCore
import Synchronization

/// How far one try of a call got, shared by the task reading the stream and the watchdog that
/// ends it when the server goes quiet: when bytes last arrived, whether any of the reply was
/// delivered, and the timings the log reports.
final class CallProgress: Sendable {
    /// When the try started.
    let started = ContinuousClock.now
    private let lastActivity = Atomic<Int64>(0)
    private let headersAt = Atomic<Int64>(-1)
    private let firstTokenAt = Atomic<Int64>(-1)
    private let status = Atomic<Int>(0)
    private let delivered = Atomic<Bool>(false)
    private let lastUsage = Mutex<Usage?>(nil)

    /// Notes that bytes arrived.
    func touch() { lastActivity.store(elapsedNanoseconds(), ordering: .relaxed) }

    /// Notes the response head.
    func headersArrived(status code: Int) {
        touch()
        status.store(code, ordering: .relaxed)
        headersAt.store(elapsedNanoseconds(), ordering: .relaxed)
    }

    /// Notes a chunk handed to the caller.
    func delivering(_ chunk: ChatChunk) {
        switch chunk {
        case .text(let text) where !text.isEmpty:
            delivered.store(true, ordering: .relaxed)
            if firstTokenAt.load(ordering: .relaxed) < 0 { firstTokenAt.store(elapsedNanoseconds(), ordering: .relaxed) }
        case .reasoning(let text) where !text.isEmpty:
            delivered.store(true, ordering: .relaxed)
        case .usage(let usage):
            lastUsage.withLock { $0 = usage }
        default:
            break
        }
    }

    /// Whether any text or reasoning of the reply reached the caller.
    var hasDelivered: Bool { delivered.load(ordering: .relaxed) }
    /// Whether the response head arrived.
    var hasHeaders: Bool { headersAt.load(ordering: .relaxed) >= 0 }
    /// The response status, 0 before the head arrived.
    var statusCode: Int { status.load(ordering: .relaxed) }
    /// The last usage reported.
    var usage: Usage? { lastUsage.withLock { $0 } }

    /// How long since bytes last arrived (or since the start).
    var quietFor: Duration { .nanoseconds(elapsedNanoseconds() - lastActivity.load(ordering: .relaxed)) }

    /// Milliseconds from the start to the response head, if it arrived.
    var headersMilliseconds: Double? { milliseconds(headersAt.load(ordering: .relaxed)) }
    /// Milliseconds from the start to the first text, if any arrived.
    var firstTokenMilliseconds: Double? { milliseconds(firstTokenAt.load(ordering: .relaxed)) }
    /// Milliseconds since the start.
    var totalMilliseconds: Double { Double(elapsedNanoseconds()) / 1_000_000 }

    private func milliseconds(_ nanoseconds: Int64) -> Double? {
        nanoseconds < 0 ? nil : Double(nanoseconds) / 1_000_000
    }

    private func elapsedNanoseconds() -> Int64 {
        let elapsed = ContinuousClock.now - started
        return elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
    }
}
