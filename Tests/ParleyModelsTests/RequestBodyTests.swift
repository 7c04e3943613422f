import Foundation
import ParleyCore
import Testing
@testable import ParleyModels

@Suite("Request bodies")
struct RequestBodyTests {
    private func request(_ messages: [ChatMessage], system: String = "You are the CFO.") -> ChatRequest {
        ChatRequest(agent: "cfo", purpose: .turn(round: 2), system: system, messages: messages, participants: [])
    }

    private func json(_ bytes: [UInt8]) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] ?? [:]
    }

    private let conversation = [
        ChatMessage(role: .assistant, content: "I said this.", kind: .own),
        ChatMessage(role: .user, content: "PM: ship it.", kind: .peer),
        ChatMessage(role: .user, content: "you: what about cost?", kind: .human),
        ChatMessage(role: .system, content: "Answer in two sentences.", kind: .instruction),
        ChatMessage(role: .assistant, content: "Cost is fine.", kind: .own),
    ]

    @Test("OpenAI: system first, then every message by role; streaming with usage; sampling as set")
    func openAIBody() {
        let sampling = Sampling(temperature: 0.2, maxTokens: 300, seed: 7)
        let body = json(OpenAIRequestBody(request(conversation), model: "llama3.2", sampling: sampling, host: "127.0.0.1").encoded())
        let messages = body["messages"] as? [[String: String]] ?? []
        #expect(messages.map { $0["role"] ?? "" } == ["system", "assistant", "user", "user", "system", "assistant"])
        #expect(messages.first?["content"] == "You are the CFO.")
        #expect(messages[2]["content"] == "PM: ship it.")
        #expect(body["model"] as? String == "llama3.2")
        #expect(body["stream"] as? Bool == true)
        #expect((body["stream_options"] as? [String: Bool])?["include_usage"] == true)
        #expect(body["temperature"] as? Double == 0.2)
        #expect(body["max_tokens"] as? Int == 300)
        #expect(body["seed"] as? Int == 7)
        #expect(body["max_completion_tokens"] == nil)
    }

    @Test("OpenAI: unset sampling options are left out; api.openai.com gets max_completion_tokens")
    func openAIOptionalFields() {
        let plain = json(OpenAIRequestBody(request([], system: ""), model: "m", sampling: Sampling(), host: "localhost").encoded())
        #expect(plain["temperature"] == nil && plain["max_tokens"] == nil && plain["seed"] == nil)
        #expect((plain["messages"] as? [Any])?.isEmpty == true, "an empty system prompt is not sent")
        let openAI = json(OpenAIRequestBody(request([]), model: "gpt-4o-mini", sampling: Sampling(maxTokens: 64), host: "api.openai.com").encoded())
        #expect(openAI["max_completion_tokens"] as? Int == 64)
        #expect(openAI["max_tokens"] == nil)
    }

    @Test("Anthropic: system top-level, turns alternate from a user turn, same roles merged with a blank line")
    func anthropicBody() {
        let body = json(AnthropicRequestBody(request(conversation), model: "claude-x", sampling: Sampling(temperature: 0.5, maxTokens: 200)).encoded())
        #expect(body["system"] as? String == "You are the CFO.")
        #expect(body["max_tokens"] as? Int == 200)
        #expect(body["stream"] as? Bool == true)
        #expect(body["temperature"] as? Double == 0.5)
        let messages = body["messages"] as? [[String: String]] ?? []
        #expect(messages.map { $0["role"] ?? "" } == ["user", "assistant", "user", "assistant", "user"])
        #expect(messages[0]["content"] == AnthropicRequestBody.openingTurn)
        #expect(messages[2]["content"] == "PM: ship it.\n\nyou: what about cost?\n\nAnswer in two sentences.")
        #expect(messages[4]["content"] == AnthropicRequestBody.closingTurn)
    }

    @Test("Anthropic: max_tokens is always sent, empty entries dropped, an empty conversation still has a user turn")
    func anthropicDefaults() {
        let body = json(AnthropicRequestBody(
            request([ChatMessage(role: .user, content: "  ", kind: .peer)], system: ""), model: "claude-x", sampling: Sampling()).encoded())
        #expect(body["max_tokens"] as? Int == AnthropicConfig.defaultMaxTokens)
        #expect(body["system"] == nil)
        #expect((body["messages"] as? [[String: String]]) == [["role": "user", "content": AnthropicRequestBody.closingTurn]])
    }
}

@Suite("Retry policy")
struct RetryPolicyTests {
    private let policy = RetryPolicy(maxAttempts: 4)

    @Test("a server's retry-after in seconds, milliseconds or as an HTTP date is honoured from 0 to 60 s")
    func serverDelays() {
        #expect(RetryPolicy.serverDelay(in: ["retry-after": "7"]) == 7)
        #expect(RetryPolicy.serverDelay(in: ["retry-after-ms": "1500", "retry-after": "9"]) == 1.5)
        let now = Date(timeIntervalSince1970: 1_445_412_470)  // Wed, 21 Oct 2015 07:27:50 GMT
        #expect(RetryPolicy.serverDelay(in: ["retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"], now: now) == 10)
        #expect(RetryPolicy.serverDelay(in: [:]) == nil)
        #expect(policy.delay(after: 1, serverDelay: 7) == 7)
        #expect(policy.delay(after: 1, serverDelay: 0) == 0)
    }

    @Test("without a usable server delay the wait is a capped exponential backoff with jitter")
    func backoff() {
        #expect(policy.delay(after: 1, serverDelay: nil, random: 0) == 0.5)
        #expect(policy.delay(after: 2, serverDelay: nil, random: 0) == 1)
        #expect(policy.delay(after: 3, serverDelay: nil, random: 1) == 2 * 0.75)
        #expect(policy.delay(after: 9, serverDelay: nil, random: 0) == 8, "capped")
        #expect(policy.delay(after: 1, serverDelay: 120, random: 0) == 0.5, "a server asking for more than 60 s gets the backoff")
        #expect(policy.delay(after: 1, serverDelay: -3, random: 0) == 0.5)
        for attempt in 1...6 {
            let delay = policy.delay(after: attempt, serverDelay: nil)
            let full = min(8, 0.5 * Double(1 << (attempt - 1)))
            #expect(delay >= full * 0.75 && delay <= full)
        }
    }
}

@Suite("Server messages")
struct ServerMessageTests {
    private func said(_ body: String) -> ServerMessage? { ServerMessage(body: Array(body.utf8)) }

    @Test("every server's error shape gives its own words", arguments: [
        (#"{"error":{"message":"Incorrect API key provided.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"#, "Incorrect API key provided."),
        (#"{"error":"model 'llama3' not found"}"#, "model 'llama3' not found"),
        (#"{"type":"error","error":{"type":"not_found_error","message":"model: claude-nope"}}"#, "model: claude-nope"),
        (#"{"object":"error","message":"The model `x` does not exist.","type":"NotFoundError","param":null,"code":404}"#, "The model `x` does not exist."),
        (#"{"error":{"code":400,"message":"request (3031 tokens) exceeds the available context size (2048 tokens), try increasing it","type":"exceed_context_size_error","n_prompt_tokens":3031,"n_ctx":2048}}"#, "request (3031 tokens) exceeds the available context size (2048 tokens), try increasing it"),
        (#"{"detail":"Not Found"}"#, "Not Found"),
        ("upstream connect error\r\nor disconnect", "upstream connect error or disconnect"),
    ])
    func shapes(body: String, text: String) {
        #expect(said(body)?.text == text)
    }

    @Test("types and codes mark passing failures")
    func transient() {
        #expect(said(#"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#)?.isTransient == true)
        #expect(said(#"{"error":{"message":"boom","type":"BadRequestError","code":400}}"#)?.isTransient == false)
        #expect(said(#"{"error":{"message":"slow down","code":429}}"#)?.isTransient == true)
        #expect(said("") == nil)
    }
}
