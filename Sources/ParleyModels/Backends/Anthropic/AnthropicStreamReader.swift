import Foundation
import ParleyCore

/// Reads a Messages API stream into chunks: `message_start` (input tokens),
/// `content_block_start/delta/stop` (text, and thinking as reasoning), `message_delta` (stop
/// reason; its `output_tokens` is a running total, not an increment), `message_stop`, `ping`,
/// and `error` mid-stream. A whole non-streamed `message` is read too.
struct AnthropicStreamReader: ReplyReader {
    /// The price table, for the cost in usage chunks.
    let price: Price?
    private(set) var isComplete = false
    private var stopReason: String?
    private var promptTokens = 0
    private var completionTokens = 0
    private var usageNotes = UsageNotes()

    /// Makes a reader for one try.
    init(price: Price?) {
        self.price = price
    }

    var canEndHere: Bool { stopReason != nil }

    mutating func read(_ event: ServerSentEvent, emit: (ChatChunk) -> Void) throws(ReplyReadError) {
        let data = event.data.trimmingCharacters(in: .whitespacesAndNewlines)
        if data.isEmpty { return }
        let payload: Payload
        do {
            payload = try JSONDecoder().decode(Payload.self, from: Data(data.utf8))
        } catch {
            if event.type == "error" { throw .server(ServerMessage(text: data)) }
            throw .unreadable(event: event, because: "not a Messages API event")
        }
        switch payload.type ?? event.type {
        case "message_start":
            if let usage = payload.message?.usage { count(usage, emit: emit) }
        case "content_block_start":
            if let block = payload.contentBlock { deliver(block, emit: emit) }
        case "content_block_delta":
            if let delta = payload.delta { deliver(delta, emit: emit) }
        case "message_delta":
            if let reason = payload.delta?.stopReason {
                stopReason = reason
                if reason == "max_tokens" { emit(.truncated) }
            }
            if let usage = payload.usage { count(usage, emit: emit) }
        case "message_stop":
            isComplete = true
        case "message":
            // A whole reply: the server ignored `stream`.
            for block in payload.content ?? [] { deliver(block, emit: emit) }
            if let usage = payload.usage { count(usage, emit: emit) }
            if payload.stopReason == "max_tokens" { emit(.truncated) }
            isComplete = true
        case "error":
            let said = ServerMessage(body: Array(data.utf8)) ?? ServerMessage(text: data)
            throw .server(said)
        default:
            break  // ping, content_block_stop, and events added to the API later
        }
    }

    private func deliver(_ piece: Piece, emit: (ChatChunk) -> Void) {
        if let thinking = piece.thinking, !thinking.isEmpty { emit(.reasoning(thinking)) }
        if let text = piece.text, !text.isEmpty { emit(.text(text)) }
    }

    /// Takes the counts an event carries: input tokens (cache reads and writes included) and the
    /// running output total, and reports the usage so far.
    private mutating func count(_ usage: TokenCounts, emit: (ChatChunk) -> Void) {
        if let input = usage.inputTokens {
            let read = usageNotes.tokens(input, named: "input_tokens")
                + usageNotes.tokens(usage.cacheCreationInputTokens, named: "cache_creation_input_tokens")
                + usageNotes.tokens(usage.cacheReadInputTokens, named: "cache_read_input_tokens")
            promptTokens = min(read, Usage.tokenLimit)
        }
        if let output = usage.outputTokens { completionTokens = usageNotes.tokens(output, named: "output_tokens") }
        emit(.usage(Usage(
            promptTokens: promptTokens, completionTokens: completionTokens,
            cost: price?.cost(promptTokens: promptTokens, completionTokens: completionTokens))))
    }

    mutating func takeNotes() -> [String] { usageNotes.take() }

    /// One event, with only the fields Parley reads.
    private struct Payload: Decodable {
        var type: String?
        var message: Start?
        var contentBlock: Piece?
        var delta: Piece?
        var usage: TokenCounts?
        var content: [Piece]?
        /// A whole reply's stop reason.
        var stopReason: String?

        enum CodingKeys: String, CodingKey {
            case type, message, delta, usage, content
            case stopReason = "stop_reason"
            case contentBlock = "content_block"
        }
    }

    private struct Start: Decodable {
        var usage: TokenCounts?
    }

    /// A content block, or a delta of one, or a message delta.
    private struct Piece: Decodable {
        var text: String?
        var thinking: String?
        var stopReason: String?

        enum CodingKeys: String, CodingKey {
            case text, thinking
            case stopReason = "stop_reason"
        }
    }

    private struct TokenCounts: Decodable {
        var inputTokens: TokenCount?
        var outputTokens: TokenCount?
        var cacheCreationInputTokens: TokenCount?
        var cacheReadInputTokens: TokenCount?

        enum CodingKeys: String, CodingKey {
            case inputTokens = "input_tokens"
            case outputTokens = "output_tokens"
            case cacheCreationInputTokens = "cache_creation_input_tokens"
            case cacheReadInputTokens = "cache_read_input_tokens"
        }
    }
}
