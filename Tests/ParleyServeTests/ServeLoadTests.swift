import AsyncHTTPClient
import Foundation
import NIOHTTP1
import Testing

@Suite("parley serve: many clients, and clients that go")
struct ServeLoadTests {
    @Test("100 clients streaming at once each get every event, while clients that leave early hold nothing up")
    func hundredClients() async throws {
        try await ServedParley.with { server in
            let id = try await server.startDebate(ServedDebates.small(rounds: 3))
            // Clients that read the first event and go (their connections close).
            for _ in 0..<20 {
                var leaving = try await server.events(id)
                #expect(try await leaving.next()?.id == 1)
            }
            let readers = try await withThrowingTaskGroup(of: [Int].self) { group in
                for _ in 0..<100 {
                    group.addTask {
                        var stream = try await server.events(id)
                        return try await stream.read(through: "debateFinished").map(\.id)
                    }
                }
                #expect(try await server.send(.POST, "/debates/\(id)/commands", body: #"{"command":"resume"}"#).status == 202)
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(readers.count == 100)
            let expected = Array(1...(readers.first?.count ?? 0))
            #expect(expected.count > 20)
            #expect(readers.allSatisfy { $0 == expected }, "every client saw every event once, in order")
        }
    }
}

@Suite("parley serve: after a restart")
struct ServeRestartTests {
    @Test("a restarted server lists the debates its data folder holds, streams them and refuses commands (409)")
    func servesRecordings() async throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("parley-serve-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: data) }
        var earlier: [StreamedEvent] = []
        var id = ""
        try await ServedParley.with(data: data, keepingData: true) { server in
            id = try await server.startDebate(ServedDebates.small(pace: "live"))
            var stream = try await server.events(id)
            earlier = try await stream.read(through: "debateFinished")
        }
        // A recording cut short, as a killed server leaves it.
        let cut = try String(contentsOfFile: "\(data)/\(id).jsonl", encoding: .utf8).split(separator: "\n").prefix(3)
        try (cut.joined(separator: "\n") + "\n").write(toFile: "\(data)/cut.jsonl", atomically: true, encoding: .utf8)
        try "not a log\n".write(toFile: "\(data)/junk.jsonl", atomically: true, encoding: .utf8)

        try await ServedParley.with(data: data, keepingData: true) { server in
            let listed = try #require(try await server.json(.GET, "/debates").object as? [[String: Any]])
            #expect(Set(listed.compactMap { $0["id"] as? String }) == [id, "cut"], "the junk file is skipped")
            let finished = try #require(listed.first { $0["id"] as? String == id })
            #expect(finished["state"] as? String == "finished")
            #expect(finished["title"] as? String == "Served")
            #expect(listed.first { $0["id"] as? String == "cut" }?["state"] as? String == "interrupted")

            var again = try await server.events(id)
            let replayed = try await again.read(through: "debateFinished")
            #expect(replayed.map(\.data) == earlier.filter { !$0.type.hasSuffix("Delta") }.map(\.data))
            var short = try await server.events("cut")
            var shortEvents: [StreamedEvent] = []
            while let event = try await short.next() { shortEvents.append(event) }
            #expect(shortEvents.map(\.id) == [1, 2])

            let late = try await server.send(.POST, "/debates/\(id)/commands", body: #"{"command":"resume"}"#)
            #expect(late.status == 409)
            #expect(try await server.send(.POST, "/debates/cut/commands", body: #"{"command":"resume"}"#).status == 409)
        }
    }
}
