import Foundation
import ParleyTestSupport
import Testing

@Suite("parley attach in a real terminal", .serialized)
struct AttachInTerminalTests {
    /// Three scripted peers, two rounds, held in step mode: nothing happens until someone steps.
    static let debate = """
        title: Attached
        question: Should two terminals share one debate?
        rounds: 2
        pace:
          mode: step
        backends:
          scripted:
            type: scripted
            words_per_second: 1000
        agents:
          - id: pm
            role: Product
            arguments: [Users want it now]
          - id: eng
            role: Engineering
            arguments: [It takes a quarter]
          - id: cfo
            role: Finance
            arguments: [It pays back in a year]
        """

    @Test("two observers attached to one served debate see the same turns and each other's messages, and either steers it")
    func twoObservers() async throws {
        let server = try await ServedInTerminal.start()
        defer { server.stop() }
        let id = try server.startDebate(Self.debate)
        let first = try await Parley.start(["attach", "\(server.address)/debates/\(id)"], until: "Attached")
        defer { first.kill() }
        let second = try await Parley.start(["attach", "http://\(server.address)", id], until: "Attached")
        defer { second.kill() }
        try await first.waitFor("⇄ \(server.address)/\(id)")

        // The first steps a turn: both see it.
        try first.sendKeys("n")
        try await first.waitFor("Users want it now")
        try await second.waitFor("Users want it now")

        // The first writes to @eng: the second sees the message.
        try first.sendKeys("i")
        try first.type("@eng what would it cost?")
        try first.sendKeys("Enter")
        try await second.waitFor("what would it cost?")

        // The second steps the next turn: the first sees it.
        try second.sendKeys("n")
        try await first.waitFor("takes a quarter")
        try await second.waitFor("takes a quarter")

        // The first leaves without a question; the debate goes on for the second.
        try first.sendKeys("q")
        #expect(try await first.exitStatus() == 0)
        #expect(try await first.restorationProblems().isEmpty)
        try second.sendKeys("n")
        try await second.waitFor("pays back in a year")
        #expect(try server.listing().contains(#""id":"\#(id)""#))
        #expect(!(try server.listing().contains("finished")))
    }

    @Test("f forks the served debate on its server at the turn shown, and the observer follows the fork (d shows it beside its parent); the parent goes on")
    func forkOnServer() async throws {
        let server = try await ServedInTerminal.start(relativeData: true)
        defer { server.stop() }
        let id = try server.startDebate(Self.debate)
        let tmux = try await Parley.start(["attach", "\(server.address)/debates/\(id)"], until: "Attached")
        defer { tmux.kill() }
        try await tmux.step(turns: 2)
        try tmux.sendKeys("f")
        let screen = try await tmux.waitUntil("the fork followed") { screen in
            screen.contains("⇄ \(server.address)/") && !screen.contains("⇄ \(server.address)/\(id)")
        }
        let fork = try #require(screen.firstMatch(of: #/⇄ [0-9.:]+/([0-9a-f]+)/#).map { String($0.output.1) })
        let listing = try server.listing()
        #expect(listing.contains(#""id":"\#(id)""#))
        #expect(listing.contains(#""id":"\#(fork)""#))
        #expect(try server.log(fork).contains(#""parent":"served/\#(id).jsonl""#))
        // d shows the fork beside its parent, read from the server (the path means nothing here).
        try tmux.sendKeys("d")
        try await tmux.waitFor("This fork beside its parent")
        try tmux.sendKeys("Escape")
        try tmux.sendKeys("q")
        #expect(try await tmux.exitStatus() == 0)
    }

    @Test("a read-only observer watches but its steering keys say it cannot, and send nothing")
    func readOnly() async throws {
        let server = try await ServedInTerminal.start()
        defer { server.stop() }
        let id = try server.startDebate(Self.debate)
        let watcher = try await Parley.start(["attach", "--read-only", "\(server.address)/debates/\(id)"], until: "Attached")
        defer { watcher.kill() }
        try await watcher.waitFor("read-only")
        try watcher.sendKeys("n")
        try await watcher.waitFor("only watches")
        try watcher.sendKeys("i")
        try await watcher.waitFor("only watches")
        // One step from elsewhere: had the `n` been sent, there would be two turns.
        _ = try Parley.run(
            ["curl", "-sS", "-d", #"{"command":"step-turn"}"#, "http://\(server.address)/debates/\(id)/commands"], direct: true)
        try await watcher.waitFor("Users want it now")
        #expect(try server.log(id).occurrences(of: "\"turnStarted\"") == 1)
        #expect(!(try watcher.capture().contains("takes a quarter")))
    }

    @Test("without a debate's id, parley attach lists the server's debates and attaches to the one chosen")
    func chooseFromList() async throws {
        let server = try await ServedInTerminal.start()
        defer { server.stop() }
        _ = try server.startDebate(Self.debate)
        let second = try server.startDebate(Self.debate.replacingOccurrences(of: "title: Attached", with: "title: Chosen"))
        let tmux = try await Parley.start(["attach", server.address], until: "Attach to which?")
        defer { tmux.kill() }
        let list = try tmux.capture()
        #expect(list.contains("1  "))
        #expect(list.contains("2  \(second)  Chosen"))
        try tmux.typeLine("2")
        try await tmux.waitFor("⇄ \(server.address)/\(second)")
        try tmux.sendKeys("q")
        #expect(try await tmux.exitStatus() == 0)
    }

    @Test("an unknown debate or an unreachable server is said on one line, naming it, with what to try")
    func cannotAttach() async throws {
        let server = try await ServedInTerminal.start()
        defer { server.stop() }
        let (status, _, errors) = try Parley.run(["attach", "\(server.address)/debates/nosuch"])
        #expect(status == 1)
        #expect(errors.contains("no debate 'nosuch' on \(server.address)"))
        let (listed, output, said) = try Parley.run(["attach", server.address])
        #expect(listed == 1)
        #expect(output.isEmpty)
        #expect(said.contains("runs no debate yet"))
        let (refused, _, reason) = try Parley.run(["attach", "127.0.0.1:9"])
        #expect(refused == 1)
        #expect(reason.contains("cannot reach 127.0.0.1:9"))
    }
}
