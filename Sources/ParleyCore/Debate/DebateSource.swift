/// Anything a front end can watch and steer: a live ``Debate`` (in ParleyEngine), a recording
/// played back (`Replay`), and in time a debate served elsewhere or a fork of one.
///
/// A front end subscribes with ``events()`` before it calls ``run()``, shows the records as they
/// come and talks back only through ``send(_:)``. The stream ends after `debateFinished`.
///
/// ```swift
/// let records = source.events()
/// let running = Task { await source.run() }
/// for await record in records { show(record) }
/// let reason = await running.value
/// ```
public protocol DebateSource: AnyObject, Sendable {
    /// The events a subscriber reads: a bounded queue of its own, in order.
    associatedtype Events: AsyncSequence & Sendable where Events.Element == EventRecord, Events.Failure == Never

    /// The source's events from now on, ending after `debateFinished`. Subscribe before
    /// ``run()`` to see them all.
    func events() -> Events

    /// Sends a command (pause, step, inject, stop …); it takes effect at once. A command the
    /// source has nothing to act on (writing to a replay) is ignored.
    func send(_ command: DebateCommand)

    /// Runs the debate to its end, or until ``DebateCommand/stop`` is sent, and returns how it
    /// ended. Returns only when every task it started has ended.
    @discardableResult
    func run() async -> FinishReason
}
