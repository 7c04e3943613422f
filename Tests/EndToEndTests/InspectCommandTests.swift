import Foundation
import Testing

/// `parley inspect`, run for real on recordings the program wrote.
@Suite("parley inspect", .serialized)
struct InspectCommandTests {
    /// Records the built-in demo (two rounds) and runs `body` with the log's path.
    private func withRecording(_ body: (String) throws -> Void) throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("parley-inspect-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: log) }
        #expect(try Parley.run(["run", "--headless", "--instant", "--rounds", "2", "--record", log.path]).status == 0)
        try body(log.path)
    }

    @Test("lists the turns; a message shows the system prompt, each memory entry with speaker and round, the cue, the answer and the scripted choice")
    func listAndShow() throws {
        try withRecording { log in
            let list = try Parley.run(["inspect", log])
            #expect(list.status == 0)
            // In the order answered: a round's summary is written beside the next round.
            let listed = list.output.split(separator: "\n").map { String($0.prefix(7)).trimmingCharacters(in: .whitespaces) }
            #expect(Set(listed) == ["#1", "#2", "#3", "s1", "#4", "#5", "#6", "s2", "sfinal"] && listed.count == 9)
            #expect(list.output.contains("#5      round 2    Sam: Priya, "))
            let shown = try Parley.run(["inspect", log, "#5"])
            #expect(shown.status == 0)
            let text = shown.output
            #expect(text.hasPrefix("Message #5 · round 2 · Sam (@eng, Engineer — feasibility and cost)\nBackend scripted: scripted (14 words a second)\n"))
            #expect(text.contains("── System prompt ──\n  You are Sam, the lead engineer."))
            #expect(text.contains("  [1] #1 Priya (@pm) · round 1 · user\n      Priya (Product manager — user value): Forty percent"))
            #expect(text.contains("#2 Sam (@eng) (its own) · round 1 · assistant"))
            #expect(text.contains("── Cue ──\n  Sam, what do you say to that? (Round 2 of 2.)\n"))
            #expect(text.contains("── Answer ──\n  Priya, "))
            #expect(text.contains("finish: stop") && text.contains("retries: 0") && text.contains("time to first token: "))
            #expect(text.contains("── Scripted choice ──\n  argument ") && text.contains("words matched: "))
            let summary = try Parley.run(["inspect", log, "sfinal"])
            #expect(summary.status == 0 && summary.output.hasPrefix("Summary · final · Mo (@facilitator, facilitator)"))
        }
    }

    @Test("--json prints the request as a chat-completions body: the system prompt first, the memory, the cue last")
    func json() throws {
        try withRecording { log in
            let result = try Parley.run(["inspect", log, "5", "--json"])
            #expect(result.status == 0)
            let body = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
            #expect(body["model"] as? String == "scripted")
            #expect(body["stream"] as? Bool == true)
            let messages = try #require(body["messages"] as? [[String: String]])
            #expect(messages.first?["role"] == "system")
            #expect(messages.last == ["role": "user", "content": "Sam, what do you say to that? (Round 2 of 2.)"])
            #expect(messages.count == 2 + 5)
        }
    }

    @Test("a turn not in the log names the nearest and how to list them; a version 1 log says to record again; exit 1")
    func mistakes() throws {
        try withRecording { log in
            let missing = try Parley.run(["inspect", log, "42"])
            #expect(missing.status == 1)
            #expect(missing.errors.contains("no model turn #42 (nearest: #4, #5, #6); `parley inspect LOG` lists the turns"))
            let nonsense = try Parley.run(["inspect", log, "latest"])
            #expect(nonsense.status == 64)
            #expect(nonsense.errors.contains("'latest' is not a turn: give a message id (12 or #12) or a summary (s3, sfinal)"))
        }
        let old = try Parley.run(["inspect", "Tests/ParleyEngineTests/Recordings/v1-demo.jsonl", "1"])
        #expect(old.status == 1)
        #expect(old.errors.contains("written by a Parley before event log version 2); record the debate again"))
    }

    @Test("escape sequences in recorded text never reach the terminal")
    func untrustedText() throws {
        try withRecording { log in
            // A message text and a system prompt carrying escape sequences, as a hostile log could.
            let recorded = try String(contentsOfFile: log, encoding: .utf8)
            let hostile = recorded.replacingOccurrences(of: "Forty percent", with: #"\u001b]0;owned\u0007\u001b[2JForty percent"#)
                .replacingOccurrences(of: "You are Sam,", with: #"\u001b[31mYou are Sam,"#)
            #expect(hostile != recorded)
            try hostile.write(toFile: log, atomically: true, encoding: .utf8)
            let result = try Parley.run(["inspect", log, "5"])
            #expect(result.status == 0)
            #expect(result.output.contains("Forty percent") && result.output.contains("You are Sam,"))
            #expect(!result.output.contains("\u{1B}") && !result.output.contains("\u{07}"))
        }
    }
}
