import Foundation
import ParleyCore
@testable import ParleyEngine

/// A debate recorded to a real event log file (deltas left out, as `--record` writes it) and
/// read back, as `parley fork` reads its parent.
enum Recorded {
    /// Runs `debate` to its end, `drive` steering it meanwhile, and returns its recording's records.
    static func run(_ debate: Debate, drive: (Debate, EventCollector) async -> Void = { _, _ in }) async throws -> [EventRecord] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parley-fork-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try EventLogWriter(path: path)
        debate.record(to: writer)
        let (events, task) = EventCollector.start(debate)
        let running = Task { await debate.run() }
        await drive(debate, events)
        _ = await running.value
        await task.value
        writer.close()
        return try EventLogReader.read(path: path).records
    }
}

extension Array where Element == EventRecord {
    /// The messages the peers completed.
    var messages: [Message] { map(\.event).messages }

    /// The text of each summary, by scope.
    var summaries: [SummaryScope: String] {
        var found: [SummaryScope: String] = [:]
        for record in self { if case .summaryCompleted(let summary) = record.event { found[summary.scope] = summary.text } }
        return found
    }

    /// A fork's events split at its fork point: the shared history it showed again, then its branch.
    var forkParts: (shared: ArraySlice<EventRecord>, branch: ArraySlice<EventRecord>)? {
        guard case .debateStarted(let info) = first?.event, let fork = info.fork else { return nil }
        let branch = firstIndex { $0.seq > fork.sharedThrough } ?? endIndex
        return (self[1..<branch], self[branch...])
    }
}
