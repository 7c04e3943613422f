import Foundation
import Logging
import Testing
@testable import ParleyBench
@testable import ParleyModels

@Suite("First-token probe")
struct FirstTokenProbeTests {
    @Test("measures both ways against a real server with the same body, each run over a new connection")
    func measures() async throws {
        let capture = Captures.bytes("openai.sse")
        try await Harness.run(script: { _, _ in Wire.streamed(capture) }) { harness in
            let measurement = try await FirstTokenProbe.measure(harness.openAI(), prompt: "Say hi.", runs: 2, context: harness.context)
            #expect(measurement.throughParley.count == 2)
            #expect(measurement.direct.count == 2)
            #expect((measurement.throughParley + measurement.direct).allSatisfy { $0 > .zero })
            #expect(measurement.description.contains("through Parley"))

            let requests = harness.server.requests
            #expect(requests.count == 5, "a warm-up, then two of each way")
            #expect(Set(requests.map(\.body)).count == 1, "every request carries the same body")
            let body = requests[0].json()
            #expect(body["max_tokens"] as? Int == FirstTokenProbe.probeTokens)
            #expect((body["messages"] as? [[String: String]])?.first?["content"] == "Say hi.")
            #expect(Set(requests.map(\.connection)).count == requests.count, "every run connects anew, both ways")
            #expect(requests.allSatisfy { $0.header("connection") == "close" }, "a loopback server: a connection each")
            #expect(requests.allSatisfy { $0.header("authorization") == "Bearer \(Harness.key)" && $0.header("host") == "127.0.0.1:\(harness.server.port)" })
        }
    }

    @Test("an https base URL is refused: the direct way speaks no TLS")
    func httpsRefused() async {
        let error = await modelError {
            _ = try await FirstTokenProbe.measure(OpenAIConfig(baseURL: "https://api.openai.com/v1", model: "gpt-4o-mini"), prompt: "hi")
        }
        #expect(error?.kind == .configuration)
    }

    @Test("the chunked-body decoder gives the same bytes whatever the split")
    func chunkedBody() throws {
        let payload = Array("data: café ☕\n\n".utf8)
        let wire = Wire.chunk(payload.prefix(5)) + Wire.chunk(payload.dropFirst(5)) + Wire.lastChunk
        for split in 0...wire.count {
            var decoder = ChunkedBody()
            let bytes = try decoder.feed(wire[..<split]) + decoder.feed(wire[split...])
            #expect(bytes == payload, "split at \(split)")
            #expect(decoder.isDone)
        }
    }
}

@Suite("File log handler")
struct FileLogHandlerTests {
    @Test("writes one line per message with its level, label and sorted metadata, escaping control characters")
    func lines() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parley-log-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try LogFile(path: path)
        var logger = Logger(label: "parley.test") { FileLogHandler(label: $0, file: file, level: .info) }
        logger[metadataKey: "debate"] = "pricing"
        logger.debug("hidden")
        logger.info("two\nlines\u{1B}[31m", metadata: ["b": "2", "a": "x y"])
        file.close()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines[0].hasSuffix(" info parley.test: two\\nlines\\u{1b}[31m a=x y b=2 debate=pricing"))
    }

    @Test("a log file that cannot be opened says where and what to check")
    func unopenable() {
        do throws(LogFileError) {
            _ = try LogFile(path: "/nonexistent-dir/parley.log")
            Issue.record("the file should not open")
        } catch {
            #expect(error.message.hasPrefix("cannot open the log file /nonexistent-dir/parley.log:"))
            #expect(error.message.hasSuffix("check that its directory exists and is writable"))
        }
    }
}
