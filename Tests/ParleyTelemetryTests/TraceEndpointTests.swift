import Testing
@testable import ParleyTelemetry

@Suite("Where traces go")
struct TraceEndpointTests {
    @Test("a receiver's address gets /v1/traces, unless it ends so already")
    func tracesPath() throws {
        #expect(try TraceEndpoint("http://localhost:6006").tracesURL == "http://localhost:6006/v1/traces")
        #expect(try TraceEndpoint("http://localhost:4318/").tracesURL == "http://localhost:4318/v1/traces")
        #expect(try TraceEndpoint("https://otel.example.com/v1/traces").tracesURL == "https://otel.example.com/v1/traces")
        #expect(try TraceEndpoint("http://collector:4318/otlp").tracesURL == "http://collector:4318/otlp/v1/traces")
    }

    @Test("an address that is no http(s) URL with a host is refused, naming where it came from")
    func refused() {
        for text in ["localhost:4318", "ftp://collector", "http://", "http://host/?q=1", ""] {
            #expect(throws: TraceEndpointError(text: text, origin: "--otlp")) { try TraceEndpoint(text) }
        }
        #expect("\(TraceEndpointError(text: "x", origin: "OTEL_EXPORTER_OTLP_ENDPOINT"))".hasPrefix("OTEL_EXPORTER_OTLP_ENDPOINT takes the http(s) URL"))
    }

    @Test("--otlp comes first, then the traces variable as it is, then the general one; none is none")
    func choice() throws {
        let both = ["OTEL_EXPORTER_OTLP_ENDPOINT": "http://base:4318", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://traces:4318/in"]
        #expect(try TraceEndpoint.choose(flag: "http://flag:6006", environment: both)?.tracesURL == "http://flag:6006/v1/traces")
        #expect(try TraceEndpoint.choose(flag: nil, environment: both)?.tracesURL == "http://traces:4318/in")
        #expect(try TraceEndpoint.choose(flag: nil, environment: ["OTEL_EXPORTER_OTLP_ENDPOINT": "http://base:4318"])?.tracesURL == "http://base:4318/v1/traces")
        #expect(try TraceEndpoint.choose(flag: nil, environment: ["OTEL_EXPORTER_OTLP_ENDPOINT": ""]) == nil)
        #expect(try TraceEndpoint.choose(flag: nil, environment: [:]) == nil)
        #expect(throws: TraceEndpointError(text: "nope", origin: "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")) {
            try TraceEndpoint.choose(flag: nil, environment: ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "nope"])
        }
    }
}
