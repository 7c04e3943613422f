import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Testing

@Suite("the parley serve program")
struct ServeProgramTests {
    /// `.build/debug/parley`, found from this file's path.
    static let program = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".build/debug/parley").path

    @Test("Ctrl-C stops every debate, ends every open event stream after debateFinished, closes the recordings whole and exits 130")
    func interruptEndsCleanly() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.program), "\(Self.program) is missing: build it first with `swift build`")
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("parley-serve-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: data) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.program)
        process.arguments = ["serve", "--listen", "127.0.0.1:0", "--data", data]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let (lines, line) = AsyncStream.makeStream(of: String.self)
        errors.fileHandleForReading.readabilityHandler = { handle in
            let chunk = handle.availableData
            if chunk.isEmpty { line.finish() } else { line.yield(String(decoding: chunk, as: UTF8.self)) }
        }
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        var said = ""
        var reading = lines.makeAsyncIterator()
        while !said.contains("\n"), let chunk = await reading.next() { said += chunk }
        let address = try #require(said.firstRange(of: #/http://127\.0\.0\.1:\d+/#).map { String(said[$0]) }, "said: \(said)")

        var request = HTTPClientRequest(url: address + "/debates")
        request.method = .POST
        request.body = .bytes(ByteBuffer(string: ServedDebates.small()))
        let started = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let body = try await started.body.collect(upTo: 1 << 16)
        let id = try #require((try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any])?["id"] as? String)

        let stream = try await HTTPClient.shared.execute(HTTPClientRequest(url: address + "/debates/\(id)/events"), timeout: .seconds(30))
        var events = EventStreamReader(body: stream.body.makeAsyncIterator())
        _ = try await events.read(through: "debateStarted")

        process.interrupt()
        let end = try await events.read(through: "debateFinished")
        #expect(end.last?.data.contains(#""reason":"stopped""#) == true)
        #expect(try await events.next() == nil)
        let status = await Task.detached {
            process.waitUntilExit()
            return process.terminationStatus
        }.value
        #expect(status == 130)
        let recording = try String(contentsOfFile: "\(data)/\(id).jsonl", encoding: .utf8)
        #expect(recording.split(separator: "\n").last?.contains("debateFinished") == true)
    }
}
