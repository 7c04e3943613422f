import Testing
@testable import ParleyModels

@Suite("API key scrubbing")
struct KeyScrubTests {
    private func server(key: String?) throws -> ModelServer {
        ModelServer(
            dialect: .openAI, address: try ServerAddress("http://127.0.0.1:8571/v1"), model: "smollm2",
            keyVariable: key == nil ? nil : "PARLEY_TEST_KEY", key: key, apiVersion: nil, extraHeaders: [:])
    }

    @Test("a key echoed across the length cap keeps none of its start")
    func acrossTheCap() async throws {
        let prefix = "Incorrect API key provided: "
        let padding = String(repeating: "a", count: ServerMessage.maximumLength - 8 - prefix.count)
        let echo = #"{"error":{"message":"\#(prefix)\#(padding)\#(Harness.key).","type":"invalid_request_error"}}"#
        try await Harness.run(script: { _, _ in Wire.json(401, "Unauthorized", echo) }) { harness in
            let error = await modelError {
                try await OpenAIBackend(config: harness.openAI(), context: harness.context).reply(to: sampleRequest, onChunk: { _ in })
            }
            let message = try #require(error?.message)
            #expect(message.contains(padding))
            #expect(!message.contains(String(Harness.key.prefix(4))), "no start of the key survives the cut")
            #expect(!harness.log.contains(String(Harness.key.prefix(4))))
        }
    }

    @Test("a short key (4 characters) is scrubbed too")
    func shortKey() async throws {
        let key = "z9q4"
        let echo = #"{"error":{"message":"key z9q4 is not valid","type":"invalid_request_error"}}"#
        try await Harness.run(environment: ["PARLEY_TEST_KEY": key], script: { _, _ in Wire.json(401, "Unauthorized", echo) }) { harness in
            let error = await modelError {
                try await OpenAIBackend(config: harness.openAI(), context: harness.context).reply(to: sampleRequest, onChunk: { _ in })
            }
            #expect(error?.message.contains("key [redacted] is not valid") == true)
            #expect(error?.message.contains(key) == false)
        }
    }

    @Test("a start of the key that ends a text is scrubbed; keys under 4 characters and other texts are left alone")
    func edges() throws {
        let scrubbing = try server(key: Harness.key)
        #expect(scrubbing.scrub("body cut at \(Harness.key.prefix(9))") == "body cut at [redacted]")
        #expect(scrubbing.scrub("twice: \(Harness.key) \(Harness.key)") == "twice: [redacted] [redacted]")
        #expect(scrubbing.scrub("ends in sk-") == "ends in sk-", "fewer than 4 characters of a key say nothing")
        #expect(scrubbing.scrub("no key here") == "no key here")
        #expect(try server(key: "abc").scrub("abc is not a secret") == "abc is not a secret")
        #expect(try server(key: nil).scrub("nothing to hide") == "nothing to hide")
        #expect(scrubbing.quote("\u{1B}[31m\(Harness.key)\n") == "[31m[redacted]")
    }
}
