import ArgumentParser
import ParleyCore
import ParleyEngine
import ParleyModels
import TerminalKit

/// A live debate (`parley run`, `parley fork`) built, recorded, shown and ended alike.
enum LiveDebate {
    /// Builds a debate with `make`, records it to `recordPath` when given, shows it on
    /// `frontend` until it ends or the person quits, and exits as it ended.
    /// - Throws: the ``ExitCode`` that says how the debate ended (``ExitCode/badDebate`` after
    ///   saying why, when it cannot be built).
    static func run(
        frontend: Frontend, recordPath: String?, logPath: String?, instant: Bool,
        make: (ModelProvider, FailurePolicy) throws -> Debate
    ) async throws -> Never {
        let logger = try Diagnostics.bootstrap(logPath)
        let debate: Debate
        do {
            debate = try make(.standard(logger: logger, scriptedPace: instant ? 0 : nil), frontend.isInteractive ? .hold : .stop)
        } catch {
            Console.error("parley: \(error)")
            throw ExitCode.badDebate
        }
        let recording = try Recording.start(recordPath, for: debate)
        defer { recording?.close() }
        recording?.guardWrites(of: debate, pausing: frontend.isInteractive)
        let reason = try await frontend.show(debate)
        await ModelHTTPClient.shutdown()
        if case .failed(let error) = reason { Console.error("parley: \(Sanitizer.clean(error))") }
        try recording?.checkWritten()
        throw ExitCode(reason)
    }
}
