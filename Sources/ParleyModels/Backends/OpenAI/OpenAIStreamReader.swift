import Foundation
import ParleyCore

/// Reads an OpenAI-compatible chat-completions stream (OpenAI, Ollama, llama.cpp, vLLM,
/// LM Studio) into chunks.
///
/// Handles the servers' differences: llama.cpp's first chunk with `content: null` and its last
/// with `choices: []`, `usage` and `timings`; Ollama's `finish_reason: ""`; reasoning in
/// `delta.reasoning_content` (llama.cpp, older vLLM) or `delta.reasoning` (Ollama, newer vLLM);
/// `{"error": ...}` frames; and a whole non-streamed completion when a server ignores `stream`.
package struct OpenAIStreamReader: ReplyReader {
    /// The price table, for the cost in usage chunks.
    let price: Price?
    package private(set) var isComplete = false
    private var finishReason: String?
    private var usageNotes = UsageNotes()

    /// Makes a reader for one try.
    package init(price: Price?) {
        self.price = price
    }

    package var canEndHere: Bool { finishReason != nil }

    package mutating func read(_ event: ServerSentEvent, emit: (ChatChunk) -> Void) throws(ReplyReadError) {
        let data = event.data.trimmingCharacters(in: .whitespacesAndNewlines)
        if data.isEmpty { return }
        if data == "[DONE]" {
            isComplete = true
            return
        }
        let payload: Payload
        do {
            payload = try JSONDecoder().decode(Payload.self, from: Data(data.utf8))
        } catch {
            if event.type == "error" { throw .server(ServerMessage(text: data)) }
            throw .unreadable(event: event, because: "not a chat-completions chunk")
        }
        if let error = payload.error { throw .server(error.message) }
        if event.type == "error" { throw .server(ServerMessage(body: Array(data.utf8)) ?? ServerMessage(text: data)) }

        for choice in payload.choices ?? [] where (choice.index ?? 0) == 0 {
            let piece = choice.delta ?? choice.message
            if let reasoning = piece?.reasoningContent ?? piece?.reasoning, !reasoning.isEmpty {
                emit(.reasoning(reasoning))
            }
            if let text = piece?.content, !text.isEmpty {
                emit(.text(text))
            }
            if let reason = choice.finishReason, !reason.isEmpty {
                finishReason = reason
                if reason == "length" { emit(.truncated) }
                if choice.message != nil { isComplete = true }  // a whole, non-streamed completion
            }
        }
        if let usage = payload.usage {
            let prompt = usageNotes.tokens(usage.promptTokens, named: "prompt_tokens")
            let completion = usageNotes.tokens(usage.completionTokens, named: "completion_tokens")
            emit(.usage(Usage(
                promptTokens: prompt, completionTokens: completion,
                cost: price?.cost(promptTokens: prompt, completionTokens: completion))))
        }
    }

    package mutating func takeNotes() -> [String] { usageNotes.take() }

    /// One chunk (or a whole completion), with only the fields Parley reads.
    private struct Payload: Decodable {
        var choices: [Choice]?
        var usage: TokenCounts?
        var error: ErrorField?
    }

    private struct Choice: Decodable {
        var index: Int?
        var delta: Piece?
        var message: Piece?
        var finishReason: String?

        enum CodingKeys: String, CodingKey {
            case index, delta, message
            case finishReason = "finish_reason"
        }
    }

    private struct Piece: Decodable {
        var content: String?
        var reasoning: String?
        var reasoningContent: String?

        enum CodingKeys: String, CodingKey {
            case content, reasoning
            case reasoningContent = "reasoning_content"
        }
    }

    private struct TokenCounts: Decodable {
        var promptTokens: TokenCount?
        var completionTokens: TokenCount?

        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens"
            case completionTokens = "completion_tokens"
        }
    }

    /// `"error": {"message": ..}` or `"error": "..."`.
    private struct ErrorField: Decodable {
        var message: ServerMessage

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                message = ServerMessage(text: text)
                return
            }
            let fields = try container.decode(Fields.self)
            message = ServerMessage(text: fields.message ?? "unknown error", type: fields.type, code: fields.code?.number)
        }

        private struct Fields: Decodable {
            var message: String?
            var type: String?
            var code: Code?
        }

        /// A code that servers send as a number, a string or null.
        private struct Code: Decodable {
            var number: Int?
            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                number = (try? container.decode(Int.self)) ?? (try? container.decode(String.self)).flatMap { Int($0) }
            }
        }
    }
}
