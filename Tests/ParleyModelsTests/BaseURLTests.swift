import Foundation
import ParleyCore
import Testing
@testable import ParleyBench
@testable import ParleyModels

@Suite("Base URLs and key variables against a loopback server")
struct BaseURLTests {
    /// The harness's OpenAI-compatible config, with `tail` after its base URL.
    static func openAI(_ harness: Harness, tail: String) -> OpenAIConfig {
        var config = harness.openAI()
        config.baseURL = harness.server.baseURL + tail
        return config
    }

    @Test("a query on base_url is kept after the endpoint's path, not glued before it")
    func queryAfterThePath() async throws {
        let capture = Captures.bytes("llamacpp.sse")
        try await Harness.run(script: { _, _ in Wire.streamed(capture) }) { harness in
            let config = Self.openAI(harness, tail: "/?api-version=2024-10-21")
            let chunks = ChunkLog()
            try await OpenAIBackend(config: config, context: harness.context).reply(to: sampleRequest, onChunk: chunks.record)
            #expect(harness.server.requests.map(\.path) == ["/v1/chat/completions?api-version=2024-10-21"])
        }
    }

    @Test("the first-token probe's direct request keeps the base URL's query too")
    func probeKeepsQuery() async throws {
        let capture = Captures.bytes("openai.sse")
        try await Harness.run(script: { _, _ in Wire.streamed(capture) }) { harness in
            let config = Self.openAI(harness, tail: "?api-version=1")
            _ = try await FirstTokenProbe.measure(config, prompt: "Say hi.", runs: 1, context: harness.context)
            #expect(Set(harness.server.requests.map(\.path)) == ["/v1/chat/completions?api-version=1"], "both ways ask the same URL")
        }
    }

    @Test("an endpoint's path is escaped once: a model id with a space asks for models/my%20model")
    func escapedOnce() async throws {
        try await Harness.run(script: { _, _ in Wire.json(200, "OK", #"{"type":"model","id":"my model"}"#) }) { harness in
            _ = await AnthropicBackend(config: harness.anthropic(model: "my model"), context: harness.context).ping()
            #expect(harness.server.requests.map(\.path) == ["/v1/models/my%20model"])
        }
    }

    @Test("a key in base_url's query or fragment is refused before any request, and shown nowhere")
    func keyInQuery() async throws {
        try await Harness.run(script: { _, _ in [] }) { harness in
            for tail in ["?api_key=hunter2", "?key=hunter2", "?x=1&token=hunter2", "#hunter2"] {
                let config = Self.openAI(harness, tail: tail)
                let error = await modelError {
                    try await OpenAIBackend(config: config, context: harness.context).reply(to: sampleRequest, onChunk: { _ in })
                }
                #expect(error?.kind == .configuration, "\(tail)")
                #expect(error?.message.contains("carries a credential in the") == true, "\(tail)")
                #expect(error.map { "\($0.message) \($0.url ?? "")" }?.contains("hunter2") == false, "\(tail)")
            }
            #expect(harness.server.requests.isEmpty)
            #expect(!harness.log.contains("hunter2"))
            #expect(harness.log.contains("carries a credential"), "the refusal is logged, without the key")
            #expect(OpenAIBackend(config: Self.openAI(harness, tail: "?api_key=hunter2")).label == "smollm2 @ 127.0.0.1", "the pane's label (and the recording's) shows no key")
        }
    }

    @Test("a key pasted as api_key_env is refused before any request without being echoed")
    func keyAsVariable() async throws {
        let key = "AIzaSyD8f7gK2lQ9xZ0pLmNoPqRsTuVwXyZ1234"
        try await Harness.run(environment: [:], script: { _, _ in [] }) { harness in
            let error = await modelError {
                try await OpenAIBackend(config: harness.openAI(apiKeyEnv: key), context: harness.context)
                    .reply(to: sampleRequest, onChunk: { _ in })
            }
            #expect(error?.kind == .configuration)
            #expect(error?.message.contains("looks like an API key itself") == true)
            #expect(error?.message.contains(key) == false)
            #expect(harness.server.requests.isEmpty)
            #expect(!harness.log.contains(key))
            #expect(harness.log.contains("looks like an API key itself"))
        }
    }
}
