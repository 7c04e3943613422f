import Testing
@testable import ParleyModels

@Suite("Timeouts")
struct TimeoutTests {
    @Test("any timeout converts: huge, infinite and NaN ones wait a day, tiny ones a millisecond")
    func clamping() {
        #expect(TimeoutSeconds.milliseconds(60) == 60_000)
        #expect(TimeoutSeconds.milliseconds(0.25) == 250)
        #expect(TimeoutSeconds.milliseconds(1e16) == 86_400_000)
        #expect(TimeoutSeconds.milliseconds(.infinity) == 86_400_000)
        #expect(TimeoutSeconds.milliseconds(.nan) == 86_400_000)
        #expect(TimeoutSeconds.milliseconds(0) == 1)
        #expect(TimeoutSeconds.milliseconds(-5) == 1)
        #expect(TimeoutSeconds.duration(1e300) == .seconds(86_400))
    }

    @Test("a call and a ping with huge timeouts work as with any others")
    func hugeTimeouts() async throws {
        let capture = Captures.bytes("llamacpp.sse")
        let models = #"{"object":"list","data":[{"id":"smollm2"}]}"#
        try await Harness.run(script: { request, _ in request.method == "GET" ? Wire.json(200, "OK", models) : Wire.streamed(capture) }) { harness in
            var config = harness.openAI(idleTimeout: 1e16)
            config.http.connectTimeout = 1e16
            let chunks = ChunkLog()
            try await OpenAIBackend(config: config, context: harness.context).reply(to: sampleRequest, onChunk: chunks.record)
            #expect(chunks.text.hasPrefix("Café"))
            let ping = await OpenAIBackend(config: config, context: harness.context).ping()
            #expect(ping.ok, "\(ping.line)")
        }
    }

    @Test("a client made with a huge connect timeout works")
    func hugeConnectTimeout() async throws {
        let client = ModelHTTPClient.make(connectTimeout: 1e16)
        try await client.shutdown()
        let other = ModelHTTPClient.make(connectTimeout: .infinity)
        try await other.shutdown()
    }
}
