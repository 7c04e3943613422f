import AsyncHTTPClient
import Foundation
import NIOHTTP1
import Testing

@Suite("parley serve: starting a debate and streaming its events")
struct ServeStreamTests {
    @Test("a posted debate streams its history, then live events, with ids that are its seqs")
    func historyThenLive() async throws {
        try await ServedParley.with { server in
            let id = try await server.startDebate(ServedDebates.small())
            var stream = try await server.events(id)
            let opening = try await stream.read(through: "debateStarted")
            #expect(opening.map(\.id) == [1])

            let injected = try await server.send(.POST, "/debates/\(id)/commands", body: #"{"command":"inject","text":"Hello peers","to":["pm"]}"#)
            #expect(injected.status == 202)
            let heard = try await stream.read(through: "humanMessage")
            #expect(heard.last?.data.contains("Hello peers") == true)

            let resumed = try await server.send(.POST, "/debates/\(id)/commands", body: #"{"command":"resume"}"#)
            #expect(resumed.status == 202)
            let rest = try await stream.read(through: "debateFinished")
            let all = opening + heard + rest
            #expect(all.map(\.id) == Array(1...all.count), "no gap and no duplicate")
            #expect(all.contains { $0.type == "messageCompleted" })
            for event in all {
                let object = try JSONSerialization.jsonObject(with: Data(event.data.utf8)) as? [String: Any]
                #expect(object?["seq"] as? Int == event.id)
                #expect(object?["type"] as? String == event.type)
            }
            #expect(try await stream.next() == nil, "the stream ends with the debate")
        }
    }

    @Test("a client that comes back with Last-Event-ID gets exactly the events after it")
    func resumesAfterLastEventID() async throws {
        try await ServedParley.with { server in
            let id = try await server.startDebate(ServedDebates.small(pace: "live"))
            var first = try await server.events(id)
            let whole = try await first.read(through: "debateFinished")
            let cut = whole.count / 2
            var again = try await server.events(id, lastEventID: whole[cut - 1].id)
            let after = try await again.read(through: "debateFinished")
            #expect(after.map(\.id) == whole[cut...].map(\.id))
            #expect(after.map(\.data) == whole[cut...].map(\.data))

            // Its recording is the same events, without the streamed pieces.
            let log = try await server.send(.GET, "/debates/\(id)/log")
            #expect(log.status == 200)
            let lines = log.body.split(separator: "\n").map(String.init)
            #expect(lines.first?.contains("event-log") == true)
            #expect(Array(lines.dropFirst()) == whole.filter { !$0.type.hasSuffix("Delta") }.map(\.data))
        }
    }

    @Test("the list shows each debate's title, state, round, peers and start")
    func listsDebates() async throws {
        try await ServedParley.with { server in
            let id = try await server.startDebate(ServedDebates.small())
            var stream = try await server.events(id)
            _ = try await stream.read(through: "debateStarted")
            let (status, object) = try await server.json(.GET, "/debates")
            #expect(status == 200)
            let listed = try #require((object as? [[String: Any]])?.first)
            #expect(listed["id"] as? String == id)
            #expect(listed["title"] as? String == "Served")
            #expect(listed["state"] as? String == "paused")
            #expect(listed["peers"] as? [String] == ["pm", "eng"])
            #expect(abs((listed["started"] as? Double ?? 0) - Date.now.timeIntervalSince1970) < 60)

            _ = try await server.send(.POST, "/debates/\(id)/commands", body: #"{"command":"stop"}"#)
            _ = try await stream.read(through: "debateFinished")
            let after = try await server.json(.GET, "/debates")
            #expect((after.object as? [[String: Any]])?.first?["state"] as? String == "finished")
        }
    }

    @Test("pause holds a running debate, and the list says so")
    func pauseHolds() async throws {
        try await ServedParley.with { server in
            let id = try await server.startDebate(ServedDebates.small(pace: "live", rounds: 200))
            var stream = try await server.events(id)
            _ = try await stream.read(through: "messageCompleted")
            #expect(try await server.send(.POST, "/debates/\(id)/commands", body: #"{"command":"pause"}"#).status == 202)
            var paused = false
            while !paused, let event = try await stream.next() {
                paused = event.type == "paceChanged" && event.data.contains(#""paused""#)
            }
            #expect(paused)
            let listed = try await server.json(.GET, "/debates")
            #expect((listed.object as? [[String: Any]])?.first?["state"] as? String == "paused")
            #expect(try await server.send(.POST, "/debates/\(id)/commands", body: #"{"command":"stop"}"#).status == 202)
            let end = try await stream.read(through: "debateFinished")
            #expect(end.last?.data.contains("stopped") == true)
        }
    }
}
