import Foundation
import Logging
import OTel
import ParleyCore
import ParleyEngine
import ServiceLifecycle
import Tracing

/// Sends debates as OpenTelemetry traces to a receiver over OTLP/HTTP (swift-otel's exporter,
/// batching spans in the background). A receiver that is down or refuses them never holds a
/// debate up: spans that cannot be sent are dropped, and the first failure is handed to
/// `noticed` once (and kept in ``problem``).
///
/// ```swift
/// let export = try TraceExport(endpoint: TraceEndpoint("http://localhost:6006"))
/// export.follow(debate, conversation: "run-1")
/// await debate.run()
/// await export.flush()
/// ```
public final class TraceExport: Sendable {
    /// Where spans go.
    public let endpoint: TraceEndpoint
    /// Whether message contents go into the spans (`--otlp-content`).
    public let content: Bool
    private let follow: @Sendable (Debate, String) -> Void
    private let group: ServiceGroup
    private let running: Task<Void, Never>
    private let trouble: ExportTrouble

    /// Starts the exporter. It sends spans until ``flush(within:)``.
    /// - Throws: ``TraceExportError`` when swift-otel cannot be set up for the endpoint (say, an
    ///   `OTEL_EXPORTER_OTLP_PROTOCOL` of `grpc`, which Parley does not build).
    public init(endpoint: TraceEndpoint, content: Bool = false, noticed: @escaping @Sendable (String) -> Void = { _ in }) throws {
        self.endpoint = endpoint
        self.content = content
        let trouble = ExportTrouble(patience: Self.patience, noticed: noticed)
        self.trouble = trouble
        var configuration = OTel.Configuration.default
        configuration.serviceName = "parley"
        configuration.diagnosticLogger = .custom(trouble.logger)
        configuration.metrics.enabled = false
        configuration.logs.enabled = false
        configuration.traces.exporter = .otlp
        configuration.traces.otlpExporter.protocol = .httpProtobuf
        configuration.traces.otlpExporter.endpoint = endpoint.tracesURL
        configuration.traces.otlpExporter.timeout = Self.patience
        configuration.traces.batchSpanProcessor.scheduleDelay = .seconds(1)
        configuration.traces.batchSpanProcessor.exportTimeout = Self.patience
        // swift-otel lets the standard variables override the configuration; the traces
        // endpoint is used as it is, so setting it keeps `--otlp` above OTEL_EXPORTER_OTLP_ENDPOINT.
        setenv(TraceEndpoint.tracesVariable, endpoint.tracesURL, 1)
        let backend: (factory: any Tracer, service: any Service)
        do {
            let made = try OTel.makeTracingBackend(configuration: configuration)
            backend = (made.factory, made.service)
            let tracer = made.factory
            follow = { debate, conversation in
                let spans = DebateSpans(tracer: tracer, conversation: conversation, content: content)
                debate.bus.addSink { spans.take($0) }
            }
        } catch {
            throw TraceExportError(endpoint: endpoint, reason: "\(error)")
        }
        let quiet = Logger(label: "parley.otlp") { _ in SwiftLogNoOpLogHandler() }
        let group = ServiceGroup(configuration: .init(services: [backend.service], logger: quiet))
        self.group = group
        running = Task {
            do { try await group.run() } catch { trouble.note("the exporter stopped: \(error)") }
        }
    }

    /// How long one batch of spans may take to be sent (a receiver that is down costs this much
    /// at the end, at most).
    public static let patience: Duration = .seconds(3)

    /// Traces `debate`: every later event goes into its spans. Call before running it.
    /// `conversation` is the trace's `gen_ai.conversation.id` (a recording's or served debate's id).
    public func follow(_ debate: Debate, conversation: String) {
        follow(debate, conversation)
    }

    /// The first failure to send spans, if any: what the receiver or the connection said.
    public var problem: String? { trouble.problem }

    /// Sends the spans still waiting and stops the exporter; returns after `limit` at most even
    /// when the receiver does not answer (the spans still waiting are then lost, and ``problem``
    /// says so), after a second when sending failed before. Call once, before the program exits.
    public func flush(within limit: Duration = patience + .seconds(1)) async {
        let limit = problem == nil ? limit : min(limit, .seconds(1))
        await group.triggerGracefulShutdown()
        let running = self.running
        let finished = await withTaskGroup(of: Bool.self) { race in
            race.addTask {
                await running.value
                return true
            }
            race.addTask {
                try? await Task.sleep(for: limit)
                return false
            }
            let first = await race.next() ?? false
            race.cancelAll()
            return first
        }
        if !finished {
            running.cancel()
            trouble.note("the receiver did not take the last spans within \(limit)")
        }
    }
}

/// The exporter could not be set up.
public struct TraceExportError: Error, CustomStringConvertible, Sendable {
    /// Where spans were to go.
    public var endpoint: TraceEndpoint
    /// What swift-otel said.
    public var reason: String

    public var description: String {
        "cannot send traces to \(endpoint.tracesURL): \(reason); check the OTEL_EXPORTER_OTLP_* variables (only OTLP over HTTP is built)"
    }
}
