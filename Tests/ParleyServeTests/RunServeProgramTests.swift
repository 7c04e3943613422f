import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Testing

@Suite("parley run --serve, the real program")
struct RunServeProgramTests {
    static func debateFile() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parley-run-serve-\(UUID().uuidString).yaml").path
        try ServedDebates.small().write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Runs `body` with `parley run FILE --headless --serve-on 127.0.0.1:0` of a small paused
    /// debate: the program, the URL it serves the debate at, and a client's event stream of it,
    /// read through `debateStarted`.
    static func servedRun(_ body: (ParleyProcess, String, inout EventStreamReader) async throws -> Void) async throws {
        let file = try debateFile()
        defer { try? FileManager.default.removeItem(atPath: file) }
        let run = try ParleyProcess(["run", file, "--headless", "--serve-on", "127.0.0.1:0"])
        defer { if run.process.isRunning { run.process.terminate() } }
        let said = await run.said(through: "serving this debate at")
        let debate = try #require(
            said.firstRange(of: #/http://127\.0\.0\.1:\d+/debates/[0-9a-f]+/#).map { String(said[$0]) }, "said: \(said)")
        let stream = try await HTTPClient.shared.execute(HTTPClientRequest(url: debate + "/events"), timeout: .seconds(30))
        var events = EventStreamReader(body: stream.body.makeAsyncIterator())
        _ = try await events.read(through: "debateStarted")
        try await body(run, debate, &events)
    }

    @Test("headless with --serve, a client streams the debate's events, and its message shows in the headless output; it starts no other debate; the server stops with the debate")
    func servesTheRun() async throws {
        try await Self.servedRun { run, debate, events in
            let base = String(debate[..<debate.range(of: "/debates/")!.lowerBound])
            // It serves this debate only: it starts no other, nor forks.
            for (path, body) in [("/debates", ServedDebates.small()), (debate.dropFirst(base.count) + "/fork", #"{"at":1}"#)] {
                var request = HTTPClientRequest(url: base + path)
                request.method = .POST
                request.body = .bytes(ByteBuffer(string: body))
                let refused = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
                #expect(refused.status == .forbidden)
                #expect(String(buffer: try await refused.body.collect(upTo: 1 << 16)).contains("start debates on `parley serve`"))
            }

            for command in [#"{"command":"inject","text":"A word from the other terminal","to":["eng"]}"#, #"{"command":"resume"}"#] {
                var request = HTTPClientRequest(url: debate + "/commands")
                request.method = .POST
                request.body = .bytes(ByteBuffer(string: command))
                #expect(try await HTTPClient.shared.execute(request, timeout: .seconds(30)).status == .accepted)
            }
            let heard = try await events.read(through: "humanMessage")
            #expect(heard.last?.data.contains("A word from the other terminal") == true)
            _ = try await events.read(through: "debateFinished")
            #expect(try await events.next() == nil)

            let (status, output) = await run.ending()
            #expect(status == 0)
            #expect(output.contains("A word from the other terminal"), "the remote message shows in the local debate: \(output)")
            // (Refused at once; the client retries connecting until the deadline.)
            await #expect(throws: (any Error).self, "the server stopped with the debate") {
                _ = try await HTTPClient.shared.execute(HTTPClientRequest(url: base + "/debates"), timeout: .seconds(1))
            }
        }
    }

    @Test("Ctrl-C on a headless run --serve stops the debate, and a client's event stream ends whole after debateFinished before it exits 130")
    func interruptEndsStreamsWhole() async throws {
        try await Self.servedRun { run, _, events in
            run.process.interrupt()
            let end = try await events.read(through: "debateFinished")
            #expect(end.last?.data.contains(#""reason":"stopped""#) == true)
            #expect(try await events.next() == nil)
            #expect(await run.ending().status == 130)
        }
    }

    @Test("a port in use is refused before the debate starts, naming the address and what to try")
    func portInUse() async throws {
        let file = try Self.debateFile()
        defer { try? FileManager.default.removeItem(atPath: file) }
        try await ServedParley.with { server in
            let address = String(server.base.dropFirst("http://".count))
            let run = try ParleyProcess(["run", file, "--headless", "--serve-on", address])
            let said = await run.said(through: "\u{0}")
            let (status, output) = await run.ending()
            #expect(status == 1)
            #expect(said.contains("cannot serve the debate on \(address)"))
            #expect(said.contains("try another address with --serve-on"))
            #expect(output.isEmpty, "the debate did not start: \(output)")
        }
    }
}
