import Foundation
import NIOCore
import Testing
@testable import ParleyModels

@Suite("Sending a request again")
struct ResendTests {
    @Test("a connection closed after the server read the request is retried visibly, never resent in silence")
    func closedAfterTheRequest() async throws {
        let capture = Captures.bytes("openai.sse")
        try await Harness.run(script: { _, index in index == 0 ? [.close] : Wire.streamed(capture) }) { harness in
            let chunks = ChunkLog()
            try await OpenAIBackend(config: harness.openAI(), context: harness.context).reply(to: sampleRequest, onChunk: chunks.record)
            #expect(chunks.retries.count == 1, "the server may have read the request: a repeat must be reported")
            #expect(chunks.retries.first?.reason == "\(harness.server.baseURL)/chat/completions closed the connection without answering — the server may have failed or restarted; check its log")
            #expect(harness.sleeps.all.count == 1)
            #expect(harness.log.contains("try 1 of 4 failed, retrying"))
            #expect(chunks.text.hasPrefix("Margins first"))
            #expect(harness.server.requests.count == 2)
        }
    }

    @Test("only a request that could not be written counts as never sent")
    func neverSent() {
        #expect(ModelHTTPClient.wasNotSent(ChannelError.ioOnClosedChannel))
        #expect(ModelHTTPClient.wasNotSent(IOError(errnoCode: EPIPE, reason: "write")))
        #expect(!ModelHTTPClient.wasNotSent(IOError(errnoCode: ECONNRESET, reason: "read")))
        #expect(!ModelHTTPClient.wasNotSent(ChannelError.eof))
        #expect(!ModelHTTPClient.wasNotSent(CancellationError()))
    }
}
