import ParleyCore
import Testing
@testable import ParleyModels

/// Token counts a server states are checked where they are read: whole numbers from 0 to
/// `Usage.tokenLimit`, with a note in the diagnostic log for any that is not.
@Suite("Usage a server reports, bounded")
struct UsageBoundsTests {
    /// An OpenAI-compatible stream with one text chunk and a usage chunk stating `usage` (JSON).
    private func openAIStream(usage: String) -> [UInt8] {
        Array("""
            data: {"choices":[{"index":0,"delta":{"content":"Fine."},"finish_reason":null}]}

            data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}

            data: {"choices":[],"usage":\(usage)}

            data: [DONE]


            """.utf8)
    }

    /// A Messages API stream whose start and end state `start` and `end` (JSON usage objects).
    private func anthropicStream(start: String, end: String) -> [UInt8] {
        Array("""
            event: message_start
            data: {"type":"message_start","message":{"usage":\(start)}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Fine."}}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":\(end)}

            event: message_stop
            data: {"type":"message_stop"}


            """.utf8)
    }

    /// Asks `model` twice; each reply's counts are at the limit, and the two add up without a trap.
    private func expectCappedTwice(_ model: some ChatModel) async throws {
        var total = Usage.zero
        for _ in 1...2 {
            let chunks = ChunkLog()
            try await model.reply(to: sampleRequest, onChunk: chunks.record)
            let usage = try #require(chunks.usage)
            #expect(usage.promptTokens == Usage.tokenLimit && usage.completionTokens == Usage.tokenLimit)
            total += usage
        }
        #expect(total.totalTokens == 4 * Usage.tokenLimit)
    }

    @Test("prompt_tokens of 2^62, twice, is capped at the limit, noted in the log, and adds up without a trap")
    func hugeOpenAIUsage() async throws {
        let stream = openAIStream(usage: #"{"prompt_tokens":4611686018427387904,"completion_tokens":9223372036854775807}"#)
        try await Harness.run(script: { _, _ in Wire.streamed(stream) }) { harness in
            try await expectCappedTwice(OpenAIBackend(config: harness.openAI(), context: harness.context))
            #expect(harness.log.contains("prompt_tokens: 4611686018427387904 is more than the \(Usage.tokenLimit) tokens one call can use"))
            #expect(harness.log.contains("completion_tokens: 9223372036854775807 is more than"))
        }
    }

    @Test("negative, fractional and non-numeric counts count as 0, noted; the reply still arrives")
    func badOpenAIUsage() async throws {
        let stream = openAIStream(usage: #"{"prompt_tokens":-1000000,"completion_tokens":2.5}"#)
        try await Harness.run(script: { _, _ in Wire.streamed(stream) }) { harness in
            let chunks = ChunkLog()
            try await OpenAIBackend(config: harness.openAI(), context: harness.context).reply(to: sampleRequest, onChunk: chunks.record)
            #expect(chunks.text == "Fine.")
            #expect(chunks.usage == Usage(promptTokens: 0, completionTokens: 0))
            #expect(harness.log.contains("prompt_tokens: -1000000 is negative; counted as 0"))
            #expect(harness.log.contains("completion_tokens: 2.5 is not a whole number; counted as 0"))
        }
        let words = openAIStream(usage: #"{"prompt_tokens":"lots","completion_tokens":1e30}"#)
        try await Harness.run(script: { _, _ in Wire.streamed(words) }) { harness in
            let chunks = ChunkLog()
            try await OpenAIBackend(config: harness.openAI(), context: harness.context).reply(to: sampleRequest, onChunk: chunks.record)
            #expect(chunks.usage == Usage(promptTokens: 0, completionTokens: Usage.tokenLimit))
            #expect(harness.log.contains("prompt_tokens: it is not a number"))
        }
    }

    @Test("Anthropic output_tokens of Int64.max and cache counts that would overflow are capped, noted")
    func hugeAnthropicUsage() async throws {
        let stream = anthropicStream(
            start: #"{"input_tokens":9223372036854775807,"cache_read_input_tokens":9223372036854775807,"output_tokens":1}"#,
            end: #"{"output_tokens":9223372036854775807}"#)
        try await Harness.run(script: { _, _ in Wire.streamed(stream) }) { harness in
            let price = Price(promptPerMillion: 3, completionPerMillion: 15)
            try await expectCappedTwice(AnthropicBackend(config: harness.anthropic(price: price), context: harness.context))
            #expect(harness.log.contains("output_tokens: 9223372036854775807 is more than"))
            #expect(harness.log.contains("cache_read_input_tokens: 9223372036854775807 is more than"))
        }
    }

    @Test("Anthropic negative output_tokens counts as 0, so it cannot take tokens off a budget")
    func negativeAnthropicUsage() async throws {
        let stream = anthropicStream(start: #"{"input_tokens":12,"output_tokens":1}"#, end: #"{"output_tokens":-500000}"#)
        try await Harness.run(script: { _, _ in Wire.streamed(stream) }) { harness in
            let chunks = ChunkLog()
            try await AnthropicBackend(config: harness.anthropic(), context: harness.context).reply(to: sampleRequest, onChunk: chunks.record)
            #expect(chunks.usage == Usage(promptTokens: 12, completionTokens: 0))
            #expect(harness.log.contains("output_tokens: -500000 is negative; counted as 0"))
        }
    }
}
