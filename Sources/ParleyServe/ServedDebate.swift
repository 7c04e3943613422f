import Foundation
import ParleyCore
import ParleyEngine
import Synchronization

/// One debate the server runs headless: the live ``Debate``, every event it emitted
/// (``EventHistory``), where it stands (``DebateStatus``) and its recording in the data folder.
final class ServedDebate: Sendable {
    /// Its id in URLs: `/debates/{id}`.
    let id: String
    /// The debate running.
    let debate: Debate
    /// Every event so far.
    let history = EventHistory()
    /// When it started.
    let started: Date
    /// Its recording (`{data}/{id}.jsonl`).
    let recording: EventLogWriter
    private let status = StatusBox()

    /// Where the debate stands, behind a lock: the bus's sink writes it, requests read it.
    final class StatusBox: Sendable {
        private let status = Mutex(DebateStatus())
        func apply(_ event: DebateEvent) { status.withLock { $0.apply(event) } }
        var current: DebateStatus { status.withLock { $0 } }
    }

    /// Starts recording and following `debate`; it does not run yet (``run()``).
    init(id: String, debate: Debate, recording: EventLogWriter, started: Date = .now) {
        self.id = id
        self.debate = debate
        self.recording = recording
        self.started = started
        debate.record(to: recording)
        let (history, status) = (history, status)
        debate.bus.addSink { record in
            status.apply(record.event)
            history.append(record)
        }
    }

    /// Runs the debate to its end and closes its recording.
    func run() async {
        await debate.run()
        recording.close()
    }

    /// Where it stands now.
    var current: DebateStatus { status.current }

    /// Sends `command` unless the debate's state refuses it.
    /// - Returns: why it was refused, or nil when it was sent.
    func send(_ command: DebateCommand) -> String? {
        if let refusal = status.current.refusal(of: command) { return refusal }
        debate.send(command)
        return nil
    }

    /// What `GET /debates` shows of it.
    var summary: DebateListing {
        let status = current
        return DebateListing(
            id: id, title: debate.info.title, state: status.state, round: status.round, rounds: debate.info.rounds,
            peers: debate.info.agents.map(\.id.rawValue), started: started.timeIntervalSince1970,
            finish: status.finish.map { "\($0)" })
    }
}

/// One debate as `GET /debates` lists it.
struct DebateListing: Codable, Sendable, Equatable {
    var id: String
    var title: String
    var state: String
    var round: Int
    var rounds: Int
    var peers: [String]
    /// Seconds since 1970.
    var started: Double
    /// How it ended, once it has.
    var finish: String?
}
