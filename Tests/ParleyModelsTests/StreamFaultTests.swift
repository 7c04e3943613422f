import ParleyCore
import Testing
@testable import ParleyModels

/// A stream that breaks off mid-line, and an HTML page where a stream belongs, are each named
/// for what they are, on both backends.
@Suite("Faults in a stream, named for what they are")
struct StreamFaultTests {
    /// One event of text and the start of a second, cut in the middle of its line.
    private func cutStream(_ dialect: ModelServer.Dialect) -> [UInt8] {
        switch dialect {
        case .openAI:
            Array("""
                data: {"choices":[{"index":0,"delta":{"content":"Margins"},"finish_reason":null}]}

                data: {"choices":[{"index":0,"delta":{"content":" fi
                """.utf8)
        case .anthropic:
            Array("""
                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Margins"}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"text_del
                """.utf8)
        }
    }

    private func model(_ dialect: ModelServer.Dialect, _ harness: Harness) -> any ChatModel {
        dialect == .openAI
            ? OpenAIBackend(config: harness.openAI(), context: harness.context)
            : AnthropicBackend(config: harness.anthropic(), context: harness.context)
    }

    @Test("a stream cut mid-line, chunked or close-delimited, broke off; it is not called a wrong API",
          arguments: [ModelServer.Dialect.openAI, .anthropic], [true, false])
    func cutMidLine(dialect: ModelServer.Dialect, chunked: Bool) async throws {
        let body = cutStream(dialect)
        try await Harness.run(script: { _, _ in chunked ? Wire.streamed(body) : Wire.closeDelimited(body) }) { harness in
            let chunks = ChunkLog()
            let model = model(dialect, harness)
            let error = try #require(await modelError { try await model.reply(to: sampleRequest, onChunk: chunks.record) })
            #expect(chunks.text == "Margins")
            #expect(error.kind == .stream)
            #expect(error.message.contains("broke off (the body ended in the middle of a line)"), "\(error.message)")
            #expect(!error.message.contains("base_url"), "\(error.message)")
            #expect(error.message.contains("not retried, since part of the reply had already been delivered"))
        }
    }

    @Test("an HTTP 200 HTML page (a proxy's sign-in page) is named as HTML, not an event stream, and not retried",
          arguments: [ModelServer.Dialect.openAI, .anthropic])
    func htmlPage(dialect: ModelServer.Dialect) async throws {
        let page = "<!DOCTYPE html><html><head><title>Sign in \u{1B}[31m· Corp proxy</title></head><body>Please sign in.</body></html>"
        try await Harness.run(script: { _, _ in
            [.write(Wire.head(200, "OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", "\(page.utf8.count)")]) + Array(page.utf8))]
        }) { harness in
            let chunks = ChunkLog()
            let model = model(dialect, harness)
            let error = try #require(await modelError { try await model.reply(to: sampleRequest, onChunk: chunks.record) })
            #expect(error.message.contains("answered with an HTML page titled 'Sign in"), "\(error.message)")
            #expect(error.message.contains("not an event stream"))
            #expect(!error.message.contains("broke off") && !error.message.contains("\u{1B}"))
            #expect(!error.retryable)
            #expect(chunks.retries.isEmpty)
            #expect(harness.server.requests.count == 1, "asked once")
        }
    }
}
