import AsyncHTTPClient
import Foundation
import NIOHTTP1
import Testing

@Suite("parley serve: stopping")
struct ServeShutdownTests {
    @Test("a server stopped while clients stream sends each stream whole, through its debate's debateFinished, however it is scheduled")
    func streamsEndWhole() async throws {
        for _ in 0..<20 {
            try await ServedParley.with { server in
                let id = try await server.startDebate(ServedDebates.small())
                var streams: [EventStreamReader] = []
                for _ in 0..<5 {
                    var stream = try await server.events(id)
                    _ = try await stream.read(through: "debateStarted")
                    streams.append(stream)
                }
                await server.stop()
                for index in streams.indices {
                    let end = try await streams[index].read(through: "debateFinished")
                    #expect(end.last?.data.contains(#""reason":"stopped""#) == true)
                    #expect(try await streams[index].next() == nil)
                }
            }
        }
    }
}
