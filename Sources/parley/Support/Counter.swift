import Synchronization

/// A thread-safe counter.
final class Counter: Sendable {
    private let atomic = Atomic<Int>(0)

    /// Adds one; returns the new count.
    func increment() -> Int { atomic.add(1, ordering: .relaxed).newValue }

    /// The count now.
    var value: Int { atomic.load(ordering: .relaxed) }
}
