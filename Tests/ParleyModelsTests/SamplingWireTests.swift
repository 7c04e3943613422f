import Foundation
import ParleyCore
import Testing
@testable import ParleyModels

@Suite("Sampling settings on the wire")
struct SamplingWireTests {
    private static let sampling = Sampling(
        temperature: 0.4, maxTokens: 80, topP: 0.9, frequencyPenalty: 0.5, presencePenalty: -0.25,
        stop: ["\n\n", "User:"], repeatPenalty: 1.15)

    private static let openAIReply = Array("""
        data: {"choices":[{"index":0,"delta":{"content":"Fine."},"finish_reason":"stop"}]}

        data: [DONE]


        """.utf8)

    private static let anthropicReply = Array("""
        event: content_block_delta
        data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Fine."}}

        event: message_stop
        data: {"type":"message_stop"}


        """.utf8)

    @Test("OpenAI-compatible servers get top_p, frequency_penalty, presence_penalty, stop and llama.cpp's repeat_penalty")
    func openAI() async throws {
        try await Harness.run(script: { _, _ in Wire.streamed(Self.openAIReply) }) { harness in
            let backend = OpenAIBackend(config: harness.openAI(sampling: Self.sampling), context: harness.context)
            try await backend.reply(to: sampleRequest, onChunk: { _ in })
            let body = try #require(harness.server.requests.first).json()
            #expect(body["top_p"] as? Double == 0.9)
            #expect(body["frequency_penalty"] as? Double == 0.5)
            #expect(body["presence_penalty"] as? Double == -0.25)
            #expect(body["stop"] as? [String] == ["\n\n", "User:"])
            #expect(body["repeat_penalty"] as? Double == 1.15)
            #expect(body["temperature"] as? Double == 0.4)
            #expect(body["max_tokens"] as? Int == 80)
        }
    }

    @Test("unset sampling settings are not sent")
    func unset() async throws {
        try await Harness.run(script: { _, _ in Wire.streamed(Self.openAIReply) }) { harness in
            try await OpenAIBackend(config: harness.openAI(), context: harness.context).reply(to: sampleRequest, onChunk: { _ in })
            let body = try #require(harness.server.requests.first).json()
            for key in ["top_p", "frequency_penalty", "presence_penalty", "stop", "repeat_penalty"] {
                #expect(body[key] == nil, "\(key) was sent though unset")
            }
        }
    }

    @Test("Anthropic gets top_p and stop_sequences, and none of the OpenAI-only penalties")
    func anthropic() async throws {
        try await Harness.run(script: { _, _ in Wire.streamed(Self.anthropicReply) }) { harness in
            var config = harness.anthropic()
            config.sampling = Self.sampling
            try await AnthropicBackend(config: config, context: harness.context).reply(to: sampleRequest, onChunk: { _ in })
            let body = try #require(harness.server.requests.first).json()
            #expect(body["top_p"] as? Double == 0.9)
            #expect(body["stop_sequences"] as? [String] == ["\n\n", "User:"])
            for key in ["stop", "frequency_penalty", "presence_penalty", "repeat_penalty"] {
                #expect(body[key] == nil, "\(key) was sent to Anthropic")
            }
        }
    }
}
