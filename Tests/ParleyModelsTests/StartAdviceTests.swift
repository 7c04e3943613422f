import Testing
@testable import ParleyModels

@Suite("What to start when nothing answers")
struct StartAdviceTests {
    private struct Refused: Error, CustomStringConvertible {
        var description: String { "Connection errors: connect(descriptor:addr:size:): Connection refused (errno: 111)" }
    }

    private func advice(_ baseURL: String) throws -> String {
        let address = try ServerAddress(baseURL)
        let server = ModelServer(
            dialect: .openAI, address: address, model: "smollm2", keyVariable: nil, key: nil, apiVersion: nil, extraHeaders: [:])
        return server.connectionFailure(Refused(), url: address.url("chat/completions")).message
    }

    @Test("the server that usually listens on the URL's port is the one suggested, not always Ollama",
          arguments: [
            ("http://127.0.0.1:8080/v1", "llama.cpp's llama-server running? start it with `llama-server -m MODEL.gguf --port 8080`"),
            ("http://localhost:8571/v1", "llama.cpp's llama-server running? start it with `llama-server -m MODEL.gguf --port 8571`"),
            ("http://127.0.0.1:11434/v1", "is Ollama running? start it with `ollama serve`"),
            ("http://127.0.0.1:8000/v1", "is vLLM running? start it with `vllm serve MODEL --port 8000`"),
            ("http://127.0.0.1:1234/v1", "is LM Studio's server running?"),
          ])
    func byPort(baseURL: String, expected: String) throws {
        let message = try advice(baseURL)
        #expect(message.hasPrefix("cannot connect to \(baseURL) (connection refused) — "))
        #expect(message.contains(expected))
    }

    @Test("only Ollama's port suggests `ollama serve` first; another local port names llama-server first")
    func otherPorts() throws {
        for url in ["http://127.0.0.1:8080/v1", "http://127.0.0.1:8000/v1", "http://127.0.0.1:1234/v1"] {
            #expect(try !advice(url).contains("ollama"))
        }
        let other = try advice("http://127.0.0.1:9999/v1")
        #expect(other.contains("`llama-server -m MODEL.gguf --port 9999`"))
        #expect(try advice("https://models.example.com/v1").hasSuffix("check `base_url` and your network"))
    }
}
