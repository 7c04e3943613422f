import ParleyCore
import Testing
@testable import ParleyModels

@Suite("Anthropic backend against a loopback server")
struct AnthropicBackendTests {
    private let conversation = ChatRequest(
        agent: "cfo", purpose: .turn(round: 2), system: "You are Dana, the CFO.",
        messages: [
            ChatMessage(role: .assistant, content: "Margins matter.", kind: .own),
            ChatMessage(role: .user, content: "Sam (PM): speed matters more.", kind: .peer),
            ChatMessage(role: .user, content: "you: @cfo numbers?", kind: .human),
        ],
        participants: [])

    @Test("streams thinking and text, reports usage with cost, and sends key, version and a well-formed body")
    func streams() async throws {
        let capture = Captures.bytes("anthropic.sse")
        try await Harness.run(script: { _, _ in Wire.streamed(capture, pieceSize: 23) }) { harness in
            let chunks = ChunkLog()
            let config = harness.anthropic(price: Price(promptPerMillion: 3, completionPerMillion: 15))
            try await AnthropicBackend(config: config, context: harness.context).reply(to: conversation, onChunk: chunks.record)

            #expect(chunks.reasoning == "The PM wants speed; the CFO wants margin.")
            #expect(chunks.text == "@cfo a 3 % rise keeps ☕ margins — 日本 too 🙂.")
            #expect(chunks.usage == Usage(promptTokens: 540, completionTokens: 57, cost: (540.0 * 3 + 57.0 * 15) / 1_000_000))

            let request = try #require(harness.server.requests.first)
            #expect(request.path == "/v1/messages")
            #expect(request.header("x-api-key") == Harness.key)
            #expect(request.header("anthropic-version") == "2023-06-01")
            #expect(request.header("authorization") == nil)
            let body = request.json()
            #expect(body["model"] as? String == "claude-sonnet-4-5")
            #expect(body["system"] as? String == "You are Dana, the CFO.")
            #expect(body["max_tokens"] as? Int == 1024)
            #expect(body["stream"] as? Bool == true)
            let messages = body["messages"] as? [[String: String]] ?? []
            #expect(messages == [
                ["role": "user", "content": AnthropicRequestBody.openingTurn],
                ["role": "assistant", "content": "Margins matter."],
                ["role": "user", "content": "Sam (PM): speed matters more.\n\nyou: @cfo numbers?"],
            ])
            #expect(!harness.log.contains(Harness.key))
            #expect(harness.log.contains("x-api-key=[redacted]"))
        }
    }

    @Test("a 529 overloaded is retried with backoff, reported before the wait")
    func overloaded() async throws {
        let capture = Captures.bytes("anthropic.sse")
        try await Harness.run(script: { _, index in
            index == 0
                ? Wire.json(529, "Overloaded", #"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#)
                : Wire.streamed(capture)
        }) { harness in
            let chunks = ChunkLog()
            try await AnthropicBackend(config: harness.anthropic(), context: harness.context).reply(to: conversation, onChunk: chunks.record)
            let retry = try #require(chunks.retries.first)
            #expect(retry.attempt == 2)
            #expect(retry.delay >= 0.375 && retry.delay <= 0.5)
            #expect(retry.reason.contains("HTTP 529 from \(harness.server.baseURL)/messages: Overloaded"))
            #expect(harness.sleeps.all.count == 1)
            #expect(chunks.text.hasPrefix("@cfo"))
        }
    }

    @Test("an error event after text fails with the server's message, not retried")
    func errorEvent() async throws {
        let capture = Captures.bytes("anthropic-error.sse")
        try await Harness.run(script: { _, _ in Wire.streamed(capture) }) { harness in
            let chunks = ChunkLog()
            let error = await modelError {
                try await AnthropicBackend(config: harness.anthropic(), context: harness.context).reply(to: conversation, onChunk: chunks.record)
            }
            #expect(error?.kind == .server)
            #expect(error?.message.contains("reported an error mid-stream: Overloaded") == true)
            #expect(error?.message.contains("not retried") == true)
            #expect(chunks.text == "Well")
            #expect(harness.server.requests.count == 1)
        }
    }

    @Test("a 401 names ANTHROPIC_API_KEY; a 404 names the model")
    func clientErrors() async throws {
        try await Harness.run(script: { _, index in
            index == 0
                ? Wire.json(401, "Unauthorized", #"{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}"#)
                : Wire.json(404, "Not Found", #"{"type":"error","error":{"type":"not_found_error","message":"model: claude-nope"}}"#)
        }) { harness in
            let unauthorized = await modelError {
                try await AnthropicBackend(config: harness.anthropic(), context: harness.context).reply(to: conversation, onChunk: { _ in })
            }
            #expect(unauthorized?.kind == .http(status: 401))
            #expect(unauthorized?.message.contains("invalid x-api-key — the API key comes from the environment variable ANTHROPIC_API_KEY, which is set") == true)
            let missing = await modelError {
                try await AnthropicBackend(config: harness.anthropic(model: "claude-nope"), context: harness.context)
                    .reply(to: conversation, onChunk: { _ in })
            }
            #expect(missing?.message == "model 'claude-nope' not found on \(harness.server.baseURL) — check the model id or change `model` (server said: model: claude-nope)")
            #expect(harness.server.requests.count == 2)
        }
    }

    @Test("an unset ANTHROPIC_API_KEY fails before any request")
    func missingKey() async throws {
        try await Harness.run(environment: [:], script: { _, _ in [] }) { harness in
            let error = await modelError {
                try await AnthropicBackend(config: harness.anthropic(), context: harness.context).reply(to: conversation, onChunk: { _ in })
            }
            #expect(error?.kind == .configuration)
            #expect(error?.message.hasPrefix("the environment variable ANTHROPIC_API_KEY is not set, and the anthropic backend reads its API key from it") == true)
            #expect(harness.server.requests.isEmpty)
        }
    }
}
