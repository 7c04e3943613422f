import Logging
import Synchronization

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}

/// What went wrong sending spans, caught from the exporter's diagnostic log: the first warning
/// or error is kept (and handed to `noticed` once); the rest are dropped. Nothing reaches the
/// terminal from here, so the observer's screen stays whole.
final class ExportTrouble: Sendable {
    private let first = Mutex<String?>(nil)
    private let noticed: @Sendable (String) -> Void
    /// How long the exporter waits for an answer, to say so when it gave up.
    private let patience: Duration

    init(patience: Duration, noticed: @escaping @Sendable (String) -> Void) {
        self.patience = patience
        self.noticed = noticed
    }

    /// The first problem, if any.
    var problem: String? { first.withLock { $0 } }

    /// Keeps `problem` if it is the first.
    func note(_ problem: String) {
        let isFirst = first.withLock { kept in
            guard kept == nil else { return false }
            kept = problem
            return true
        }
        if isFirst { noticed(problem) }
    }

    /// What a warning of the exporter's means: a timeout is a receiver that did not answer (not
    /// there, or too slow); anything else is said as swift-otel says it.
    func say(_ event: LogEvent) -> String {
        let cause = event.error.map { "\($0)" } ?? event.metadata?["error"].map { "\($0)" }
        if let cause, cause.contains("TimeoutError") || cause.contains("deadlineExceeded") {
            return "no answer within \(patience.components.seconds) s"
        }
        return [event.message.description.trimmingSuffix("."), cause].compactMap { $0 }.joined(separator: ": ")
    }

    /// A logger whose warnings and errors come here.
    var logger: Logger {
        Logger(label: "parley.otlp") { _ in Handler(trouble: self) }
    }

    private struct Handler: LogHandler {
        let trouble: ExportTrouble
        var logLevel: Logger.Level = .warning
        var metadata: Logger.Metadata = [:]
        var metadataProvider: Logger.MetadataProvider?

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            guard event.level >= .warning else { return }
            trouble.note(trouble.say(event))
        }
    }
}
