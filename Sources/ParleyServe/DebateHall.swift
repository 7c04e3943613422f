import Foundation
import ParleyCore
import ParleyDebateFile
import ParleyEngine
import ParleyModels
import Synchronization

/// The debates a server runs: each started from a debate file, recorded into the data folder,
/// found by its id.
final class DebateHall: Sendable {
    /// Where recordings go.
    let dataDirectory: String
    let models: ModelProvider
    /// Told of every debate started, with its id, before it runs (`--otlp` traces it).
    let starting: @Sendable (Debate, String) -> Void
    private let debates = Mutex<[String: ServedDebate]>([:])
    /// The order debates started in, for listing.
    private let order = Mutex<[String]>([])
    /// The tasks running them, ended by ``close()``; nil once closing, when no debate starts.
    private let running = Mutex<[(debate: ServedDebate, task: Task<Void, Never>)]?>([])

    init(dataDirectory: String, models: ModelProvider, starting: @escaping @Sendable (Debate, String) -> Void = { _, _ in }) {
        self.dataDirectory = dataDirectory
        self.models = models
        self.starting = starting
    }

    /// Why a debate cannot start: its file's problems (400), or the server's own trouble (500).
    enum StartFailure: Error {
        case badFile([DebateFileError.Problem])
        case server(String)
        /// The server is stopping (503).
        case closing
    }

    /// Reads `yaml`, starts its debate headless and recorded, and returns it.
    /// - Parameter name: how problems name the file (`feature-x.yaml`).
    /// - Throws: ``StartFailure``.
    func start(yaml: String, name: String) throws(StartFailure) -> ServedDebate {
        let spec: DebateSpec
        do {
            spec = try DebateFile.parse(yaml, path: name)
        } catch let error as DebateFileError {
            throw .badFile(error.problems)
        } catch {
            throw .badFile([DebateFileError.Problem(file: name, line: 0, column: 0, keyPath: "", message: "\(error)")])
        }
        let refused = Self.serverVariables(in: spec)
        if !refused.isEmpty { throw .badFile(refused.map { Self.serverVariableProblem($0, file: name) }) }
        let debate: Debate
        do {
            // A failed turn waits for `retry` or `skip` (or `stop`), as in the observer.
            debate = try Debate(spec: spec, models: models, policy: .hold)
        } catch {
            throw .badFile([DebateFileError.Problem(file: name, line: 0, column: 0, keyPath: "", message: "\(error)")])
        }
        return try launch(debate)
    }

    /// Records `debate` in the data folder, runs it, and serves it.
    /// - Throws: ``StartFailure/server(_:)`` when it cannot be recorded, ``StartFailure/closing``
    ///   when the hall is closing.
    func launch(_ debate: Debate) throws(StartFailure) -> ServedDebate {
        let id = newID()
        let recording: EventLogWriter
        do {
            try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
            recording = try EventLogWriter(path: "\(dataDirectory)/\(id).jsonl")
        } catch {
            throw .server("cannot record the debate in \(dataDirectory): \(error)")
        }
        let served = ServedDebate(id: id, debate: debate, recording: recording)
        let started = running.withLock { running -> Bool in
            guard running != nil else { return false }
            starting(debate, id)
            running?.append((served, Task { await served.run() }))
            return true
        }
        guard started else {
            recording.close()
            try? FileManager.default.removeItem(atPath: recording.path)
            throw .closing
        }
        add(served)
        return served
    }

    /// Serves `debate`, which runs elsewhere (`parley run --serve`), recorded there to
    /// `recordingPath` when it is. Call it before the debate runs.
    func adopt(_ debate: Debate, recordingPath: String?, lingers: Bool) -> ServedDebate {
        let served = ServedDebate(id: newID(), following: debate, recordingPath: recordingPath, lingers: lingers)
        add(served)
        return served
    }

    private func add(_ debate: ServedDebate) {
        debates.withLock { $0[debate.id] = debate }
        order.withLock { $0.append(debate.id) }
    }

    /// Adds the debates recorded in the data folder (by an earlier run of the server), oldest
    /// first. - Returns: the recordings that could not be read, and why.
    func loadRecorded() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dataDirectory)) ?? []
        var problems: [String] = []
        var found: [ServedDebate] = []
        for name in names where name.hasSuffix(".jsonl") {
            do {
                found.append(try ServedDebate.recorded(path: "\(dataDirectory)/\(name)"))
            } catch {
                problems.append("not served: \(error)")
            }
        }
        for debate in found.sorted(by: { ($0.started, $0.id) < ($1.started, $1.id) }) { add(debate) }
        return problems
    }

    /// The debate with this id, if the server runs (or ran) it.
    func debate(_ id: String) -> ServedDebate? { debates.withLock { $0[id] } }

    /// Every debate, in the order they started.
    var all: [ServedDebate] {
        let ids = order.withLock { $0 }
        return debates.withLock { debates in ids.compactMap { debates[$0] } }
    }

    /// Stops every debate and waits until each has ended and closed its recording; no debate
    /// starts after.
    func close() async {
        let running = running.withLock { running in
            defer { running = nil }
            return running ?? []
        }
        for (debate, _) in running { debate.stop() }
        for (_, task) in running { await task.value }
    }

    private func newID() -> String {
        while true {
            let id = String(UUID().uuidString.lowercased().prefix(8))
            if debates.withLock({ $0[id] }) == nil { return id }
        }
    }

    /// The server's own variables a posted debate may not read as an API key: with one, a debate
    /// pointed at any URL would send the server's token there.
    static let ownVariables: Set<String> = ["PARLEY_TOKEN", "PARLEY_READ_TOKEN"]

    static func serverVariables(in spec: DebateSpec) -> [(backend: String, variable: String)] {
        spec.backends.sorted { $0.key < $1.key }.compactMap { name, config in
            let variable: String? =
                switch config {
                case .scripted: nil
                case .openai(let config): config.apiKeyVariable
                case .anthropic(let config): config.apiKeyVariable
                }
            guard let variable, ownVariables.contains(variable) else { return nil }
            return (name, variable)
        }
    }

    private static func serverVariableProblem(_ found: (backend: String, variable: String), file: String) -> DebateFileError.Problem {
        DebateFileError.Problem(
            file: file, line: 0, column: 0, keyPath: "backends.\(found.backend).api_key_env",
            message: "backends.\(found.backend).api_key_env: \(found.variable) is the server's own token, never sent to a model",
            suggestion: "name the variable that holds the model's API key")
    }
}
