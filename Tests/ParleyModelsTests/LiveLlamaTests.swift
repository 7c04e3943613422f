import Foundation
import Testing
@testable import ParleyBench
@testable import ParleyModels

/// Runs only when PARLEY_LLAMA_URL names a running llama.cpp server, e.g.
/// `PARLEY_LLAMA_URL=$(/work/shared/tools/llama-server start) swift test --filter LiveLlama`.
@Suite("Live llama.cpp server", .enabled(if: ProcessInfo.processInfo.environment["PARLEY_LLAMA_URL"] != nil))
struct LiveLlamaTests {
    private var config: OpenAIConfig {
        OpenAIConfig(
            baseURL: ProcessInfo.processInfo.environment["PARLEY_LLAMA_URL"] ?? "", model: "smollm2",
            sampling: Sampling(temperature: 0, maxTokens: 12, seed: 1), http: HTTPSettings(idleTimeout: 300))
    }

    @Test("streams a short reply with usage, and measures the time to first token both ways")
    func liveReply() async throws {
        try await ModelHTTPClient.withOwnClient { client in
            let context = HTTPModelContext(client: client)
            let chunks = ChunkLog()
            try await OpenAIBackend(config: config, context: context).reply(to: sampleRequest, onChunk: chunks.record)
            #expect(!chunks.text.isEmpty)
            let usage = try #require(chunks.usage)
            #expect(usage.promptTokens > 0 && usage.completionTokens > 0)
            print("llama.cpp replied: \(chunks.text.debugDescription) (\(usage.promptTokens) prompt, \(usage.completionTokens) completion tokens)")

            let ping = await OpenAIBackend(config: config, context: context).ping()
            #expect(ping.ok, "\(ping.line)")

            let measurement = try await FirstTokenProbe.measure(config, prompt: "Say hello.", runs: 3, context: context)
            print("through Parley: \(measurement.throughParley), direct: \(measurement.direct) — \(measurement)")
            #expect(measurement.parleyMedian > .zero && measurement.directMedian > .zero)
        }
    }
}
