import Testing
@testable import ParleyModels

@Suite("Ping")
struct PingTests {
    private static let ollamaModels = #"{"object":"list","data":[{"id":"llama3.2:latest","object":"model","created":1731000000,"owned_by":"library"},{"id":"qwen3:4b","object":"model","created":1731000000,"owned_by":"library"}]}"#
    private static let llamaServerModels = #"{"object":"list","data":[{"id":"smollm2","aliases":["smollm2","tiny"],"object":"model","owned_by":"llamacpp"}]}"#

    @Test("an OpenAI-compatible server listing the model answers ok, with the round trip")
    func openAIOk() async throws {
        try await Harness.run(script: { _, _ in Wire.json(200, "OK", Self.ollamaModels) }) { harness in
            let result = await OpenAIBackend(config: harness.openAI(model: "llama3.2"), context: harness.context).ping()
            #expect(result.ok)
            #expect(result.line.hasPrefix("ok — llama3.2 @ 127.0.0.1:\(harness.server.port) answers in "))
            #expect(result.roundTrip != nil)
            let request = try #require(harness.server.requests.first)
            #expect(request.method == "GET")
            #expect(request.path == "/v1/models")
            #expect(request.header("authorization") == "Bearer \(Harness.key)")
        }
    }

    @Test("llama-server's alias counts; a model the server lacks is named with what it has")
    func openAIModels() async throws {
        try await Harness.run(script: { _, index in Wire.json(200, "OK", index == 0 ? Self.llamaServerModels : Self.ollamaModels) }) { harness in
            let alias = await OpenAIBackend(config: harness.openAI(model: "tiny"), context: harness.context).ping()
            #expect(alias.ok)
            let missing = await OpenAIBackend(config: harness.openAI(model: "mistral"), context: harness.context).ping()
            #expect(!missing.ok)
            #expect(missing.line == "model 'mistral' not found on \(harness.server.baseURL) — change `model` to one it serves (it lists: llama3.2:latest, qwen3:4b)")
        }
    }

    @Test("a server error gives the same clear text as a call")
    func openAIFailure() async throws {
        try await Harness.run(script: { _, _ in Wire.json(401, "Unauthorized", #"{"error":{"message":"bad key","type":"invalid_request_error"}}"#) }) { harness in
            let result = await OpenAIBackend(config: harness.openAI(), context: harness.context).ping()
            #expect(!result.ok)
            #expect(result.line.hasPrefix("HTTP 401 from \(harness.server.baseURL)/models: bad key — the API key comes from the environment variable PARLEY_TEST_KEY"))
        }
    }

    @Test("Anthropic: GET /models/{model} with the key")
    func anthropic() async throws {
        try await Harness.run(script: { request, _ in
            request.path.hasSuffix("claude-sonnet-4-5")
                ? Wire.json(200, "OK", #"{"type":"model","id":"claude-sonnet-4-5","display_name":"Claude Sonnet 4.5"}"#)
                : Wire.json(404, "Not Found", #"{"type":"error","error":{"type":"not_found_error","message":"model: claude-nope"}}"#)
        }) { harness in
            let found = await AnthropicBackend(config: harness.anthropic(), context: harness.context).ping()
            #expect(found.ok)
            #expect(harness.server.requests.first?.path == "/v1/models/claude-sonnet-4-5")
            #expect(harness.server.requests.first?.header("x-api-key") == Harness.key)
            #expect(harness.server.requests.first?.header("anthropic-version") == "2023-06-01")
            let missing = await AnthropicBackend(config: harness.anthropic(model: "claude-nope"), context: harness.context).ping()
            #expect(!missing.ok)
            #expect(missing.line.hasPrefix("model 'claude-nope' not found on \(harness.server.baseURL)"))
        }
    }

    @Test("the factory makes HTTP models with labels and context sizes, and leaves scripted alone")
    func factory() async {
        let openAI = makeHTTPModel(.openai(OpenAIConfig(model: "llama3.2", contextTokens: 8192)))
        #expect(openAI?.label == "llama3.2 @ 127.0.0.1:11434")
        #expect(openAI?.contextTokens == 8192)
        #expect(makeHTTPModel(.anthropic(AnthropicConfig(model: "claude-x")))?.label == "claude-x @ api.anthropic.com")
        #expect(makeHTTPModel(.scripted(ScriptedConfig())) == nil)
        #expect(await pingHTTPModel(.scripted(ScriptedConfig())) == nil)
        let missingKey = await pingHTTPModel(.anthropic(AnthropicConfig(model: "claude-x")), context: HTTPModelContext(environment: [:]))
        #expect(missingKey?.ok == false)
        #expect(missingKey?.line.contains("ANTHROPIC_API_KEY is not set") == true)
    }

    @Test("shared clients are made once per connect timeout and shut down together")
    func sharedClient() async {
        let first = ModelHTTPClient.shared(connectTimeout: 7.25)
        #expect(first === ModelHTTPClient.shared(connectTimeout: 7.25))
        await ModelHTTPClient.shutdown()
        await ModelHTTPClient.shutdown()
        #expect(first !== ModelHTTPClient.shared(connectTimeout: 7.25))
        await ModelHTTPClient.shutdown()
    }
}
