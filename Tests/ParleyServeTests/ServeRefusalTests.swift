import AsyncHTTPClient
import Foundation
import NIOHTTP1
import ParleyServe
import Testing

@Suite("parley serve: bad requests, tokens and where it listens")
struct ServeRefusalTests {
    @Test("a bad debate file is refused with its problems' file, line and column")
    func badDebateFile() async throws {
        try await ServedParley.with { server in
            let yaml = ServedDebates.small().replacingOccurrences(of: "rounds: 1", with: "rouns: 1")
            let (status, object) = try await server.json(.POST, "/debates?name=mine.yaml", body: yaml)
            #expect(status == 400)
            let problems = try #require((object as? [String: Any])?["problems"] as? [[String: Any]])
            let problem = try #require(problems.first)
            #expect(problem["file"] as? String == "mine.yaml")
            #expect(problem["line"] as? Int == 3)
            #expect(problem["column"] as? Int == 1)
            #expect((problem["suggestion"] as? String)?.contains("rounds") == true)
            #expect(try await server.json(.GET, "/debates").object as? [Any] != nil)
            #expect((try await server.json(.GET, "/debates").object as? [Any])?.isEmpty == true, "nothing started")
        }
    }

    @Test("a posted debate cannot read the server's own token as an API key")
    func ownTokenRefused() async throws {
        try await ServedParley.with { server in
            let yaml = ServedDebates.small().replacingOccurrences(
                of: "    type: scripted\n    words_per_second: 1000",
                with: "    type: scripted\n    words_per_second: 1000\n  remote:\n    type: openai\n    base_url: http://127.0.0.1:9/v1\n    model: m\n    api_key_env: PARLEY_TOKEN")
            let (status, body) = try await server.send(.POST, "/debates", body: yaml)
            #expect(status == 400)
            #expect(body.contains("PARLEY_TOKEN is the server's own token"))
        }
    }

    @Test("unknown debates are 404, bad commands 400, and commands the state refuses 409")
    func commandErrors() async throws {
        try await ServedParley.with { server in
            #expect(try await server.send(.GET, "/debates/nope/events").status == 404)
            #expect(try await server.send(.GET, "/debates/nope/log").status == 404)
            #expect(try await server.send(.POST, "/debates/nope/commands", body: #"{"command":"pause"}"#).status == 404)

            let id = try await server.startDebate(ServedDebates.small())
            let commands = "/debates/\(id)/commands"
            let dance = try await server.send(.POST, commands, body: #"{"command":"dance"}"#)
            #expect(dance.status == 400)
            #expect(dance.body.contains("unknown command 'dance'"))
            #expect(try await server.send(.POST, commands, body: "pause").status == 400)
            let stranger = try await server.send(.POST, commands, body: #"{"command":"inject","text":"hi","to":["cto"]}"#)
            #expect(stranger.status == 400)
            #expect(stranger.body.contains("no peer 'cto'"))
            #expect(try await server.send(.POST, commands, body: #"{"command":"delay","seconds":-1}"#).status == 400)
            let retry = try await server.send(.POST, commands, body: #"{"command":"retry"}"#)
            #expect(retry.status == 409)
            #expect(retry.body.contains("nothing to retry"))
            #expect(try await server.send(.GET, "/debates/\(id)/events", headers: [("Last-Event-ID", "x")]).status == 400)

            var stream = try await server.events(id)
            #expect(try await server.send(.POST, commands, body: #"{"command":"stop"}"#).status == 202)
            _ = try await stream.read(through: "debateFinished")
            let late = try await server.send(.POST, commands, body: #"{"command":"resume"}"#)
            #expect(late.status == 409)
            #expect(late.body.contains("finished"))
        }
    }

    @Test("with a token, requests without it are 401 and a read-only token watches but cannot steer (403)")
    func tokens() async throws {
        try await ServedParley.with(environment: ["PARLEY_TOKEN": "steer-secret", "PARLEY_READ_TOKEN": "watch-secret"]) { server in
            #expect(try await server.send(.GET, "/debates").status == 401)
            #expect(try await server.send(.GET, "/debates", token: "steer-secreT").status == 401)
            #expect(try await server.send(.GET, "/debates", token: "steer-secret-and-more").status == 401)
            #expect(try await server.send(.GET, "/debates", headers: [("Authorization", "Basic c3RlZXItc2VjcmV0")]).status == 401)
            #expect(try await server.send(.POST, "/debates", body: ServedDebates.small(), token: "watch-secret").status == 403)

            let id = try await server.startDebate(ServedDebates.small(), token: "steer-secret")
            #expect(try await server.send(.GET, "/debates", token: "watch-secret").status == 200)
            #expect(try await server.send(.GET, "/debates/\(id)/log", token: "watch-secret").status == 200)
            #expect(try await server.send(.GET, "/debates/\(id)/log").status == 401)
            var stream = try await server.events(id, token: "watch-secret")
            _ = try await stream.read(through: "debateStarted")
            let steer = try await server.send(.POST, "/debates/\(id)/commands", body: #"{"command":"stop"}"#, token: "watch-secret")
            #expect(steer.status == 403)
            #expect(try await server.send(.POST, "/debates/\(id)/commands", body: #"{"command":"stop"}"#).status == 401)
            #expect(try await server.send(.POST, "/debates/\(id)/commands", body: #"{"command":"stop"}"#, token: "steer-secret").status == 202)
            _ = try await stream.read(through: "debateFinished")
        }
    }

    @Test("listening on anything but loopback without PARLEY_TOKEN is refused before it starts")
    func nonLoopbackNeedsToken() throws {
        #expect(throws: ServeError.self) { try ServeSettings(listen: "0.0.0.0:7878", environment: [:]) }
        do {
            _ = try ServeSettings(listen: "192.168.1.5:80", environment: [:])
            Issue.record("a non-loopback address without a token was accepted")
        } catch {
            #expect(error.description.contains("PARLEY_TOKEN"))
        }
        #expect(throws: ServeError.self) { try ServeSettings(listen: "127.0.0.1:1", environment: ["PARLEY_READ_TOKEN": "r"]) }
        #expect(throws: ServeError.self) { try ServeSettings(listen: "7878", environment: [:]) }
        let open = try ServeSettings(listen: "0.0.0.0:7878", environment: ["PARLEY_TOKEN": "t"])
        #expect(open.host == "0.0.0.0" && open.port == 7878 && open.token == "t")
        let local = try ServeSettings(listen: "[::1]:80", environment: ["HOME": "/home/x"])
        #expect(local.host == "::1" && local.token == nil)
        #expect(local.dataDirectory == "/home/x/.local/share/parley/debates")
        #expect(try ServeSettings(environment: ["XDG_DATA_HOME": "/d"]).dataDirectory == "/d/parley/debates")
    }
}
