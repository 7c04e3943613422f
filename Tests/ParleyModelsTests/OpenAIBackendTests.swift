import Foundation
import ParleyCore
import Testing
@testable import ParleyModels

@Suite("OpenAI backend against a loopback server")
struct OpenAIBackendTests {
    @Test("streams a llama.cpp capture and sends model, stream options, sampling, key and extra headers")
    func streamsAndSendsTheRightRequest() async throws {
        let capture = Captures.bytes("llamacpp.sse")
        try await Harness.run(script: { _, _ in Wire.streamed(capture) }) { harness in
            let config = harness.openAI(
                sampling: Sampling(temperature: 0.3, maxTokens: 50, seed: 11), price: Price(promptPerMillion: 2, completionPerMillion: 6),
                headers: ["X-Trace": "t-1", "X-Team-Token": "tok-secret-777"])
            let chunks = ChunkLog()
            try await OpenAIBackend(config: config, context: harness.context).reply(to: sampleRequest, onChunk: chunks.record)

            #expect(chunks.text == "Café is a Japanese word that means \"coffee\"")
            #expect(chunks.usage == Usage(promptTokens: 34, completionTokens: 14, cost: (34.0 * 2 + 14.0 * 6) / 1_000_000))
            #expect(chunks.retries.isEmpty)

            let request = try #require(harness.server.requests.first)
            #expect(request.method == "POST")
            #expect(request.path == "/v1/chat/completions")
            #expect(request.header("authorization") == "Bearer \(Harness.key)")
            #expect(request.header("accept") == "text/event-stream")
            #expect(request.header("content-type") == "application/json")
            #expect(request.header("x-trace") == "t-1")
            #expect(request.header("x-team-token") == "tok-secret-777")
            let body = request.json()
            #expect(body["model"] as? String == "smollm2")
            #expect(body["stream"] as? Bool == true)
            #expect((body["stream_options"] as? [String: Bool])?["include_usage"] == true)
            #expect(body["temperature"] as? Double == 0.3)
            #expect(body["max_tokens"] as? Int == 50)
            #expect(body["seed"] as? Int == 11)
            let messages = body["messages"] as? [[String: String]] ?? []
            #expect(messages == [
                ["role": "system", "content": "You are Dana, the CFO. Be brief."],
                ["role": "user", "content": "Sam (PM): should we raise prices 3 %?"],
            ])

            let log = harness.log
            #expect(log.contains("POST \(harness.server.baseURL)/chat/completions → 200"))
            #expect(log.contains("model=smollm2"))
            #expect(log.contains("first_token_ms="))
            #expect(log.contains("authorization=[redacted]"))
            #expect(log.contains("x-team-token=[redacted]"))
            #expect(log.contains("x-trace=t-1"))
            #expect(!log.contains(Harness.key))
            #expect(!log.contains("tok-secret-777"))
        }
    }

    @Test("replays each server's capture into its text", arguments: [
        ("openai.sse", "Margins first: a 3 % price rise costs us ☕ churn—not 日本 🙂."),
        ("ollama.sse", "Raise prices 3 % — über safe."),
        ("ollama-0.1.sse", "Hello! Do you have any questions?"),
        ("vllm.sse", "Ship the smaller plan 가요."),
    ])
    func replaysCaptures(capture: String, text: String) async throws {
        let bytes = Captures.bytes(capture)
        try await Harness.run(script: { _, _ in Wire.streamed(bytes, pieceSize: 29) }) { harness in
            let chunks = ChunkLog()
            try await OpenAIBackend(config: harness.openAI(), context: harness.context).reply(to: sampleRequest, onChunk: chunks.record)
            #expect(chunks.text == text)
        }
    }

    @Test("reads a close-delimited stream to its end, keeping reasoning apart from the text")
    func closeDelimited() async throws {
        let bytes = Captures.bytes("vllm.sse")
        try await Harness.run(script: { _, _ in Wire.closeDelimited(bytes) }) { harness in
            let chunks = ChunkLog()
            try await OpenAIBackend(config: harness.openAI(), context: harness.context).reply(to: sampleRequest, onChunk: chunks.record)
            #expect(chunks.reasoning == "Compare the two options.")
            #expect(chunks.text == "Ship the smaller plan 가요.")
            #expect(chunks.usage == Usage(promptTokens: 32, completionTokens: 20))
        }
    }

    @Test("a 429 with retry-after is reported as a retry before the wait, then the stream succeeds")
    func retriesAfter429() async throws {
        let capture = Captures.bytes("openai.sse")
        try await Harness.run(script: { _, index in
            index == 0
                ? Wire.json(429, "Too Many Requests", #"{"error":{"message":"Rate limit reached for requests","type":"requests","code":"rate_limit_exceeded"}}"#, headers: [("retry-after", "2")])
                : Wire.streamed(capture)
        }) { harness in
            let chunks = ChunkLog()
            try await OpenAIBackend(config: harness.openAI(), context: harness.context).reply(to: sampleRequest, onChunk: chunks.record)
            let retry = try #require(chunks.retries.first)
            #expect(chunks.retries.count == 1)
            #expect(retry.attempt == 2)
            #expect(retry.delay == 2)
            #expect(retry.reason.contains("HTTP 429 from \(harness.server.baseURL)/chat/completions: Rate limit reached for requests"))
            #expect(harness.sleeps.all == [.seconds(2)])
            if case .retrying = chunks.all.first {} else { Issue.record("the retry must come before any text") }
            #expect(chunks.text.hasPrefix("Margins first"))
            #expect(harness.server.requests.count == 2)
            #expect(harness.log.contains("try 1 of 4 failed, retrying"))
        }
    }

    @Test("server errors are retried with backoff a bounded number of times, then fail saying so")
    func boundedRetries() async throws {
        try await Harness.run(script: { _, _ in Wire.json(503, "Service Unavailable", #"{"error":{"message":"Server busy","type":"server_error"}}"#) }) { harness in
            let chunks = ChunkLog()
            let error = await modelError {
                try await OpenAIBackend(config: harness.openAI(maxAttempts: 3), context: harness.context).reply(to: sampleRequest, onChunk: chunks.record)
            }
            #expect(error?.kind == .http(status: 503))
            #expect(error?.message.contains("Server busy") == true)
            #expect(error?.message.hasSuffix("(gave up after 3 tries)") == true)
            #expect(chunks.retries.map(\.attempt) == [2, 3])
            #expect(harness.server.requests.count == 3)
            let waits = harness.sleeps.all
            #expect(waits.count == 2)
            #expect(waits[0] >= .milliseconds(375) && waits[0] <= .milliseconds(500))
            #expect(waits[1] >= .milliseconds(750) && waits[1] <= .milliseconds(1000))
        }
    }

    @Test("a 401 is not retried and names the key's environment variable, without the key")
    func unauthorized() async throws {
        let echo = #"{"error":{"message":"Incorrect API key provided: \#(Harness.key).","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"#
        try await Harness.run(script: { _, _ in Wire.json(401, "Unauthorized", echo) }) { harness in
            let chunks = ChunkLog()
            let error = await modelError {
                try await OpenAIBackend(config: harness.openAI(), context: harness.context).reply(to: sampleRequest, onChunk: chunks.record)
            }
            let failure = try #require(error)
            #expect(failure.kind == .http(status: 401))
            #expect(failure.url == "\(harness.server.baseURL)/chat/completions")
            #expect(failure.message.contains("HTTP 401 from \(harness.server.baseURL)/chat/completions: Incorrect API key provided: [redacted]."))
            #expect(failure.message.contains("PARLEY_TEST_KEY, which is set"))
            #expect(!failure.message.contains(Harness.key))
            #expect(!failure.retryable)
            #expect(chunks.retries.isEmpty)
            #expect(harness.server.requests.count == 1)
            #expect(harness.log.contains("→ 401 failed"))
            #expect(!harness.log.contains(Harness.key))
        }
    }

    @Test("a 404 for a model says which model, where, and to pull it")
    func modelNotFound() async throws {
        let body = #"{"error":{"message":"model \"llama3\" not found, try pulling it first","type":"api_error","param":null,"code":null}}"#
        try await Harness.run(script: { _, _ in Wire.json(404, "Not Found", body) }) { harness in
            let error = await modelError {
                try await OpenAIBackend(config: harness.openAI(model: "llama3", apiKeyEnv: nil), context: harness.context)
                    .reply(to: sampleRequest, onChunk: { _ in })
            }
            #expect(error?.message.hasPrefix("model 'llama3' not found on \(harness.server.baseURL) — pull it (ollama pull llama3) or change `model`") == true)
            #expect(error?.message.contains("try pulling it first") == true)
            #expect(harness.server.requests.count == 1)
        }
    }

    @Test("a stream that breaks after text fails without a retry, and says why")
    func dropAfterText() async throws {
        let capture = Captures.bytes("openai.sse")
        try await Harness.run(script: { _, _ in Wire.streamed(Array(capture.prefix(1800)), end: .close) }) { harness in
            let chunks = ChunkLog()
            let error = await modelError {
                try await OpenAIBackend(config: harness.openAI(), context: harness.context).reply(to: sampleRequest, onChunk: chunks.record)
            }
            #expect(error?.kind == .stream)
            #expect(error?.message.contains("the stream from \(harness.server.baseURL)/chat/completions broke off") == true)
            #expect(error?.message.contains("not retried, since part of the reply had already been delivered") == true)
            #expect(!chunks.text.isEmpty)
            #expect(chunks.retries.isEmpty)
            #expect(harness.server.requests.count == 1)
        }
    }

    @Test("a connection dropped before any text is retried")
    func dropBeforeText() async throws {
        let capture = Captures.bytes("openai.sse")
        try await Harness.run(script: { _, index in
            index == 0 ? [.write(Wire.head(200, "OK", Wire.streamHeaders)), .pause(.milliseconds(5)), .close] : Wire.streamed(capture)
        }) { harness in
            let chunks = ChunkLog()
            try await OpenAIBackend(config: harness.openAI(), context: harness.context).reply(to: sampleRequest, onChunk: chunks.record)
            #expect(chunks.retries.count == 1)
            #expect(chunks.retries.first?.reason.contains("broke off") == true)
            #expect(chunks.text == "Margins first: a 3 % price rise costs us ☕ churn—not 日本 🙂.")
        }
    }

    @Test("a server that goes silent mid-reply hits the idle timeout, and the connection is closed")
    func silentServer() async throws {
        let capture = Captures.bytes("openai.sse")
        try await Harness.run(script: { _, _ in Wire.streamed(Array(capture.prefix(900)), end: .hang) }) { harness in
            let chunks = ChunkLog()
            let error = await modelError {
                // Long enough that the first bytes always come in time on a loaded machine; the
                // silence after them is endless.
                try await OpenAIBackend(config: harness.openAI(idleTimeout: 3), context: harness.context)
                    .reply(to: sampleRequest, onChunk: chunks.record)
            }
            #expect(error?.kind == .timeout)
            #expect(error?.message.contains("no data from \(harness.server.baseURL)/chat/completions for 3 s (idle_timeout)") == true)
            #expect(error?.message.contains("not retried") == true)
            #expect(!chunks.text.isEmpty)
            #expect(await harness.server.waitFor { $0 == .clientClosed(connection: 0) })
        }
    }

    @Test("a server that never answers is retried, then times out saying after how many tries")
    func neverAnswers() async throws {
        try await Harness.run(script: { _, _ in [.hang] }) { harness in
            let chunks = ChunkLog()
            let error = await modelError {
                try await OpenAIBackend(config: harness.openAI(maxAttempts: 2, idleTimeout: 0.2), context: harness.context)
                    .reply(to: sampleRequest, onChunk: chunks.record)
            }
            #expect(error?.kind == .timeout)
            #expect(error?.message.hasSuffix("(gave up after 2 tries)") == true)
            #expect(chunks.retries.count == 1)
        }
    }

    @Test("an error frame after text fails with the server's message; one before text is retried")
    func errorFrames() async throws {
        let afterText = Captures.bytes("vllm-error.sse")
        try await Harness.run(script: { _, _ in Wire.streamed(afterText) }) { harness in
            let chunks = ChunkLog()
            let error = await modelError {
                try await OpenAIBackend(config: harness.openAI(), context: harness.context).reply(to: sampleRequest, onChunk: chunks.record)
            }
            #expect(error?.kind == .server)
            #expect(error?.message.contains("reported an error mid-stream: CUDA out of memory. Tried to allocate 2.00 GiB") == true)
            #expect(error?.message.contains("not retried") == true)
            #expect(chunks.text == "Partial")
        }
        let beforeText = Captures.bytes("llamacpp-error.sse")
        let good = Captures.bytes("llamacpp.sse")
        try await Harness.run(script: { _, index in Wire.streamed(index == 0 ? beforeText : good) }) { harness in
            let chunks = ChunkLog()
            try await OpenAIBackend(config: harness.openAI(), context: harness.context).reply(to: sampleRequest, onChunk: chunks.record)
            #expect(chunks.retries.first?.reason.contains("Input prompt is too big") == true)
            #expect(chunks.text.hasPrefix("Café"))
        }
    }

    @Test("cancelling the calling task ends the call and closes the connection")
    func cancellation() async throws {
        let capture = Captures.bytes("openai.sse")
        try await Harness.run(script: { _, _ in Wire.streamed(Array(capture.prefix(1200)), end: .hang) }) { harness in
            let chunks = ChunkLog()
            let backend = OpenAIBackend(config: harness.openAI(), context: harness.context)
            let call = Task { try await backend.reply(to: sampleRequest, onChunk: chunks.record) }
            await chunks.firstText()
            call.cancel()
            let result = await call.result
            #expect(throws: CancellationError.self) { try result.get() }
            #expect(await harness.server.waitFor { $0 == .clientClosed(connection: 0) })
            #expect(harness.log.contains("cancelled"))
        }
    }

    @Test("a connection the server closes after each stream (as llama-server does) is replaced without a reported retry")
    func serverClosesAfterEachStream() async throws {
        let capture = Captures.bytes("llamacpp.sse")
        try await Harness.run(script: { _, _ in Wire.streamed(capture) + [.pause(.milliseconds(50)), .close] }) { harness in
            let backend = OpenAIBackend(config: harness.openAI(), context: harness.context)
            for _ in 1...3 {
                let chunks = ChunkLog()
                try await backend.reply(to: sampleRequest, onChunk: chunks.record)
                #expect(chunks.text.hasPrefix("Café"))
                #expect(chunks.retries.isEmpty)
            }
            #expect(harness.server.requests.count == 3)
        }
    }

    @Test("a server that ignores stream: true and sends one JSON completion is read whole")
    func nonStreamedAnswer() async throws {
        let body = #"{"id":"c","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"Fine."},"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":2}}"#
        try await Harness.run(script: { _, _ in Wire.json(200, "OK", body) }) { harness in
            let chunks = ChunkLog()
            try await OpenAIBackend(config: harness.openAI(), context: harness.context).reply(to: sampleRequest, onChunk: chunks.record)
            #expect(chunks.text == "Fine.")
            #expect(chunks.usage == Usage(promptTokens: 9, completionTokens: 2))
        }
    }

    @Test("a missing API key fails before any request, naming the variable")
    func missingKey() async throws {
        try await Harness.run(environment: [:], script: { _, _ in [] }) { harness in
            let error = await modelError {
                try await OpenAIBackend(config: harness.openAI(), context: harness.context).reply(to: sampleRequest, onChunk: { _ in })
            }
            #expect(error?.kind == .configuration)
            #expect(error?.message.contains("the environment variable PARLEY_TEST_KEY is not set") == true)
            #expect(harness.server.requests.isEmpty)
        }
    }
}

@Suite("Unreachable servers")
struct UnreachableTests {
    @Test("connection refused names the URL and what to start")
    func refused() async throws {
        let server = try await LoopbackServer.start { _, _ in [] }
        let baseURL = server.baseURL
        await server.stop()
        try await ModelHTTPClient.withOwnClient { client in
            let config = OpenAIConfig(baseURL: baseURL, model: "smollm2")
            let error = await modelError {
                try await OpenAIBackend(config: config, context: HTTPModelContext(client: client, logger: quietLogger))
                    .reply(to: sampleRequest, onChunk: { _ in })
            }
            #expect(error?.kind == .unreachable)
            #expect(error?.message.hasPrefix("cannot connect to \(baseURL) (connection refused) — is the server running?") == true)
            #expect(error?.message.contains("llama-server") == true)
            #expect(error?.retryable == false)
        }
    }

    @Test("Ollama's address gets Ollama's advice; a bad base URL fails before any request")
    func advice() async throws {
        let ollama = try ServerAddress("http://127.0.0.1:11434/v1")
        let server = ModelServer(dialect: .openAI, address: ollama, model: "llama3", keyVariable: nil, key: nil, apiVersion: nil, extraHeaders: [:])
        #expect(server.connectionFailure(TestConnectionError(), url: ollama.url("chat/completions")).message
            == "cannot connect to http://127.0.0.1:11434/v1 (connection refused) — is Ollama running? start it with `ollama serve`")
        let error = await modelError {
            try await OpenAIBackend(config: OpenAIConfig(baseURL: "localhost:11434", model: "m")).reply(to: sampleRequest, onChunk: { _ in })
        }
        #expect(error?.kind == .configuration)
        #expect(error?.message.hasPrefix("base_url 'localhost:11434' is not an http:// or https:// URL") == true)
    }

    private struct TestConnectionError: Error, CustomStringConvertible {
        var description: String { "Connection errors: connect(descriptor:addr:size:): Connection refused (errno: 111)" }
    }
}
