/// The JSON body of a streamed chat-completions request.
package struct OpenAIRequestBody: RequestBody {
    /// One message on the wire.
    struct Message: Encodable, Sendable, Hashable {
        var role: String
        var content: String
    }

    /// `{"include_usage": true}`: ask for a final usage chunk.
    struct StreamOptions: Encodable, Sendable {
        var includeUsage = true
        enum CodingKeys: String, CodingKey { case includeUsage = "include_usage" }
    }

    var model: String
    var messages: [Message]
    var stream = true
    var streamOptions = StreamOptions()
    var temperature: Double?
    var maxTokens: Int?
    var maxCompletionTokens: Int?
    var seed: Int?
    var topP: Double?
    var frequencyPenalty: Double?
    var presencePenalty: Double?
    var stop: [String]?
    var repeatPenalty: Double?

    enum CodingKeys: String, CodingKey {
        case model, messages, stream, temperature, seed, stop
        case streamOptions = "stream_options"
        case maxTokens = "max_tokens"
        case maxCompletionTokens = "max_completion_tokens"
        case topP = "top_p"
        case frequencyPenalty = "frequency_penalty"
        case presencePenalty = "presence_penalty"
        case repeatPenalty = "repeat_penalty"
    }

    /// The body for `request`: the system prompt, then the conversation by role.
    ///
    /// The token limit goes in `max_tokens`, which every local server reads, except on
    /// api.openai.com, whose newer models take only `max_completion_tokens`.
    package init(_ request: ChatRequest, model: String, sampling: Sampling, host: String?) {
        self.model = model
        var messages: [Message] = []
        if !request.system.isEmpty { messages.append(Message(role: "system", content: request.system)) }
        messages += request.messages.map { Message(role: $0.role.rawValue, content: $0.content) }
        self.messages = messages
        temperature = sampling.temperature
        seed = sampling.seed
        topP = sampling.topP
        frequencyPenalty = sampling.frequencyPenalty
        presencePenalty = sampling.presencePenalty
        stop = sampling.stop
        repeatPenalty = sampling.repeatPenalty
        if host?.lowercased() == "api.openai.com" {
            maxCompletionTokens = sampling.maxTokens
        } else {
            maxTokens = sampling.maxTokens
        }
    }
}
