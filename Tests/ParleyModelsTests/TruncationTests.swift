import Foundation
import ParleyCore
import Testing
@testable import ParleyModels

@Suite("Replies cut at the token limit")
struct TruncationTests {
    private static func openAIStream(finish: String) -> [UInt8] {
        Array("""
            data: {"choices":[{"index":0,"delta":{"role":"assistant","content":"We should build the"}}]}

            data: {"choices":[{"index":0,"delta":{},"finish_reason":"\(finish)"}]}

            data: [DONE]


            """.utf8)
    }

    private static func anthropicStream(stop: String) -> [UInt8] {
        Array("""
            event: message_start
            data: {"type":"message_start","message":{"usage":{"input_tokens":5,"output_tokens":1}}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"We should build the"}}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"\(stop)"},"usage":{"output_tokens":4}}

            event: message_stop
            data: {"type":"message_stop"}


            """.utf8)
    }

    private static func truncated(_ chunks: ChunkLog) -> Bool {
        chunks.all.contains(.truncated)
    }

    @Test("OpenAI-compatible: finish reason `length` says the reply is truncated; `stop` does not",
          arguments: [("length", true), ("stop", false)])
    func openAI(finish: String, truncated: Bool) async throws {
        try await Harness.run(script: { _, _ in Wire.streamed(Self.openAIStream(finish: finish)) }) { harness in
            let chunks = ChunkLog()
            try await OpenAIBackend(config: harness.openAI(), context: harness.context).reply(to: sampleRequest, onChunk: chunks.record)
            #expect(chunks.text == "We should build the")
            #expect(Self.truncated(chunks) == truncated)
        }
    }

    @Test("Anthropic: stop reason `max_tokens` says the reply is truncated; `end_turn` does not",
          arguments: [("max_tokens", true), ("end_turn", false)])
    func anthropic(stop: String, truncated: Bool) async throws {
        try await Harness.run(script: { _, _ in Wire.streamed(Self.anthropicStream(stop: stop)) }) { harness in
            let chunks = ChunkLog()
            try await AnthropicBackend(config: harness.anthropic(), context: harness.context)
                .reply(to: sampleRequest, onChunk: chunks.record)
            #expect(chunks.text == "We should build the")
            #expect(Self.truncated(chunks) == truncated)
        }
    }

    @Test("a whole reply (a server that ignored `stream`) cut at the limit is truncated too",
          arguments: [ModelServer.Dialect.openAI, .anthropic])
    func wholeReply(dialect: ModelServer.Dialect) async throws {
        let body = dialect == .openAI
            ? #"{"choices":[{"index":0,"message":{"role":"assistant","content":"We should build the"},"finish_reason":"length"}]}"#
            : #"{"type":"message","content":[{"type":"text","text":"We should build the"}],"stop_reason":"max_tokens","usage":{"input_tokens":5,"output_tokens":4}}"#
        try await Harness.run(script: { _, _ in Wire.json(200, "OK", body) }) { harness in
            let chunks = ChunkLog()
            let model: any ChatModel = dialect == .openAI
                ? OpenAIBackend(config: harness.openAI(), context: harness.context)
                : AnthropicBackend(config: harness.anthropic(), context: harness.context)
            try await model.reply(to: sampleRequest, onChunk: chunks.record)
            #expect(chunks.text == "We should build the")
            #expect(Self.truncated(chunks))
        }
    }
}
