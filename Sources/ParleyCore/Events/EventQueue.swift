/// Event records waiting for a consumer, in order, with the streamed pieces of one message (or
/// summary) merged while they wait: a text delta joins the queued delta of the same message
/// when no other kind of event came between them. Nothing else is merged or dropped, so a
/// consumer that falls behind sees every message, every note and every change, with its
/// streamed text in fewer, longer pieces.
///
/// A merged record keeps the first piece's sequence number and takes the last piece's time.
public struct EventQueue: Sendable {
    /// What tells the pieces of one stream apart.
    private enum Stream: Hashable, Sendable {
        case text(AgentID, MessageID)
        case reasoning(AgentID, MessageID)
        case summary(SummaryScope)
    }

    private var records: [EventRecord] = []
    /// Where the queue starts in `records` (taken records are removed in bulk, not one by one).
    private var head = 0
    /// Where each stream's latest piece is in `records`, since the last event of another kind.
    private var open: [Stream: Int] = [:]

    /// An empty queue.
    public init() {}

    /// How many records wait.
    public var count: Int { records.count - head }

    /// Whether nothing waits.
    public var isEmpty: Bool { count == 0 }

    /// Adds a record at the end, or merges it into the waiting piece of the same stream.
    public mutating func append(_ record: EventRecord) {
        guard let stream = Self.stream(of: record.event) else {
            open.removeAll(keepingCapacity: true)
            records.append(record)
            return
        }
        if let index = open[stream] {
            records[index].event = Self.merged(records[index].event, record.event)
            records[index].time = record.time
        } else {
            open[stream] = records.count
            records.append(record)
        }
    }

    /// Takes the first record, if any.
    public mutating func removeFirst() -> EventRecord? {
        guard head < records.count else { return nil }
        let record = records[head]
        if let stream = Self.stream(of: record.event), open[stream] == head { open[stream] = nil }
        head += 1
        if head == records.count {
            records.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 1024, head * 2 >= records.count {
            records.removeFirst(head)
            open = open.mapValues { $0 - head }
            head = 0
        }
        return record
    }

    /// Takes every waiting record, in order.
    public mutating func removeAll() -> [EventRecord] {
        let taken = Array(records[head...])
        records.removeAll(keepingCapacity: true)
        open.removeAll(keepingCapacity: true)
        head = 0
        return taken
    }

    private static func stream(of event: DebateEvent) -> Stream? {
        switch event {
        case .textDelta(let agent, let message, _): .text(agent, message)
        case .reasoningDelta(let agent, let message, _): .reasoning(agent, message)
        case .summaryDelta(let scope, _): .summary(scope)
        default: nil
        }
    }

    /// `first` with `next`'s text after its own; both are pieces of one stream.
    private static func merged(_ first: DebateEvent, _ next: DebateEvent) -> DebateEvent {
        switch (first, next) {
        case (.textDelta(let agent, let message, let text), .textDelta(_, _, let more)):
            .textDelta(agent: agent, message: message, text: text + more)
        case (.reasoningDelta(let agent, let message, let text), .reasoningDelta(_, _, let more)):
            .reasoningDelta(agent: agent, message: message, text: text + more)
        case (.summaryDelta(let scope, let text), .summaryDelta(_, let more)):
            .summaryDelta(scope, text: text + more)
        default:
            next
        }
    }
}
