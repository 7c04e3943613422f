import Testing
@testable import ParleyBench
@testable import ParleyModels

@Suite("What servers say, as shown")
struct ServerTextTests {
    @Test("model ids a server lists are cleaned of control characters and capped")
    func listedIds() async throws {
        let long = String(repeating: "m", count: 500)
        let models = #"{"object":"list","data":[{"id":"evil\u001b[2J\u001b]0;owned\u0007"},{"id":"\#(long)"}]}"#
        try await Harness.run(script: { _, _ in Wire.json(200, "OK", models) }) { harness in
            let result = await OpenAIBackend(config: harness.openAI(model: "mistral"), context: harness.context).ping()
            #expect(!result.ok)
            #expect(!result.line.unicodeScalars.contains { $0.properties.generalCategory == .control })
            #expect(result.line.contains("it lists: evil [2J ]0;owned, "))
            #expect(!result.line.contains(String(repeating: "m", count: ModelList.longestIdShown + 1)))
            #expect(result.line.count < 400)
        }
    }

    @Test("a malformed chunk size is quoted cleaned and capped, with the URL")
    func malformedChunk() async throws {
        let sizeLine = Array("zz\u{1B}[31m".utf8) + Array(repeating: UInt8(ascii: "q"), count: 100) + [13, 10]
        try await Harness.run(script: { _, _ in [.write(Wire.head(200, "OK", Wire.streamHeaders) + sizeLine), .hang] }) { harness in
            let error = await modelError {
                _ = try await FirstTokenProbe.measure(harness.openAI(idleTimeout: 60), prompt: "hi", runs: 1, context: harness.context)
            }
            let message = try #require(error?.message)
            #expect(message.hasPrefix("malformed chunk size 'zz [31mqqq"))
            #expect(message.contains("in the body from \(harness.server.baseURL)/chat/completions"))
            #expect(!message.contains("\u{1B}"))
            #expect(!message.contains(String(repeating: "q", count: 41)))
        }
    }

    @Test("chunk sizes that are not hexadecimal numbers, or are endless, are errors", arguments: ["-5", "+5", "", "5x", "ffffffffffffffffff"])
    func badSizes(size: String) {
        var body = ChunkedBody()
        #expect(throws: ChunkedBody.MalformedSize.self) { try body.feed(Array("\(size)\r\n".utf8)) }
    }

    @Test("a chunk-size line with no end is an error, not a growing buffer")
    func endlessSizeLine() {
        var body = ChunkedBody()
        #expect(throws: ChunkedBody.MalformedSize.self) { try body.feed([UInt8](repeating: UInt8(ascii: "1"), count: 10_000)) }
    }

    @Test("a ping that gets no whole answer in time names both timeouts")
    func pingDeadline() async throws {
        try await Harness.run(script: { _, _ in [.hang] }) { harness in
            var config = harness.openAI(idleTimeout: 0.25)
            config.http.connectTimeout = 0.25
            let result = await OpenAIBackend(config: config, context: harness.context).ping()
            #expect(result.line == "no whole answer from \(harness.server.baseURL)/models within 500 ms (connect_timeout + idle_timeout) — the server may be overloaded or stuck; raise `idle_timeout` for slow servers")
        }
    }

    @Test("a model list larger than Parley reads says so")
    func pingTooLarge() async throws {
        let head = Wire.head(200, "OK", [("Content-Type", "application/json"), ("Content-Length", "\(5 * 1024 * 1024)")])
        try await Harness.run(script: { _, _ in [.write(head), .hang] }) { harness in
            let result = await OpenAIBackend(config: harness.openAI(), context: harness.context).ping()
            #expect(result.line.hasPrefix("the answer from \(harness.server.baseURL)/models is larger than 4 MB"))
        }
    }

    @Test("a key variable that is set but empty is called empty, not unset")
    func emptyKey() async throws {
        try await Harness.run(environment: ["PARLEY_TEST_KEY": " \n"], script: { _, _ in [] }) { harness in
            let error = await modelError {
                try await OpenAIBackend(config: harness.openAI(), context: harness.context).reply(to: sampleRequest, onChunk: { _ in })
            }
            #expect(error?.kind == .configuration)
            #expect(error?.message.hasPrefix("the environment variable PARLEY_TEST_KEY is set but empty, and the openai backend reads its API key from it") == true)
            #expect(harness.server.requests.isEmpty)
        }
    }

    @Test("an unreadable stream names the dialect's API")
    func dialectNames() throws {
        let address = try ServerAddress("https://api.anthropic.com/v1")
        let server = ModelServer(dialect: .anthropic, address: address, model: "claude-x", keyVariable: nil, key: nil, apiVersion: nil, extraHeaders: [:])
        #expect(server.unreadableStream(url: "u", detail: "x").message == "could not read the stream from u: x — is `base_url` an Anthropic Messages API?")
        #expect(ModelServer.Dialect.anthropic.rawValue == "anthropic")
        #expect(ModelServer.Dialect.openAI.rawValue == "openai")
    }
}
