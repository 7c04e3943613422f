import Foundation
import ParleyCore
import Testing
@testable import ParleyModels

@Suite("Where a reply ends")
struct ReplyEndTests {
    /// Longer than any test waits for a finished reply: a call still waiting on it has hung.
    private static let longIdle: Double = 600
    /// The failure guard: well below `longIdle`, far above what finishing takes.
    private static let guardLimit: Duration = .seconds(120)

    @Test("a reply ends when the server says it is complete, though the body stays open, and the connection is closed",
          arguments: [ModelServer.Dialect.openAI, .anthropic])
    func completeThenSilence(dialect: ModelServer.Dialect) async throws {
        let (capture, text) = dialect == .openAI
            ? (Captures.bytes("openai.sse"), "Margins first: a 3 % price rise costs us ☕ churn—not 日本 🙂.")
            : (Captures.bytes("anthropic.sse"), "@cfo a 3 % rise keeps ☕ margins — 日本 too 🙂.")
        try await Harness.run(script: { _, _ in Wire.streamed(capture, end: .hang) }) { harness in
            let chunks = ChunkLog()
            let model: any ChatModel = dialect == .openAI
                ? OpenAIBackend(config: harness.openAI(idleTimeout: Self.longIdle), context: harness.context)
                : AnthropicBackend(config: harness.anthropic(idleTimeout: Self.longIdle), context: harness.context)
            let ended = await outcome(within: Self.guardLimit) { try await model.reply(to: sampleRequest, onChunk: chunks.record) }
            let result = try #require(ended, "the reply did not end though the server said it was complete")
            try result.get()
            #expect(chunks.text == text)
            #expect(await harness.server.waitFor { $0 == .clientClosed(connection: 0) })
            #expect(harness.log.contains("→ 200"))
        }
    }

    @Test("on a loopback server every call asks for its own connection, so none lands on one the server is closing")
    func ownConnectionOnLoopback() async throws {
        let capture = Captures.bytes("ollama.sse")
        // The whole response in one write, so the body's end arrives with [DONE].
        let response = Wire.head(200, "OK", Wire.streamHeaders) + Wire.chunk(capture) + Wire.lastChunk
        try await Harness.run(script: { _, _ in [.write(response)] }) { harness in
            let backend = OpenAIBackend(config: harness.openAI(), context: harness.context)
            for _ in 1...2 {
                let chunks = ChunkLog()
                try await backend.reply(to: sampleRequest, onChunk: chunks.record)
                #expect(chunks.text == "Raise prices 3 % — über safe.")
            }
            #expect(harness.server.requests.map(\.connection) == [0, 1])
            #expect(harness.server.requests.allSatisfy { $0.header("connection") == "close" })
        }
    }

    private static let completion = #"{"id":"c","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"Fine."},"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":2}}"#

    @Test("a whole JSON reply cut off by a dropped connection is a broken stream, and retried")
    func jsonReplyCutOff() async throws {
        let body = Array(Self.completion.utf8)
        let head = Wire.head(200, "OK", [("Content-Type", "application/json"), ("Content-Length", "\(body.count)")])
        try await Harness.run(script: { _, index in
            index == 0 ? [.write(head + body.prefix(40)), .close] : Wire.json(200, "OK", Self.completion)
        }) { harness in
            let chunks = ChunkLog()
            try await OpenAIBackend(config: harness.openAI(), context: harness.context).reply(to: sampleRequest, onChunk: chunks.record)
            #expect(chunks.retries.count == 1)
            #expect(chunks.retries.first?.reason.contains("the stream from \(harness.server.baseURL)/chat/completions broke off") == true)
            #expect(chunks.text == "Fine.")
            #expect(harness.server.requests.count == 2)
        }
    }

    @Test("a whole JSON reply larger than Parley reads fails at once, saying so")
    func jsonReplyTooLarge() async throws {
        let head = Wire.head(200, "OK", [("Content-Type", "application/json"), ("Content-Length", "\(9 * 1024 * 1024)")])
        try await Harness.run(script: { _, _ in [.write(head + Array("{\"choices\":".utf8)), .hang] }) { harness in
            let error = await modelError {
                try await OpenAIBackend(config: harness.openAI(maxAttempts: 1, idleTimeout: 60), context: harness.context)
                    .reply(to: sampleRequest, onChunk: { _ in })
            }
            #expect(error?.kind == .stream)
            #expect(error?.message.hasPrefix("the answer from \(harness.server.baseURL)/chat/completions is larger than 8 MB") == true)
            #expect(error?.retryable == false)
        }
    }
}
