import Foundation
import Testing

/// The `parley` command line, run for real.
@Suite("The parley command line", .serialized)
struct CommandLineTests {
    @Test("run --headless prints three rounds from three personas and a summary after each; plain when piped")
    func headless() throws {
        let result = try Parley.run(["run", "Debates/feature-x.yaml", "--headless", "--instant"])
        #expect(result.status == 0)
        let output = result.output
        #expect(output.occurrences(of: "── Round ") == 3)
        for persona in ["Priya (Product manager — user value)", "Sam (Engineer — feasibility and cost)", "Dana (CFO — revenue impact)"] {
            #expect(output.occurrences(of: persona + "\n") == 3, "\(persona) speaks once a round")
        }
        for round in 1...3 { #expect(output.contains("▌ Mo · Summary of round \(round)")) }
        #expect(output.contains("▌ Mo · Final summary — the tradeoffs"))
        #expect(!output.contains("\u{1B}"), "no colour codes when piped")
    }

    @Test("parley with no arguments runs the built-in demo; without a terminal it streams headless and says so")
    func builtInDemoWithoutTerminal() throws {
        let result = try Parley.run(["--instant"])
        #expect(result.status == 0)
        #expect(result.errors.contains("not a terminal"))
        #expect(result.output.hasPrefix("Should we build feature X?"))
        #expect(result.output.contains("Debate completed · 9 messages"))
    }

    @Test("--jsonl writes the event stream, deltas included, one JSON object a line")
    func jsonl() throws {
        let result = try Parley.run(["run", "--jsonl", "--instant", "--rounds", "1"])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.first == #"{"parley":"event-log","version":1}"#)
        let types = try lines.dropFirst().map { line -> String in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return try #require(object["type"] as? String)
        }
        #expect(types.first == "debateStarted")
        #expect(types.last == "debateFinished")
        #expect(types.contains("textDelta"))
        #expect(types.filter { $0 == "messageCompleted" }.count == 3)
    }

    @Test("--record writes the event log; replay plays the same debate back")
    func recordAndReplay() throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("parley-e2e-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: log) }
        let live = try Parley.run(["run", "--headless", "--instant", "--record", log.path])
        #expect(live.status == 0)
        let recorded = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        #expect(recorded.count > 20)
        #expect(recorded.last?.contains(#""type":"debateFinished""#) == true)
        #expect(!recorded.contains { $0.contains(#""type":"textDelta""#) }, "recordings keep messages whole")
        let replay = try Parley.run(["replay", log.path, "--headless"])
        #expect(replay.status == 0)
        func spoken(_ output: String) -> [String] {
            output.split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("  ▣") }.map(String.init)
        }
        #expect(spoken(replay.output) == spoken(live.output))
        #expect(spoken(live.output).count >= 9)
    }

    @Test("check names the file, line, column and key of a mistake, suggests the fix, and exits 1")
    func checkReportsMistakes() throws {
        let file = try Parley.temporaryFile("""
            title: T
            question: Q
            rouns: 2
            agents:
              - { id: a, role: A, arguments: [x] }
              - { id: b, role: B, backend: locl, arguments: [y] }
            """)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try Parley.run(["check", file.path])
        #expect(result.status == 1)
        #expect(result.errors.contains("\(file.path):3:1: error: unknown key 'rouns'"))
        #expect(result.errors.contains("did you mean 'rounds'?"))
        #expect(result.errors.contains("\(file.path):6:"))
        let good = try Parley.run(["check", "Debates/feature-x.yaml"])
        #expect(good.status == 0)
        #expect(good.output.contains("ok — \"Should we build feature X?\", 3 peers (@pm @eng @cfo)"))
    }

    @Test("check --ping names the URL it could not reach and what to start")
    func pingUnreachable() throws {
        let file = try Parley.temporaryFile("""
            title: T
            question: Q
            backends:
              local: { type: openai, base_url: "http://127.0.0.1:9/v1", model: llama3.2, connect_timeout: 2s }
            agents:
              - { id: a, role: A, backend: local }
              - { id: b, role: B, arguments: [y] }
            facilitator: false
            """)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try Parley.run(["check", file.path, "--ping"])
        #expect(result.status == 1)
        #expect(result.output.contains("✖ @a"))
        #expect(result.output.contains("http://127.0.0.1:9/v1"))
        #expect(result.output.contains("✔ @b"))
    }

    @Test("a usage mistake exits 64 with help; an unknown theme stops before anything starts and names the built-in ones")
    func usage() throws {
        let bad = try Parley.run(["run", "--rounds", "zero"])
        #expect(bad.status == 64)
        let theme = try Parley.run(["run", "--theme", "neon", "--headless", "--instant", "--rounds", "1"])
        #expect(theme.status == 1, "a theme mistake is caught before the debate starts")
        #expect(theme.errors.contains("no theme is named 'neon'") && theme.errors.contains("monochrome"))
        #expect(theme.output.isEmpty)
        let delay = try Parley.run(["run", "--delay", "soon", "--headless"])
        #expect(delay.status == 64)
        #expect(delay.errors.contains("--delay takes a duration"))
        let endless = try Parley.run(["run", "--delay", "9999999999999999999s", "--headless"])
        #expect(endless.status == 64, "a delay too long to wait for is a usage mistake, not a crash")
        #expect(endless.errors.contains("--delay takes a duration from 0 to 1h"))
        let themes = try Parley.run(["themes"])
        #expect(themes.output.contains("default (default)"))
        #expect(themes.output.contains("monochrome"))
    }

    @Test("parley check on a device says it is not a regular file, even as root")
    func checkDevice() throws {
        let device = try Parley.run(["check", "/dev/zero"])
        #expect(device.status == 1)
        #expect(device.errors.contains("/dev/zero: error: cannot read the debate file: it is a device (like /dev/null), not a regular file"))
    }

    @Test("a recording cut short as a crash leaves it replays up to the cut, and says so")
    func replayCutRecording() throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("parley-e2e-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: log) }
        let run = try Parley.run(["run", "--headless", "--instant", "--rounds", "1", "--record", log.path])
        #expect(run.status == 0)
        let recorded = try Data(contentsOf: log)
        let lines = recorded.split(separator: 0x0A)
        let last = try #require(lines.last)
        let before = recorded.prefix(recorded.count - last.count - 1)
        let multibyte = try #require(recorded.lastIndex { $0 >= 0xC0 })
        let whole = try Parley.run(["replay", "--headless", log.path])
        let wholeLines = whole.output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(whole.status == 0)
        let cuts: [(String, Data)] = [
            ("mid-JSON", before + last.prefix(last.count / 2)),
            ("mid-JSON, newline", before + last.prefix(last.count / 2) + [0x0A]),
            ("mid-character", recorded.prefix(multibyte + 1)),
            ("mid-character, newline", recorded.prefix(multibyte + 1) + [0x0A]),
        ]
        for (shape, data) in cuts {
            let cut = FileManager.default.temporaryDirectory.appendingPathComponent("parley-e2e-\(UUID().uuidString).jsonl")
            defer { try? FileManager.default.removeItem(at: cut) }
            try data.write(to: cut)
            let replay = try Parley.run(["replay", "--headless", cut.path])
            #expect(replay.status == 0, "\(shape): \(replay.errors)")
            #expect(replay.errors.contains("the recording was cut short"), "\(shape)")
            #expect(replay.output.contains("Debate failed: the recording ends here: it was cut short"), "\(shape)")
            if shape.hasPrefix("mid-JSON") {  // only debateFinished was cut: all else replays as it did whole
                let lines = replay.output.split(separator: "\n", omittingEmptySubsequences: false)
                #expect(lines.dropLast(2) == wholeLines.dropLast(2), "\(shape)")
            }
        }
    }

    @Test("Ctrl-C stops a headless debate cleanly: exit 130, and the recording ends with debateFinished")
    func interruptHeadless() async throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("parley-e2e-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: log) }
        let tmux = try await Parley.start(["run", "--headless", "--record", log.path], until: "Priya (Product manager")
        defer { tmux.kill() }
        try tmux.sendKeys("C-c")
        #expect(try await tmux.exitStatus() == 130)
        let last = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").last ?? ""
        #expect(last.contains(#""type":"debateFinished""#) && last.contains(#""reason":"stopped""#))
    }
}
