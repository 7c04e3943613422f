import Foundation
import ParleyTestSupport
import Testing

@Suite("the parley attach program, through a connection that drops", .serialized)
struct AttachProgramTests {
    @Test("an observer whose connection drops reconnects and shows every turn once; a new observer reads the debate whole")
    func droppedInTerminal() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: ServeProgramTests.program), "build parley first with `swift build`")
        try await ServedParley.with { server in
            let id = try await server.startDebate(ServedDebates.small(pace: "step", rounds: 2))
            let upstream = try #require(Int(server.address.split(separator: ":").last ?? ""))
            let proxy = try await CuttingProxy.start(to: upstream)
            let tmux = try await Tmux.shell(width: 120, height: 34)
            defer { tmux.kill() }
            try tmux.runInShell(ServeProgramTests.program, arguments: ["attach", "127.0.0.1:\(proxy.port)/debates/\(id)"])
            // Connected once the debate's panes show.
            try await tmux.waitFor("pm · Product")
            let before = proxy.connections

            // Turns are stepped from elsewhere (the server's API) while the line is cut.
            for turn in 0..<3 {
                await proxy.drop()
                _ = try await server.send(.POST, "/debates/\(id)/commands", body: #"{"command":"step-turn"}"#)
                try await tmux.waitUntil("turn \(turn + 1) shown after the line came back") { screen in
                    screen.components(separatedBy: "→ all").count - 1 == turn + 1
                }
                // It came through a new connection: the observer connected again after the cut.
                #expect(proxy.connections >= before + turn + 1)
            }
            // Each turn once: none missed while the line was down, none shown twice after.
            #expect(try tmux.capture().components(separatedBy: "→ all").count - 1 == 3)

            // Killing the observer loses nothing: a new one reads the debate from its start.
            try tmux.sendKeys("q")
            #expect(try await tmux.exitStatus() == 0)
            try tmux.typeLine("clear")
            try tmux.runInShell(ServeProgramTests.program, arguments: ["attach", "127.0.0.1:\(proxy.port)/debates/\(id)"])
            try await tmux.waitUntil("the three turns again") { $0.components(separatedBy: "→ all").count - 1 == 3 }
            try tmux.sendKeys("q")
            #expect(try await tmux.exitStatus() == 0)
            await proxy.stop()
        }
    }
}
