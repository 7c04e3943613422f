import ParleyCore
import Testing
@testable import ParleyModels

@Suite("Stream readers")
struct StreamReaderTests {
    /// What a reader made of a capture.
    struct Outcome {
        var chunks: [ChatChunk] = []
        var error: ReplyReadError?
        var complete = false
        var canEnd = false

        var text: String { chunks.compactMap { if case .text(let text) = $0 { text } else { nil } }.joined() }
        var reasoning: String { chunks.compactMap { if case .reasoning(let text) = $0 { text } else { nil } }.joined() }
        var usage: Usage? { chunks.compactMap { if case .usage(let usage) = $0 { usage } else { nil } }.last }
        var serverMessage: ServerMessage? { if case .server(let said) = error { said } else { nil } }
    }

    private func read<Reader: ReplyReader>(_ capture: String, with reader: Reader, events limit: Int = .max) -> Outcome {
        var reader = reader
        var decoder = SSEDecoder()
        let bytes = Captures.bytes(capture)
        var outcome = Outcome()
        for event in (decoder.feed(bytes) + decoder.finish()).prefix(limit) {
            do throws(ReplyReadError) {
                try reader.read(event) { outcome.chunks.append($0) }
            } catch {
                outcome.error = error
                break
            }
        }
        outcome.complete = reader.isComplete
        outcome.canEnd = reader.canEndHere
        return outcome
    }

    private let openAI = OpenAIStreamReader(price: nil)
    private let anthropic = AnthropicStreamReader(price: nil)

    @Test("OpenAI: text deltas, the final usage chunk and [DONE]")
    func openAIStream() {
        let outcome = read("openai.sse", with: openAI)
        #expect(outcome.error == nil)
        #expect(outcome.text == "Margins first: a 3 % price rise costs us ☕ churn—not 日本 🙂.")
        #expect(outcome.reasoning.isEmpty)
        #expect(outcome.usage == Usage(promptTokens: 58, completionTokens: 17))
        #expect(outcome.complete)
    }

    @Test("llama.cpp: the first chunk's null content is skipped; usage comes with choices [] and timings")
    func llamaCppStream() {
        let outcome = read("llamacpp.sse", with: openAI)
        #expect(outcome.text == "Café is a Japanese word that means \"coffee\"")
        #expect(outcome.usage == Usage(promptTokens: 34, completionTokens: 14))
        #expect(outcome.complete)
        #expect(outcome.chunks.filter { if case .usage = $0 { true } else { false } }.count == 1)
    }

    @Test("Ollama 0.1: finish_reason \"\" does not end the reply, \"stop\" does")
    func ollamaEmptyFinishReason() {
        let early = read("ollama-0.1.sse", with: openAI, events: 3)
        #expect(!early.canEnd && !early.complete)
        let whole = read("ollama-0.1.sse", with: openAI)
        #expect(whole.text == "Hello! Do you have any questions?")
        #expect(whole.usage == nil)
        #expect(whole.canEnd && whole.complete)
    }

    @Test("Ollama: reasoning arrives in delta.reasoning, apart from the text")
    func ollamaReasoning() {
        let outcome = read("ollama.sse", with: openAI)
        #expect(outcome.reasoning == "The CFO asked about café margins.")
        #expect(outcome.text == "Raise prices 3 % — über safe.")
        #expect(outcome.usage == Usage(promptTokens: 41, completionTokens: 23))
    }

    @Test("vLLM: reasoning arrives in delta.reasoning_content; the price gives the cost")
    func vllmReasoningAndCost() {
        let outcome = read("vllm.sse", with: OpenAIStreamReader(price: Price(promptPerMillion: 1, completionPerMillion: 4)))
        #expect(outcome.reasoning == "Compare the two options.")
        #expect(outcome.text == "Ship the smaller plan 가요.")
        #expect(outcome.usage?.promptTokens == 32 && outcome.usage?.completionTokens == 20)
        #expect(outcome.usage?.cost == (32.0 * 1 + 20.0 * 4) / 1_000_000)
    }

    @Test("Anthropic: thinking as reasoning, text, input tokens with cache reads, the running output total")
    func anthropicStream() {
        let outcome = read("anthropic.sse", with: AnthropicStreamReader(price: Price(promptPerMillion: 3, completionPerMillion: 15)))
        #expect(outcome.error == nil)
        #expect(outcome.reasoning == "The PM wants speed; the CFO wants margin.")
        #expect(outcome.text == "@cfo a 3 % rise keeps ☕ margins — 日本 too 🙂.")
        // message_start said 2 output tokens, message_delta 57 in all: a total, not an increment.
        #expect(outcome.usage?.promptTokens == 412 + 128)
        #expect(outcome.usage?.completionTokens == 57)
        #expect(outcome.usage?.cost == (540.0 * 3 + 57.0 * 15) / 1_000_000)
        #expect(outcome.complete)
    }

    @Test("error frames mid-stream become the server's own message", arguments: [
        ("vllm-error.sse", "CUDA out of memory. Tried to allocate 2.00 GiB"),
        ("llamacpp-error.sse", "Input prompt is too big compared to KV size. Please try increasing KV size."),
        ("ollama-error.sse", "llama runner process has terminated: signal: killed"),
    ])
    func openAIErrorFrames(capture: String, message: String) {
        let outcome = read(capture, with: openAI)
        #expect(outcome.serverMessage?.text == message)
        #expect(outcome.serverMessage?.isTransient == true, "server faults are worth a retry")
    }

    @Test("an Anthropic error event ends the stream with its type and message")
    func anthropicErrorEvent() {
        let outcome = read("anthropic-error.sse", with: anthropic)
        #expect(outcome.text == "Well")
        #expect(outcome.serverMessage == ServerMessage(text: "Overloaded", type: "overloaded_error"))
        #expect(outcome.serverMessage?.isTransient == true)
    }

    @Test("an event that is not JSON of the dialect is reported with a quote of it")
    func unreadable() {
        var reader = openAI
        do throws(ReplyReadError) {
            try reader.read(ServerSentEvent(data: "<html>Bad gateway</html>")) { _ in }
            Issue.record("expected an error")
        } catch {
            guard case .unreadable(let detail) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(detail.contains("<html>Bad gateway</html>"))
        }
    }

    @Test("a whole non-streamed completion is read as one reply")
    func nonStreamed() {
        var reader = openAI
        var chunks: [ChatChunk] = []
        let body = #"{"id":"x","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"Whole."},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}}"#
        try? reader.read(ServerSentEvent(data: body)) { chunks.append($0) }
        #expect(chunks == [.text("Whole."), .usage(Usage(promptTokens: 3, completionTokens: 2))])
        #expect(reader.isComplete)
    }
}
