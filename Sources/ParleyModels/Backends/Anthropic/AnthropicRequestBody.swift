import Foundation

/// The JSON body of a streamed Messages API request.
///
/// The Messages API wants the system prompt top-level and turns that alternate user/assistant,
/// starting with the user. So entries of the same role are merged (a blank line between),
/// system-role entries inside the conversation are sent as user text, empty entries are dropped,
/// a short user turn is put first when the conversation starts with the assistant, and one is
/// put last when it ends with the assistant (a trailing assistant turn would be taken as the
/// start of the reply to continue, which newer models refuse).
struct AnthropicRequestBody: RequestBody {
    /// One turn on the wire.
    struct Message: Encodable, Sendable, Hashable {
        var role: String
        var content: String
    }

    var model: String
    var maxTokens: Int
    var system: String?
    var messages: [Message]
    var stream = true
    var temperature: Double?
    var topP: Double?
    var stopSequences: [String]?

    enum CodingKeys: String, CodingKey {
        case model, system, messages, stream, temperature
        case maxTokens = "max_tokens"
        case topP = "top_p"
        case stopSequences = "stop_sequences"
    }

    /// The user turn put before a conversation that starts with the assistant.
    static let openingTurn = "(The debate so far.)"
    /// The user turn put after a conversation that ends with the assistant, or is empty.
    static let closingTurn = "(Your turn.)"

    /// The body for `request`.
    init(_ request: ChatRequest, model: String, sampling: Sampling) {
        self.model = model
        maxTokens = sampling.maxTokens ?? AnthropicConfig.defaultMaxTokens
        system = request.system.isEmpty ? nil : request.system
        temperature = sampling.temperature
        topP = sampling.topP
        stopSequences = sampling.stop
        messages = Self.alternating(request.messages)
    }

    /// The conversation as alternating turns starting and ending with the user.
    static func alternating(_ entries: [ChatMessage]) -> [Message] {
        var turns: [Message] = []
        for entry in entries where !entry.content.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            let role = entry.role == .assistant ? "assistant" : "user"
            if let last = turns.last, last.role == role {
                turns[turns.count - 1].content += "\n\n" + entry.content
            } else {
                turns.append(Message(role: role, content: entry.content))
            }
        }
        if turns.first?.role == "assistant" { turns.insert(Message(role: "user", content: openingTurn), at: 0) }
        if turns.last?.role != "user" { turns.append(Message(role: "user", content: closingTurn)) }
        return turns
    }
}
