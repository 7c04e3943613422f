import ArgumentParser
import Foundation
import ParleyTelemetry
import TerminalKit

/// `--otlp URL` and `--otlp-content`: each debate exported as an OpenTelemetry trace (`parley
/// run`, `parley fork`, `parley serve`). Without `--otlp`, `OTEL_EXPORTER_OTLP_ENDPOINT` (or
/// `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) names the receiver.
struct TraceOptions: ParsableArguments {
    @Option(name: .customLong("otlp"), help: ArgumentHelp(
        "Send each debate as an OpenTelemetry trace to this OTLP/HTTP receiver, like http://localhost:6006 (Phoenix) or http://localhost:4318 (default: $OTEL_EXPORTER_OTLP_ENDPOINT).",
        valueName: "url"))
    var url: String?

    @Flag(name: .customLong("otlp-content"), help: "Put the messages themselves (prompts and answers) into the trace.")
    var content = false

    /// The receiver: `--otlp`, else the environment's; nil for none.
    func endpoint() throws(TraceEndpointError) -> TraceEndpoint? {
        try TraceEndpoint.choose(flag: url, environment: ProcessInfo.processInfo.environment)
    }

    func validate() throws {
        do {
            let endpoint = try endpoint()
            if content && endpoint == nil {
                throw ValidationError("--otlp-content puts messages into traces, but no receiver is set: add --otlp URL")
            }
        } catch let error as TraceEndpointError {
            throw ValidationError(error.description)
        }
    }

    /// Starts the exporter when a receiver is set. The first failure to send is said on stderr
    /// at once when `quiet` is false; otherwise (the observer owns the screen) ``Traces/finish()``
    /// says it after.
    /// - Throws: ``ExitCode/badDebate`` after saying why, when the exporter cannot be set up.
    func start(quiet: Bool) throws -> Traces? {
        guard let endpoint = try endpoint() else { return nil }
        do {
            let export = try TraceExport(endpoint: endpoint, content: content) { problem in
                if !quiet { Console.error(Traces.say(problem, endpoint: endpoint)) }
            }
            return Traces(export: export, quiet: quiet)
        } catch {
            Console.error("parley: \(error)")
            throw ExitCode.badDebate
        }
    }
}

/// A running trace exporter and how its trouble is told.
struct Traces: Sendable {
    let export: TraceExport
    /// Whether trouble waits for ``finish()`` (the observer owns the screen).
    let quiet: Bool

    /// Sends what waits and stops; says the first failure now if it was not said yet.
    func finish() async {
        await export.flush()
        if quiet, let problem = export.problem { Console.error(Self.say(problem, endpoint: export.endpoint)) }
    }

    /// The line that says so; what the receiver or the library said is cleaned of control characters.
    static func say(_ problem: String, endpoint: TraceEndpoint) -> String {
        Sanitizer.clean("parley: traces could not be sent to \(endpoint.tracesURL): \(problem); is an OpenTelemetry receiver running there?")
    }
}
