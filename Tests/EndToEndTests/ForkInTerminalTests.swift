import ParleyTestSupport
import Foundation
import Testing

/// `f` in the observer, in a real terminal (tmux).
@Suite("Forking in the observer", .serialized)
struct ForkInTerminalTests {
    @Test("f stops the debate and opens a fork at the last turn said, recorded beside it; the fork says that turn again")
    func forkFromTheObserver() async throws {
        let stem = FileManager.default.temporaryDirectory.appendingPathComponent("pf-\(UUID().uuidString.prefix(6))").path
        let log = stem + ".jsonl"
        let forked = stem + "-fork-3.jsonl"
        defer { for path in [log, forked] { try? FileManager.default.removeItem(atPath: path) } }
        let tmux = try await Parley.start(["--step", "--instant", "--record", log], until: "STEP")
        defer { tmux.kill() }
        try await tmux.step(turns: 3)
        try tmux.sendKeys("f")
        // The fork shows the two messages before the turn, and holds (step mode) before it.
        try await tmux.waitUntil("the fork's history") { $0.occurrences(of: "→ all") == 2 && $0.contains("STEP") }
        try tmux.sendKeys("n")
        try await tmux.waitUntil("the fork's turn") { $0.occurrences(of: "→ all") == 3 }
        #expect(try await tmux.quitRunning() == 0)

        let original = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        #expect(original.last?.contains(#""finish":{"reason":"stopped"}"#) == true)
        let fork = try String(contentsOfFile: forked, encoding: .utf8).split(separator: "\n")
        #expect(fork.dropFirst().first?.contains(#""fork":{"parent":"\#(log)","message":3,"#) == true)
        func third(_ lines: [Substring]) -> Substring? {
            lines.first { $0.contains(#""type":"messageCompleted","message":{"id":3,"#) }
        }
        let said = try #require(third(original)).split(separator: #""text":"#).last?.split(separator: #"","#).first
        #expect(said != nil && third(fork)?.contains(said!) == true, "the fork says the third message again, word for word")
    }
}
