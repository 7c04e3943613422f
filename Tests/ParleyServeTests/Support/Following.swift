import AsyncHTTPClient
import Foundation
import ParleyAttach
import ParleyCore
import ParleyEngine

/// An ``AttachedDebate`` running, and its events read one by one as a test waits for them.
struct Following {
    let debate: AttachedDebate
    let running: Task<FinishReason, Never>
    private var records: EventFeed.AsyncIterator
    /// Every event read so far, in order.
    private(set) var seen: [DebateEvent] = []

    /// Attaches to debate `id` at `server` (`127.0.0.1:PORT`).
    init(
        _ server: String, id: String, token: String? = nil, readOnly: Bool = false, silence: Duration = .seconds(45),
        client: HTTPClient = Self.client
    ) throws {
        let debate = AttachedDebate(
            target: try AttachTarget(server), id: id, token: token, client: client, readOnly: readOnly, silence: silence)
        self.debate = debate
        records = debate.events().makeAsyncIterator()
        running = Task { await debate.run() }
    }

    /// The client the tests attach with: `parley attach`'s, which fails at once when nothing
    /// listens, rather than trying to connect again until its timeout.
    static let client = try! AttachClient.make()

    /// Reads events until one passes `test`, and returns it.
    /// - Throws: when the events end first.
    @discardableResult
    mutating func until(_ what: String, _ test: (DebateEvent) -> Bool) async throws -> DebateEvent {
        while let record = await records.next() {
            seen.append(record.event)
            if test(record.event) { return record.event }
        }
        throw ServeTestError("the events ended before \(what); saw \(seen.map(\.type))")
    }

    /// Reads events to the end, and returns how the debate ended.
    mutating func finish() async -> FinishReason {
        while let record = await records.next() { seen.append(record.event) }
        return await running.value
    }

    /// The debate's own events seen (the connection's notes left out).
    var debateEvents: [DebateEvent] {
        seen.filter { if case .connection = $0 { false } else { true } }
    }

    /// The connection's notes seen.
    var notes: [ConnectionNote] {
        seen.compactMap { if case .connection(let note) = $0 { note } else { nil } }
    }
}

extension ServedParley {
    /// `127.0.0.1:PORT`, without the scheme.
    var address: String { base.components(separatedBy: "://").last ?? base }

    /// A debate's recording, read back.
    func recording(_ id: String) async throws -> [EventRecord] {
        let (status, text) = try await send(.GET, "/debates/\(id)/log")
        guard status == 200 else { throw ServeTestError("GET log answered \(status): \(text)") }
        return try EventLogReader.read(data: Data(text.utf8), path: "\(id).jsonl").records
    }
}
