import AsyncHTTPClient
import Foundation
import NIOHTTP1
import Testing

@Suite("parley serve: replaying and forking served debates, across a restart")
struct ServeForkTests {
    @Test("a restarted server replays a finished debate's events and forks it at a turn; the fork's recording names its parent")
    func forkAfterRestart() async throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("parley-fork-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: data) }
        var id = ""
        var live: [StreamedEvent] = []
        try await ServedParley.with(data: data, keepingData: true) { server in
            id = try await server.startDebate(ServedDebates.small(pace: "live", rounds: 2))
            var stream = try await server.events(id)
            live = try await stream.read(through: "debateFinished")
        }

        try await ServedParley.with(data: data, keepingData: true) { server in
            let listed = try #require(try await server.json(.GET, "/debates").object as? [[String: Any]])
            #expect(listed.map { $0["id"] as? String } == [id])
            #expect(listed.first?["state"] as? String == "finished")

            // Its replay: the recorded events (without the streamed pieces), through its end.
            var replay = try await server.events(id)
            let replayed = try await replay.read(through: "debateFinished")
            #expect(replayed.map(\.data) == live.filter { !$0.type.hasSuffix("Delta") }.map(\.data))
            #expect(try await replay.next() == nil)

            let messages = replayed.filter { $0.type == "messageCompleted" }.compactMap { Self.messageID($0.data) }
            #expect(messages.count == 4)
            let at = messages[2]
            let (status, object) = try await server.json(.POST, "/debates/\(id)/fork", body: #"{"at": \#(at)}"#)
            #expect(status == 201)
            let fork = try #require((object as? [String: Any])?["id"] as? String)
            #expect(fork != id)
            #expect((object as? [String: Any])?["events"] as? String == "/debates/\(fork)/events")

            var forked = try await server.events(fork)
            let opening = try #require(try await forked.next())
            #expect(opening.type == "debateStarted")
            #expect(opening.data.contains(#""parent":"\#(data)/\#(id).jsonl""#))
            #expect(opening.data.contains(#""message":\#(at)"#))
            let rest = try await forked.read(through: "debateFinished")
            let said = rest.filter { $0.type == "messageCompleted" }.compactMap { Self.messageID($0.data) }
            #expect(said == messages, "the shared turns, then the turn forked at said anew, and the rest")

            let recording = try String(contentsOfFile: "\(data)/\(fork).jsonl", encoding: .utf8)
            let first = try #require(recording.split(separator: "\n").dropFirst().first)
            #expect(first.contains(#""fork":{"#) && first.contains("\(id).jsonl"))
            let again = try #require(try await server.json(.GET, "/debates").object as? [[String: Any]])
            #expect(again.map { $0["id"] as? String } == [id, fork])
        }
    }

    @Test("a fork is refused with 404 for an unknown debate or turn, 400 for a bad body or the person's message, and 403 for a read-only token")
    func forkRefusals() async throws {
        try await ServedParley.with(environment: ["PARLEY_TOKEN": "steer", "PARLEY_READ_TOKEN": "watch"]) { server in
            #expect(try await server.send(.POST, "/debates/nope/fork", body: #"{"at":1}"#, token: "steer").status == 404)
            let id = try await server.startDebate(ServedDebates.small(), token: "steer")
            var stream = try await server.events(id, token: "steer")
            _ = try await stream.read(through: "debateStarted")
            let injected = try await server.send(
                .POST, "/debates/\(id)/commands", body: #"{"command":"inject","text":"Hi all"}"#, token: "steer")
            #expect(injected.status == 202)
            let human = try #require(try await stream.read(through: "humanMessage").last.flatMap { Self.messageID($0.data) })
            #expect(try await server.send(.POST, "/debates/\(id)/commands", body: #"{"command":"resume"}"#, token: "steer").status == 202)
            _ = try await stream.read(through: "debateFinished")

            let fork = "/debates/\(id)/fork"
            let unknown = try await server.send(.POST, fork, body: #"{"at":99}"#, token: "steer")
            #expect(unknown.status == 404)
            #expect(unknown.body.contains("no turn made message #99"))
            let person = try await server.send(.POST, fork, body: #"{"at":\#(human)}"#, token: "steer")
            #expect(person.status == 400)
            #expect(person.body.contains("the person's"))
            let words = try await server.send(.POST, fork, body: #"{"at":"twelve"}"#, token: "steer")
            #expect(words.status == 400)
            #expect(words.body.contains(#"\"at\" must name a peer's message"#))
            #expect(try await server.send(.POST, fork, body: "at=3", token: "steer").status == 400)
            #expect(try await server.send(.POST, fork, body: ##"{"at":"#2","rounds":0}"##, token: "steer").status == 400)
            #expect(try await server.send(.POST, fork, body: ##"{"at":"#2"}"##, token: "watch").status == 403)
            #expect(try await server.send(.POST, fork, body: ##"{"at":"#2"}"##, token: "steer").status == 201)
        }
    }

    @Test("a recording without its spec (event log version 1) is refused with 409, saying to fork its log with the debate file")
    func forkWithoutSpec() async throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("parley-fork-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: data) }
        let v1 = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ParleyEngineTests/Recordings/v1-demo.jsonl").path
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: v1, toPath: "\(data)/old.jsonl")
        try await ServedParley.with(data: data) { server in
            let refused = try await server.send(.POST, "/debates/old/fork", body: #"{"at":2}"#)
            #expect(refused.status == 409)
            #expect(refused.body.contains("parley fork LOG --at 2 --file FILE"))
            #expect(try await server.json(.GET, "/debates").object as? [[String: Any]] != nil)
            #expect((try await server.json(.GET, "/debates").object as? [[String: Any]])?.count == 1, "no fork started")
        }
    }

    /// The `id` of a `messageCompleted` or `humanMessage` event's message.
    static func messageID(_ data: String) -> Int? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any] else { return nil }
        let message = (object["message"] as? [String: Any]) ?? object
        return message["id"] as? Int
    }
}
