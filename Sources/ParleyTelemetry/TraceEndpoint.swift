import Foundation

/// Where a debate's spans go: an OpenTelemetry receiver's OTLP/HTTP address (Phoenix, Jaeger,
/// an OpenTelemetry collector), from `--otlp` or the standard environment variables.
public struct TraceEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// The address as given, e.g. `http://localhost:6006`.
    public let url: String
    /// Where spans are posted: the address with `/v1/traces` added, unless it is there already
    /// or the address came from `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` (used as it is).
    public let tracesURL: String

    /// The environment variable that names a receiver when `--otlp` is absent.
    public static let variable = "OTEL_EXPORTER_OTLP_ENDPOINT"
    /// The variable that names the traces endpoint itself, used as it is.
    public static let tracesVariable = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"

    /// Reads an address; `origin` names where it came from in the error (`--otlp`, or a variable).
    /// `exact` keeps the address as the traces endpoint without adding `/v1/traces`.
    /// - Throws: ``TraceEndpointError`` when it is not an `http` or `https` URL with a host.
    public init(_ text: String, origin: String = "--otlp", exact: Bool = false) throws(TraceEndpointError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let parts = URLComponents(string: trimmed), let scheme = parts.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = parts.host, !host.isEmpty,
            parts.query == nil, parts.fragment == nil
        else {
            throw TraceEndpointError(text: text, origin: origin)
        }
        url = trimmed
        if exact || parts.path.hasSuffix("/v1/traces") {
            tracesURL = trimmed
        } else {
            tracesURL = (trimmed.hasSuffix("/") ? String(trimmed.dropLast()) : trimmed) + "/v1/traces"
        }
    }

    /// The receiver to send to: `flag` (`--otlp`) when given, else `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`,
    /// else `OTEL_EXPORTER_OTLP_ENDPOINT`; nil when none is set (empty counts as unset).
    /// - Throws: ``TraceEndpointError`` naming the flag or variable whose address is no URL.
    public static func choose(flag: String?, environment: [String: String]) throws(TraceEndpointError) -> TraceEndpoint? {
        if let flag { return try TraceEndpoint(flag) }
        if let traces = environment[tracesVariable], !traces.isEmpty {
            return try TraceEndpoint(traces, origin: tracesVariable, exact: true)
        }
        if let base = environment[variable], !base.isEmpty { return try TraceEndpoint(base, origin: variable) }
        return nil
    }

    public var description: String { tracesURL }
}

/// An OTLP address that is no `http` or `https` URL.
public struct TraceEndpointError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What was given.
    public var text: String
    /// Where: `--otlp` or the environment variable's name.
    public var origin: String

    public var description: String {
        "\(origin) takes the http(s) URL of an OpenTelemetry receiver, like http://localhost:6006 (Phoenix) or "
            + "http://localhost:4318 (Jaeger, a collector), not '\(text)'"
    }
}
