import Foundation
import ParleyAttach
import ParleyCore
import Testing

@Suite("an observer attached to a served debate", .timeLimit(.minutes(2)))
struct AttachedDebateTests {
    @Test("shows the whole debate, history first, in the server's order, and its commands steer it")
    func wholeDebate() async throws {
        try await ServedParley.with { server in
            let id = try await server.startDebate(ServedDebates.small(pace: "paused", rounds: 2))
            var watching = try Following(server.address, id: id)
            try await watching.until("the debate's start") { if case .debateStarted = $0 { true } else { false } }
            watching.debate.send(.resume)
            let reason = await watching.finish()
            #expect(reason == .completed)
            let recorded = try await server.recording(id).map(\.event)
            #expect(watching.debateEvents.filter { !$0.isDelta } == recorded.filter { !$0.isDelta })
            #expect(watching.debate.lastSeq == (try await server.recording(id)).last?.seq)
            #expect(watching.notes.isEmpty)
        }
    }

    @Test("a dropped connection is said, made again, and loses no event and repeats none")
    func droppedConnections() async throws {
        try await ServedParley.with { server in
            let id = try await server.startDebate(ServedDebates.small(pace: "paused", rounds: 2))
            let upstream = try #require(Int(server.address.split(separator: ":").last ?? ""))
            let proxy = try await CuttingProxy.start(to: upstream)
            var watching = try Following("127.0.0.1:\(proxy.port)", id: id)
            try await watching.until("the debate's start") { if case .debateStarted = $0 { true } else { false } }
            for turn in 1...3 {
                // The line breaks, and a turn happens while it is down (stepped from elsewhere).
                await proxy.drop()
                try await watching.until("the loss \(turn)") { if case .connection(.lost) = $0 { true } else { false } }
                _ = try await server.send(.POST, "/debates/\(id)/commands", body: #"{"command":"step-turn"}"#)
                try await watching.until("the line again \(turn)") { $0 == .connection(.restored) }
                try await watching.until("turn \(turn)") { if case .messageCompleted = $0 { true } else { false } }
            }
            watching.debate.send(.resume)
            #expect(await watching.finish() == .completed)
            let recorded = try await server.recording(id).map(\.event)
            #expect(watching.debateEvents.filter { !$0.isDelta } == recorded.filter { !$0.isDelta })
            #expect(watching.debate.lastSeq == (try await server.recording(id)).last?.seq)
            #expect(watching.notes.count { $0 == .restored } == 3)
            #expect(proxy.connections >= 4)
            await proxy.stop()
        }
    }

    @Test("a message injected by one observer reaches the debate and every other observer")
    func injectionReachesEveryone() async throws {
        try await ServedParley.with { server in
            let id = try await server.startDebate(ServedDebates.small(pace: "paused"))
            var first = try Following(server.address, id: id)
            var second = try Following(server.address, id: id)
            try await first.until("the start") { if case .debateStarted = $0 { true } else { false } }
            try await second.until("the start") { if case .debateStarted = $0 { true } else { false } }
            first.debate.send(.inject(text: "What would it cost?", to: .peers([AgentID("eng")])))
            let heard = try await second.until("the injection") { if case .humanMessage = $0 { true } else { false } }
            guard case .humanMessage(let message) = heard else { return }
            #expect(message.text == "What would it cost?")
            #expect(message.to == .peers([AgentID("eng")]))
            second.debate.send(.stop)
            #expect(await second.finish() == .stopped)
            first.debate.send(.resume)
            #expect(await first.finish() == .completed)
        }
    }

    @Test("leaving the debate ends this observer only: the debate goes on on its server")
    func leavingKeepsTheDebate() async throws {
        try await ServedParley.with { server in
            let id = try await server.startDebate(ServedDebates.small(pace: "paused"))
            var leaving = try Following(server.address, id: id)
            try await leaving.until("the start") { if case .debateStarted = $0 { true } else { false } }
            leaving.debate.send(.stop)
            #expect(await leaving.finish() == .stopped)
            let (_, list) = try await server.json(.GET, "/debates")
            let state = ((list as? [[String: Any]])?.first?["state"]) as? String
            #expect(state == "paused")
            var staying = try Following(server.address, id: id)
            staying.debate.send(.resume)
            #expect(await staying.finish() == .completed)
        }
    }

    @Test("a command the debate's state refuses comes back with the server's reason")
    func refusedCommand() async throws {
        try await ServedParley.with { server in
            let id = try await server.startDebate(ServedDebates.small(pace: "paused"))
            var watching = try Following(server.address, id: id)
            try await watching.until("the start") { if case .debateStarted = $0 { true } else { false } }
            watching.debate.send(.retryTurn)
            let refusal = try await watching.until("the refusal") { if case .connection(.refused) = $0 { true } else { false } }
            guard case .connection(.refused(let command, let reason)) = refusal else { return }
            #expect(command == "retry the turn")
            #expect(reason.contains("no peer's turn has failed"))
            watching.debate.send(.stop)
            _ = await watching.finish()
        }
    }

    @Test("a read-only observer sends nothing, and a read-only token cannot steer")
    func readOnly() async throws {
        try await ServedParley.with(environment: ["PARLEY_TOKEN": "steer-token", "PARLEY_READ_TOKEN": "watch-token"]) { server in
            let id = try await server.startDebate(ServedDebates.small(pace: "paused"), token: "steer-token")
            var watching = try Following(server.address, id: id, token: "steer-token", readOnly: true)
            try await watching.until("the start") { if case .debateStarted = $0 { true } else { false } }
            watching.debate.send(.resume)
            let refusal = try await watching.until("the refusal") { if case .connection(.refused) = $0 { true } else { false } }
            #expect(refusal == .connection(.refused(command: "resume", reason: "this observer only watches (read-only)")))

            var token = try Following(server.address, id: id, token: "watch-token")
            try await token.until("the start") { if case .debateStarted = $0 { true } else { false } }
            token.debate.send(.resume)
            let forbidden = try await token.until("the 403") { if case .connection(.refused) = $0 { true } else { false } }
            guard case .connection(.refused(_, let reason)) = forbidden else { return }
            #expect(reason.contains("can watch debates but not start or steer them"))

            let (_, list) = try await server.json(.GET, "/debates", token: "watch-token")
            #expect(((list as? [[String: Any]])?.first?["state"]) as? String == "paused")
            watching.debate.send(.stop)
            token.debate.send(.stop)
            _ = await watching.finish()
            _ = await token.finish()
        }
    }

    @Test("an unknown debate or a wrong token ends the watch with what to do")
    func cannotFollow() async throws {
        try await ServedParley.with(environment: ["PARLEY_TOKEN": "steer-token"]) { server in
            var unknown = try Following(server.address, id: "nosuch", token: "steer-token")
            guard case .failed(let why) = await unknown.finish() else { Issue.record("it did not fail"); return }
            #expect(why.contains("no debate 'nosuch'"))
            #expect(why.contains("parley attach \(server.address)"))

            let target = try AttachTarget(server.address)
            do throws(AttachError) {
                _ = try await AttachedDebate.listing(of: target, token: "wrong", client: Following.client)
                Issue.record("a wrong token listed the debates")
            } catch {
                #expect(error.description.contains("set PARLEY_TOKEN"))
                #expect(!error.passes)
            }
        }
    }

    @Test("an HTTPS server is followed with its own certificate trusted (--ca-cert), and a file with none is refused by name")
    func overTLS() async throws {
        try await ServeTLSTests.withCertificate { certificate, key, otherKey in
            let client = try AttachClient.make(trusting: certificate)
            do {
                try await ServedParley.with(tls: (certificate, key), client: client) { server in
                    let id = try await server.startDebate(ServedDebates.small(pace: "paused"))
                    var watching = try Following("https://\(server.address)", id: id, client: client)
                    try await watching.until("the start") { if case .debateStarted = $0 { true } else { false } }
                    watching.debate.send(.resume)
                    #expect(await watching.finish() == .completed)

                    // Without the certificate trusted, the server's is refused: the line is lost.
                    var untrusting = try Following("https://\(server.address)", id: id)
                    try await untrusting.until("the lost line") { if case .connection(.lost) = $0 { true } else { false } }
                    untrusting.debate.send(.stop)
                    #expect(await untrusting.finish() == .stopped)
                }
            } catch {
                try? await client.shutdown()
                throw error
            }
            try await client.shutdown()
            #expect(throws: AttachError.self) { try AttachClient.make(trusting: otherKey) }
        }
    }

    @Test("a server on a Unix socket is followed and steered through it")
    func overUnixSocket() async throws {
        let folder = "/tmp/parley-attach-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await ServedParley.with(listen: "unix:\(folder)/parley.sock") { server in
            let id = try await server.startDebate(ServedDebates.small(pace: "paused"))
            var watching = try Following("unix:\(folder)/parley.sock", id: id)
            try await watching.until("the start") { if case .debateStarted = $0 { true } else { false } }
            watching.debate.send(.resume)
            #expect(await watching.finish() == .completed)
            #expect(watching.debateEvents.contains { if case .messageCompleted = $0 { true } else { false } })
        }
    }

    @Test("a debate cut short by its server's death ends the watch, saying so, rather than reconnecting for ever")
    func cutShort() async throws {
        // A recording that stops mid-debate, as a server killed with SIGKILL leaves it.
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("parley-cut-\(UUID().uuidString)").path
        try await ServedParley.with(data: data, keepingData: true) { server in
            let id = try await server.startDebate(ServedDebates.small(pace: "live"))
            var watching = try Following(server.address, id: id)
            _ = await watching.finish()
        }
        defer { try? FileManager.default.removeItem(atPath: data) }
        let recording = try #require(try FileManager.default.contentsOfDirectory(atPath: data).first { $0.hasSuffix(".jsonl") })
        let path = "\(data)/\(recording)"
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        try (lines.prefix(lines.count / 2).joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try await ServedParley.with(data: data, keepingData: true) { server in
            var watching = try Following(server.address, id: String(recording.dropLast(6)))
            guard case .failed(let why) = await watching.finish() else { Issue.record("it did not end as failed"); return }
            #expect(why.contains("cut short"))
            #expect(watching.debateEvents.contains { if case .debateStarted = $0 { true } else { false } })
        }
    }

    @Test("a server that cannot be reached is named, with what to try")
    func unreachable() async throws {
        let proxy = try await CuttingProxy.start(to: 9)
        let port = proxy.port
        await proxy.stop()
        let target = try AttachTarget("127.0.0.1:\(port)")
        do throws(AttachError) {
            _ = try await AttachedDebate.listing(of: target, token: nil, client: Following.client)
            Issue.record("a closed port answered")
        } catch {
            #expect(error.description.contains("cannot reach 127.0.0.1:\(port)"))
            #expect(error.description.contains("is `parley serve` running there?"))
            #expect(error.passes)
        }
    }
}

@Suite("where parley attach goes")
struct AttachTargetTests {
    @Test("a server, with or without its scheme, or one of its debates")
    func forms() throws {
        #expect(try AttachTarget("127.0.0.1:7878") == AttachTarget.made("http://127.0.0.1:7878", "127.0.0.1:7878", nil))
        #expect(try AttachTarget("http://127.0.0.1:7878/") == AttachTarget.made("http://127.0.0.1:7878", "127.0.0.1:7878", nil))
        #expect(try AttachTarget("https://host:9/debates/ab12").debate == "ab12")
        #expect(try AttachTarget("https://host:9/debates/ab12").server == "https://host:9")
        #expect(try AttachTarget("localhost:7878/debates/ab12/events").debate == "ab12")
        #expect(try AttachTarget("http://[::1]:7878").server == "http://[::1]:7878")
        #expect(try AttachTarget("unix:/tmp/p.sock").server == "http+unix://%2Ftmp%2Fp%2Esock")
    }

    @Test("anything else is refused, saying what a server's URL looks like")
    func mistakes() {
        for wrong in ["ftp://host:1", "http://host:1/elsewhere", "unix:relative.sock", "http://user:pw@host:1", "http://host:1/?token=x", ""] {
            #expect(throws: AttachError.self, "\(wrong)") { try AttachTarget(wrong) }
        }
    }
}

extension AttachTarget {
    static func made(_ server: String, _ shown: String, _ debate: String?) throws -> AttachTarget {
        var target = try AttachTarget("127.0.0.1:1")
        target.server = server
        target.shown = shown
        target.debate = debate
        return target
    }
}
