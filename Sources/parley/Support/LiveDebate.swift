import ArgumentParser
import Foundation
import ParleyCore
import ParleyEngine
import ParleyModels
import ParleyServe
import Synchronization
import TerminalKit

/// A live debate (`parley run`, `parley fork`) built, recorded, shown and ended alike; `f` in
/// the observer leaves it for a fork of it, shown next.
enum LiveDebate {
    /// Runs a debate of `spec` — from its start, or from `point`'s state when given — records it
    /// where `live` says (as it says how it starts), shows it on `frontend` until it ends or the person quits, and
    /// exits as it ended. When the person forks it (`f`), the fork runs next, recorded (when this
    /// one was) to a file beside this one's (`run-fork-12.jsonl`). With `--otlp`, each debate is
    /// a trace, sent before the program exits.
    /// With `serving`, it is served over HTTP as well (`parley run --serve`), and so is each fork
    /// of it; the server listens before the debate starts and stops when it ends.
    /// - Throws: the ``ExitCode`` that says how the debate ended (``ExitCode/badDebate`` after
    ///   saying why, when it cannot be built or served; errors of a fork name `file`).
    static func run(
        spec: DebateSpec, from point: ForkPoint? = nil, file: String? = nil, frontend: Frontend, live: LiveOptions,
        serving: ServeSettings? = nil
    ) async throws -> Never {
        let logger = try Diagnostics.bootstrap(live.logPath)
        let models = ModelProvider.standard(logger: logger, scriptedPace: live.instant ? 0 : nil)
        let traces = try live.traces.start(quiet: frontend.isInteractive)
        var server: ListeningServer?
        do {
            if let serving { server = try await LocalServer.start(serving, models: models, logger: logger) }
            try await show(spec, from: point, file: file, frontend: frontend, live: live, models: models, traces: traces, server: server)
        } catch {
            // However it ended, the server stops and the traces go before the program exits.
            await server?.stop()
            await traces?.finish()
            throw error
        }
    }

    /// ``run(spec:from:file:frontend:live:serving:)`` once its models, traces and server are set up.
    private static func show(
        _ spec: DebateSpec, from point: ForkPoint?, file: String?, frontend: Frontend, live: LiveOptions, models: ModelProvider,
        traces: Traces?, server: ListeningServer?
    ) async throws -> Never {
        var (point, frontend, recordPath) = (point, frontend, live.recordPath)
        while true {
            let debate = try make(
                spec, from: point, file: file, models: models, policy: frontend.isInteractive ? .hold : .stop,
                lingers: frontend.isInteractive)
            let history = frontend.isInteractive ? KeptHistory(of: debate) : nil
            let recording = try Recording.start(recordPath, for: debate)
            defer { recording?.close() }
            if let served = server?.serve(debate, recordingPath: recordPath, lingers: frontend.isInteractive) {
                frontend = frontend.served(at: served)
            }
            recording?.guardWrites(of: debate, pausing: frontend.isInteractive)
            traces?.export.follow(debate, conversation: conversation(recordedTo: recordPath))
            let (reason, fork) = try await frontend.show(debate) { [server] in
                await server?.stop()
                await traces?.finish()
            }
            if let fork, let history {
                try recording?.checkWritten()
                do {
                    point = try ForkPoint(records: history.records, at: fork, parent: recordPath)
                } catch {
                    Console.error("parley: cannot fork at \(fork): \(error)")
                    throw ExitCode.badDebate
                }
                recordPath = recordPath.map { forkPath($0, at: fork) }
                frontend = frontend.recording(to: recordPath)
                continue
            }
            await ModelHTTPClient.shutdown()
            if case .failed(let error) = reason { Console.error("parley: \(Sanitizer.clean(error))") }
            try recording?.checkWritten()
            throw ExitCode(reason)
        }
    }

    /// The debate to run.
    /// - Throws: ``ExitCode/badDebate`` after saying why, when it cannot be built.
    private static func make(
        _ spec: DebateSpec, from point: ForkPoint?, file: String?, models: ModelProvider, policy: FailurePolicy, lingers: Bool
    ) throws -> Debate {
        do {
            guard let point else { return try Debate(spec: spec, models: models, policy: policy, lingers: lingers) }
            return try Debate(forking: point, spec: spec, models: models, policy: policy, lingers: lingers)
        } catch let error as ForkError {
            Console.error("parley: \(file.map { "\($0): " } ?? "")\(error)")
            throw ExitCode.badDebate
        } catch {
            Console.error("parley: \(error)")
            throw ExitCode.badDebate
        }
    }

    /// A debate's `gen_ai.conversation.id`: its recording's name (`run` for `run.jsonl`), or a
    /// new UUID when it is not recorded.
    static func conversation(recordedTo path: String?) -> String {
        guard let path else { return UUID().uuidString.lowercased() }
        let name = (path as NSString).lastPathComponent
        return name.hasSuffix(".jsonl") ? String(name.dropLast(6)) : name
    }

    /// Where a fork of the debate recorded at `path` is recorded: `run.jsonl` → `run-fork-12.jsonl`.
    static func forkPath(_ path: String, at turn: MessageID) -> String {
        let stem = path.hasSuffix(".jsonl") ? String(path.dropLast(6)) : path
        return "\(stem)-fork-\(turn.rawValue).jsonl"
    }

    /// The events of a debate so far (without streamed deltas), for a fork of it.
    final class KeptHistory: Sendable {
        private let kept = Mutex<[EventRecord]>([])

        init(of debate: Debate) {
            debate.bus.addSink { [self] record in
                if !record.event.isDelta { self.kept.withLock { $0.append(record) } }
            }
        }

        var records: [EventRecord] { kept.withLock { $0 } }
    }
}
