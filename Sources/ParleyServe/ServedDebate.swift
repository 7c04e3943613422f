import Foundation
import ParleyCore
import ParleyEngine
import Synchronization

/// One debate the server serves: every event it emitted (``EventHistory``), where it stands
/// (``DebateStatus``) and its recording in the data folder — and, while this server runs it, the
/// live ``Debate`` that takes commands. A debate recorded by an earlier run of the server is
/// served from its recording alone (``recorded(path:)``) and takes no commands.
final class ServedDebate: Sendable {
    /// Its id in URLs: `/debates/{id}`, the name of its recording without `.jsonl`.
    let id: String
    /// What the debate is.
    let info: DebateInfo
    /// The debate running, when this server runs it.
    let debate: Debate?
    /// Every event so far.
    let history = EventHistory()
    /// When it started.
    let started: Date
    /// Its recording (`{data}/{id}.jsonl`); nil for a debate `parley run --serve` runs without
    /// `--record`.
    let recordingPath: String?
    /// Whether it lingers after its rounds (the observer's debate does), so that `add-round`
    /// still holds one more.
    let lingers: Bool
    /// The writer recording it, while this server runs it.
    private let recording: EventLogWriter?
    private let status = StatusBox()

    /// Where the debate stands, behind a lock: the bus's sink writes it, requests read it.
    final class StatusBox: Sendable {
        private let status = Mutex(DebateStatus())
        func apply(_ event: DebateEvent) { status.withLock { $0.apply(event) } }
        func interrupt() { status.withLock { $0.interrupt() } }
        var current: DebateStatus { status.withLock { $0 } }
    }

    /// Starts recording and following `debate`; it does not run yet (``run()``).
    init(id: String, debate: Debate, recording: EventLogWriter, started: Date = .now) {
        self.id = id
        self.debate = debate
        info = debate.info
        self.recording = recording
        recordingPath = recording.path
        self.started = started
        lingers = false
        debate.record(to: recording)
        follow(debate)
    }

    /// Follows `debate`, which runs elsewhere (`parley run --serve`: the observer or headless
    /// printer runs it) and is recorded there, when it is, to `recordingPath`. Make it before the
    /// debate runs, to keep every event.
    init(id: String, following debate: Debate, recordingPath: String?, lingers: Bool, started: Date = .now) {
        self.id = id
        self.debate = debate
        info = debate.info
        recording = nil
        self.recordingPath = recordingPath
        self.lingers = lingers
        self.started = started
        follow(debate)
    }

    /// Keeps every event of `debate` and where it stands.
    private func follow(_ debate: Debate) {
        let (history, status) = (history, status)
        debate.bus.addSink { record in
            status.apply(record.event)
            history.append(record)
        }
    }

    private init(id: String, info: DebateInfo, records: [EventRecord], path: String, started: Date) {
        self.id = id
        self.info = info
        debate = nil
        recording = nil
        recordingPath = path
        lingers = false
        self.started = started
        for record in records {
            status.apply(record.event)
            history.append(record)
        }
        if status.current.finish == nil {
            status.interrupt()
            history.end()
        }
    }

    /// The debate recorded at `path` by an earlier run of the server, served from its recording.
    /// - Throws: `EventLogError` when it is no event log, ``ServeError`` when it does not start
    ///   with its debate.
    static func recorded(path: String) throws -> ServedDebate {
        let contents = try EventLogReader.read(path: path)
        guard case .debateStarted(let info) = contents.records.first?.event else {
            throw ServeError("\(path):2: the recording does not start with its debate")
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let started = attributes?[.creationDate] as? Date ?? attributes?[.modificationDate] as? Date ?? .distantPast
        let id = String((path as NSString).lastPathComponent.dropLast(".jsonl".count))
        return ServedDebate(id: id, info: info, records: contents.records, path: path, started: started)
    }

    /// Runs the debate to its end and closes its recording.
    func run() async {
        await debate?.run()
        recording?.close()
    }

    /// Where it stands now.
    var current: DebateStatus { status.current }

    /// Sends `command` unless the debate's state refuses it.
    /// - Returns: why it was refused, or nil when it was sent.
    func send(_ command: DebateCommand) -> String? {
        if let refusal = status.current.refusal(of: command, lingers: lingers) { return refusal }
        guard let debate else { return "this debate ran before the server restarted; it takes no commands" }
        debate.send(command)
        return nil
    }

    /// Stops it, when it runs.
    func stop() { debate?.send(.stop) }

    /// What `GET /debates` shows of it.
    var summary: DebateListing {
        let status = current
        return DebateListing(
            id: id, title: info.title, state: status.state, round: status.round, rounds: info.rounds,
            peers: info.agents.map(\.id.rawValue), started: started.timeIntervalSince1970,
            finish: status.finish.map { "\($0)" })
    }
}
