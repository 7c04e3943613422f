import AsyncHTTPClient
import Foundation
import ParleyCore
import ParleyEngine
import ParleyModels
import Synchronization

/// A debate served by `parley serve` (or `parley run --serve`), watched and steered from here:
/// the same ``DebateSource`` as a debate of this process, so the observer shows it alike.
///
/// - Its events are the server's event stream, history first (the observer catches up at once),
///   then live, in order, each stamped with the debate's own time.
/// - A lost connection (dropped, refused, or silent for ``silence``) is said as
///   ``ConnectionNote/lost(reason:)`` and made again with growing waits; the stream goes on
///   after the last event seen (`Last-Event-ID`), so nothing is missed or shown twice, then
///   ``ConnectionNote/restored``.
/// - Commands go to the server one at a time, in order; one it does not carry out comes back as
///   ``ConnectionNote/refused(command:reason:)``. ``DebateCommand/stop`` leaves the debate,
///   which goes on on its server. A read-only debate sends nothing.
public final class AttachedDebate: DebateSource {
    /// The events as they arrive.
    public let bus = EventBus()
    /// The debate's id on its server.
    public let id: String
    /// Whether commands are refused here instead of sent.
    public let isReadOnly: Bool
    private let link: ServerLink
    private let silence: Duration
    private let commands: AsyncStream<DebateCommand>
    private let commandInbox: AsyncStream<DebateCommand>.Continuation
    /// Whether this observer left the debate (``DebateCommand/stop``).
    private let leaving = Monitor(false)
    private let lastSeen = Atomic<Int>(0)

    /// Follows debate `id` on the server `target` names, with `token` when given.
    /// - Parameter silence: how long the stream may stay silent before the connection counts as
    ///   lost (the server sends a comment line every 15 seconds when the debate is quiet).
    public init(
        target: AttachTarget, id: String, token: String?, client: HTTPClient, readOnly: Bool = false,
        silence: Duration = .seconds(45)
    ) {
        self.id = id
        isReadOnly = readOnly
        link = ServerLink(target: target, token: token, client: client)
        self.silence = silence
        (commands, commandInbox) = AsyncStream.makeStream(bufferingPolicy: .unbounded)
    }

    /// The events from now on; subscribe before ``run()``.
    public func events() -> EventFeed { bus.subscribe() }

    /// Sends `command` to the server (after the ones before it); `stop` leaves the debate.
    public func send(_ command: DebateCommand) {
        guard command != .stop else { return leave() }
        commandInbox.yield(command)
    }

    /// The debates the server at `target` runs and ran, oldest first.
    /// - Throws: ``AttachError`` saying why they could not be listed and what to try.
    public static func listing(of target: AttachTarget, token: String?, client: HTTPClient) async throws(AttachError) -> [DebateListing] {
        try await ServerLink(target: target, token: token, client: client).listing()
    }

    /// Asks the server at `target` to fork debate `id` before the turn of `message` (as
    /// `POST /debates/ID/fork` does). - Returns: the fork's id, to attach to.
    /// - Throws: ``AttachError`` with the server's reason.
    public static func fork(
        _ id: String, at message: MessageID, on target: AttachTarget, token: String?, client: HTTPClient
    ) async throws(AttachError) -> String {
        try await ServerLink(target: target, token: token, client: client).fork(id, at: message.rawValue)
    }

    /// When debate `id` on the server at `target` is a fork of another one there, that debate's
    /// recording as the fork names it (its path on the server) and its events so far, for `d`
    /// (the fork beside its parent); nil when it is no fork, or its parent's recording cannot be
    /// read there.
    public static func parent(
        of id: String, on target: AttachTarget, token: String?, client: HTTPClient
    ) async -> (path: String, records: [EventRecord])? {
        let link = ServerLink(target: target, token: token, client: client)
        guard case .debateStarted(let info)? = try? await link.firstRecord(of: id)?.event, let path = info.fork?.parent else { return nil }
        let name = (path as NSString).lastPathComponent
        guard name.hasSuffix(".jsonl"), let records = try? await link.log(of: String(name.dropLast(6))) else { return nil }
        return (path, records)
    }

    /// The seq of the last event seen from the server.
    public var lastSeq: Int { lastSeen.load(ordering: .relaxed) }

    /// Follows the debate until it finishes on its server, or until this observer leaves it
    /// (``DebateCommand/stop``), or the server says it cannot be followed (an unknown debate, a
    /// token it refuses).
    /// - Returns: how the debate ended; ``FinishReason/stopped`` when this observer left it.
    @discardableResult
    public func run() async -> FinishReason {
        let outcome = await withTaskGroup(of: FinishReason?.self) { group in
            group.addTask { await self.follow() }
            group.addTask {
                await self.steer()
                return nil
            }
            group.addTask { [leaving] in (try? await leaving.wait { $0 ? FinishReason.stopped : nil }) ?? nil }
            var outcome: FinishReason?
            while let next = await group.next() {
                if let next {
                    outcome = next
                    break
                }
            }
            commandInbox.finish()
            leaving.close()
            group.cancelAll()
            return outcome ?? .stopped
        }
        // Leaving (or failing) ends the feed as a debate's end does; the bus drops this when the
        // debate's own `debateFinished` came first.
        bus.emit(.debateFinished(outcome, usage: usage.withLock { $0 }))
        return outcome
    }

    /// The tokens of the messages seen so far.
    private let usage = Mutex(Usage.zero)

    /// Reads the event stream, connecting again whenever it breaks, until `debateFinished`.
    private func follow() async -> FinishReason? {
        var wait = Self.firstWait
        var lost = false
        while !Task.isCancelled {
            do throws(AttachError) {
                let body = try await link.events(of: id, after: lastSeq)
                if lost {
                    bus.emit(.connection(.restored))
                    lost = false
                }
                wait = Self.firstWait
                if let reason = try await read(body) { return reason }
                // The stream ended whole before the debate did: a debate whose server was killed
                // ends there for good (a restarted server serves its recording, cut short).
                if let state = try? await link.listing().first(where: { $0.id == id })?.state, state == "interrupted" {
                    return .failed("the debate was cut short: its server stopped before it finished")
                }
                throw AttachError("the server ended the stream", passes: true)
            } catch {
                if Task.isCancelled { return nil }
                guard error.passes else { return .failed(error.description) }
                if !lost {
                    bus.emit(.connection(.lost(reason: error.description)))
                    lost = true
                }
                guard (try? await Task.sleep(for: wait)) != nil else { return nil }
                wait = min(wait * 2, Self.longestWait)
            }
        }
        return nil
    }

    /// The wait before connecting again after a loss, doubled each failure up to ``longestWait``.
    static let firstWait = Duration.milliseconds(250)
    static let longestWait = Duration.seconds(4)

    /// Shows the events of one connection's stream. - Returns: how the debate finished, or nil
    /// when the stream ended before it did.
    private func read(_ body: HTTPClientResponse.Body) async throws(AttachError) -> FinishReason? {
        let heard = Heard()
        let silence = silence
        do {
            return try await withThrowingTaskGroup(of: FinishReason?.self) { group in
                group.addTask {
                    var decoder = SSEDecoder()
                    let json = EventLog.makeDecoder()
                    for try await buffer in body {
                        heard.now()
                        for event in decoder.feed(buffer.readableBytesView) {
                            if let reason = try await self.show(event, json: json) { return reason }
                        }
                    }
                    return nil
                }
                group.addTask {
                    while true {
                        let quiet = heard.quiet
                        if quiet >= silence { throw AttachError("nothing heard for \(silence)", passes: true) }
                        try await Task.sleep(for: silence - quiet)
                    }
                }
                defer { group.cancelAll() }
                return try await group.next() ?? nil
            }
        } catch let error as AttachError {
            throw error
        } catch {
            if Task.isCancelled { throw AttachError("cancelled", passes: true) }
            throw AttachError("the stream broke: \(error)", passes: true)
        }
    }

    /// Shows one server-sent event, unless it was seen already. - Returns: how the debate
    /// finished, when it is `debateFinished`.
    private func show(_ event: ServerSentEvent, json: JSONDecoder) async throws -> FinishReason? {
        let record: EventRecord
        do {
            record = try json.decode(EventRecord.self, from: Data(event.data.utf8))
        } catch {
            throw AttachError("the server sent an event Parley cannot read (\(event.type)): \(error)")
        }
        guard record.seq > lastSeq else { return nil }
        lastSeen.store(record.seq, ordering: .relaxed)
        // Room is waited for at turns, as a live debate does: a slow observer holds the stream
        // back (the server keeps the events), never the other way round.
        if case .turnStarted = record.event { await bus.room() }
        bus.emit(record.event, at: record.time)
        if case .messageCompleted(let message) = record.event { usage.withLock { $0 = $0 + message.usage } }
        guard case .debateFinished(let reason, _) = record.event else { return nil }
        return reason
    }

    /// Sends the commands, in order, until the inbox closes.
    private func steer() async {
        for await command in commands {
            guard let body = command.wireBody else { continue }
            if isReadOnly {
                bus.emit(.connection(.refused(command: command.asked, reason: "this observer only watches (read-only)")))
                continue
            }
            if let refusal = await link.send(body, to: id) {
                bus.emit(.connection(.refused(command: command.asked, reason: refusal)))
            }
        }
    }

    private func leave() {
        leaving.update { $0 = true }
    }

    /// When the stream was last heard from.
    private final class Heard: Sendable {
        private let last = Mutex(ContinuousClock.now)
        func now() { last.withLock { $0 = .now } }
        var quiet: Duration { ContinuousClock.now - last.withLock { $0 } }
    }
}
