import Foundation
import ParleyTestSupport
import Testing

/// The inspector (`Enter`) in the observer, in a real terminal (tmux).
@Suite("Inspecting in the observer", .serialized)
struct InspectorInTerminalTests {
    @Test("Enter chooses a peer's message, Enter opens its request (system prompt, cue), Esc closes, q quits")
    func inspectAMessage() async throws {
        let tmux = try await Parley.start(["--step", "--instant"], until: "STEP")
        defer { tmux.kill() }
        try await tmux.step(turns: 2)
        try tmux.sendKeys("Enter")
        try await tmux.waitFor("Enter inspect · ↑↓ choose · Esc done")
        try tmux.sendKeys("Enter")
        try await tmux.waitUntil("the inspector on message 1") {
            $0.contains("Inspector · message #1") && $0.contains("── System prompt ──") && $0.contains("You are ")
        }
        // The cue comes after the system prompt and the memory: page down to it.
        var screen = try tmux.capture()
        for _ in 0..<8 where !screen.contains("── Cue ──") {
            try tmux.sendKeys("NPage")
            screen = try await tmux.waitUntil("a page down") { !$0.contains("── System prompt ──") || $0.contains("── Cue ──") }
        }
        #expect(screen.contains("── Cue ──"))
        try tmux.sendKeys("Escape")
        try await tmux.waitUntil("back to the panes, the message still chosen") {
            !$0.contains("Inspector · message") && $0.contains("Enter inspect · ↑↓ choose")
        }
        try tmux.sendKeys("Escape")
        try await tmux.waitFor("n step")
        #expect(try await tmux.quitRunning() == 0)
    }

    @Test("d on the fork f started shows it beside its parent recording; on the parent it says it needs a fork")
    func forkBesideItsParent() async throws {
        let stem = FileManager.default.temporaryDirectory.appendingPathComponent("pi-\(UUID().uuidString.prefix(6))").path
        let log = stem + ".jsonl"
        defer { for path in [log, stem + "-fork-2.jsonl"] { try? FileManager.default.removeItem(atPath: path) } }
        let tmux = try await Parley.start(["--step", "--instant", "--record", log], until: "STEP")
        defer { tmux.kill() }
        try await tmux.step(turns: 2)
        try tmux.sendKeys("d")
        try await tmux.waitFor("d shows a fork beside its parent: this debate is not a fork")
        try tmux.sendKeys("f")
        try await tmux.waitUntil("the fork's history") { $0.occurrences(of: "→ all") == 1 && $0.contains("STEP") }
        try tmux.sendKeys("n")
        try await tmux.waitUntil("the fork's turn") { $0.occurrences(of: "→ all") == 2 }
        try tmux.sendKeys("d")
        let beside = try await tmux.waitFor("This fork beside its parent, so far")
        #expect(beside.contains("A: \(log)"))
        #expect(beside.contains("The debates are the same: 2 turns alike."), "a scripted fork says its turn again word for word")
        try tmux.sendKeys("q")
        try await tmux.waitFor("n step")
        #expect(try await tmux.quitRunning() == 0)
    }
}
