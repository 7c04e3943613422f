import ParleyTestSupport
import Foundation
import Testing

/// The headless transcript written to a real terminal (tmux) 60 columns wide.
@Suite("The headless transcript in a real terminal", .serialized)
struct HeadlessInTerminalTests {
    @Test("at 60 columns the transcript wraps at words with its indent kept, and round 1's summary precedes Round 2")
    func wrapsAtWords() async throws {
        try Parley.requireBuilt()
        let tmux = try await Tmux.shell(width: 60, height: 120)
        defer { tmux.kill() }
        try tmux.typeLine("cd '\(Parley.package.path)'")
        try tmux.runInShell(Parley.path, arguments: ["run", "--headless", "--instant", "--rounds", "2"])
        #expect(try await tmux.exitStatus() == 0)
        let lines = try tmux.lines()
        // The terminal did no wrapping of its own: a line it had to break would fill all 60 columns
        // and go on at the left edge. Every line of a message is indented, every summary line barred.
        guard let first = lines.firstIndex(where: { $0.hasPrefix("Priya (Product manager") }),
            let end = lines.firstIndex(where: { $0.hasPrefix("── Debate") })
        else {
            Issue.record("no transcript on the screen: \(lines)")
            return
        }
        let transcript = lines[first..<end].filter { !$0.isEmpty }
        let speakers = ["Priya (", "Sam (", "Dana (", "── Round "]
        for line in transcript where !speakers.contains(where: line.hasPrefix) {
            #expect(line.hasPrefix("  ") || line.hasPrefix("▌ "), "kept its indent: \(line)")
        }
        #expect(transcript.contains("  Forty percent of the teams who churned last quarter named"))
        #expect(transcript.contains("  missing real-time collaboration as their reason. Feature X"))
        let summary = transcript.firstIndex { $0.hasPrefix("▌ Mo · Summary of round 1") }
        let round2 = transcript.firstIndex { $0.hasPrefix("── Round 2") }
        #expect(summary != nil && round2 != nil && summary! < round2!)
    }
}
