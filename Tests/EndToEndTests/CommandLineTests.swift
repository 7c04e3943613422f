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
        #expect(lines.first == #"{"parley":"event-log","version":2}"#)
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

    @Test("a recording whose usage is beyond any sum (2^62 a message, negative, fractional) replays to the end")
    func replayHugeUsage() throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("parley-e2e-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: log) }
        #expect(try Parley.run(["run", "--headless", "--instant", "--rounds", "1", "--record", log.path]).status == 0)
        let recorded = try String(contentsOf: log, encoding: .utf8)
        var counts = ["4611686018427387904", "9223372036854775807", "-7000", "2.5"].makeIterator()
        let hostile = try Regex(#""(prompt|completion)":[0-9]+"#)
        let edited = recorded.replacing(hostile) { match in
            "\"\(match.output[1].substring ?? "")\":\(counts.next() ?? "4611686018427387904")"
        }
        #expect(edited != recorded && edited.contains("4611686018427387904"))
        try edited.write(to: log, atomically: true, encoding: .utf8)
        let replay = try Parley.run(["replay", log.path, "--headless"])
        #expect(replay.status == 0, "\(replay.errors)")
        #expect(replay.output.contains("Debate completed"))
    }

    @Test("--record /dev/full stops before the debate starts: exit 5, the error naming the path, nothing printed")
    func recordToFullDevice() throws {
        let result = try Parley.run(["run", "--headless", "--instant", "--record", "/dev/full"])
        #expect(result.status == 5)
        #expect(result.errors.contains("cannot write the recording /dev/full: No space left on device"))
        #expect(result.output.isEmpty, "no debate ran: \(result.output.prefix(200))")
    }

    @Test("a recording that fails mid-debate stops a headless debate at once: exit 5, the error after the stop")
    func recordingFailsMidDebate() throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("parley-e2e-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: log) }
        // At most 4 KB a file (writes past that fail with EFBIG rather than kill): the recording
        // fills up within the first round of nine messages.
        let script = #"trap '' XFSZ; ulimit -f 8; exec "$0" "$@""#
        let result = try Parley.run(
            ["/bin/sh", "-c", script, Parley.path, "run", "--headless", "--instant", "--record", log.path], direct: true)
        #expect(result.status == 5)
        #expect(result.errors.contains("cannot write the recording \(log.path): File too large"))
        #expect(result.output.contains("recording guard: cannot write the recording"))
        #expect(result.output.contains("Debate stopped"))
        #expect(!result.output.contains("Final summary"), "the debate did not run to its end")
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
        #expect(themes.output.contains("Used when --theme is not given"))
        #expect(!themes.output.contains("(default)"))
        #expect(themes.output.contains("monochrome"))
    }

    @Test("export writes a transcript of a recording; diff shows two recordings from where they part")
    func exportAndDiff() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func debate(_ argument: String) throws -> String {
            let file = folder.appendingPathComponent("\(UUID().uuidString).yaml")
            try """
                title: Ship it?
                question: Should we ship?
                rounds: 2
                backends:
                  scripted: { type: scripted, words_per_second: 0 }
                agents:
                  - { id: a, name: Ann, role: Product, arguments: [Users want it now., "\(argument)"] }
                  - { id: b, name: Bo, role: Finance, arguments: [It costs two quarters., Price it higher.] }
                facilitator: false
                """.write(to: file, atomically: true, encoding: .utf8)
            let log = folder.appendingPathComponent("\(UUID().uuidString).jsonl").path
            #expect(try Parley.run(["run", file.path, "--headless", "--record", log]).status == 0)
            return log
        }
        let first = try debate("Churn drops with it.")
        let second = try debate("Support costs rise with it.")
        let markdown = try Parley.run(["export", first])
        #expect(markdown.status == 0)
        #expect(markdown.output.hasPrefix("# Ship it?\n"))
        #expect(markdown.output.contains("**Ann** (Product)"))
        let html = folder.appendingPathComponent("t.html").path
        #expect(try Parley.run(["export", first, "--format", "html", "-o", html]).status == 0)
        #expect(try String(contentsOfFile: html, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        let diff = try Parley.run(["diff", first, second])
        #expect(diff.status == 0)
        #expect(diff.output.contains("They share 2 turns (through round 1) and part at turn 3."))
        #expect(diff.output.contains("only B: cost, rise, support"))
    }

    @Test("slips on the command line get a usage error that says what was meant")
    func slips() throws {
        let help = try Parley.run(["help", "nosuch"])
        #expect(help.status == 64)
        #expect(help.errors.contains("there is no command 'nosuch'"))
        let typo = try Parley.run(["chek", "Debates/feature-x.yaml"])
        #expect(typo.status == 64)
        #expect(typo.errors.contains("did you mean `parley check`?"))
        let speed = try Parley.run(["replay", "x.jsonl", "--speed", "-1"])
        #expect(speed.status == 64)
        #expect(speed.errors.contains("--speed must not be negative"))
        let both = try Parley.run(["run", "--headless", "--jsonl"])
        #expect(both.status == 64)
        #expect(both.errors.contains("choose one"))
        let folder = try Parley.run(["replay", "Debates", "--headless"])
        #expect(folder.status == 1)
        #expect(folder.errors.contains("Debates: cannot read the recording: it is a folder"), "as run says of a folder")
        #expect(try Parley.run(["run", "Debates"]).errors.contains("it is a folder"))
        let usage = try Parley.run(["--help"])
        #expect(usage.output.contains("parley [FILE] [options]"))
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

    @Test("Ctrl-C stops a headless replay as it stops a live run: exit 130, and it says so")
    func interruptHeadlessReplay() async throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("parley-e2e-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: log) }
        // Replies come at once, 300 ms apart: at a fifth of the recorded pace the replay takes
        // about 12 s, so Ctrl-C lands mid-replay.
        let file = try Parley.temporaryFile("""
            title: T
            question: Q
            rounds: 3
            pace: { delay: 300ms }
            backends:
              scripted: { type: scripted, words_per_second: 0 }
            agents:
              - { id: a, name: Ann, role: A, arguments: [x] }
              - { id: b, name: Bo, role: B, arguments: [y] }
            facilitator: false
            """)
        defer { try? FileManager.default.removeItem(at: file) }
        let recorded = try Parley.run(["run", file.path, "--headless", "--record", log.path])
        #expect(recorded.status == 0)
        let tmux = try await Parley.start(["replay", log.path, "--headless", "--speed", "0.2"], until: "Ann (A")
        defer { tmux.kill() }
        try tmux.sendKeys("C-c")
        #expect(try await tmux.exitStatus() == 130)
        #expect(try tmux.capture().contains("interrupted; the debate was stopped"))
    }

    @Test("SIGTERM and SIGHUP stop a headless debate as Ctrl-C does: whole last line, debateFinished recorded, exit 128 + signal",
          arguments: [SIGTERM, SIGHUP])
    func stopSignalHeadless(signal: Int32) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("debate.jsonl").path
        let output = folder.appendingPathComponent("out.txt").path
        // The debate streams at the scripted personas' speed; the signal comes while Priya's
        // first message is half written. The shell waits for her name to show, then signals.
        let script = """
            "$0" run --headless --record "$1" > "$2" & pid=$!
            until grep -q 'Priya (Product manager' "$2"; do sleep 0.05; done
            kill -\(signal) $pid
            wait $pid
            echo "status=$?"
            """
        let result = try Parley.run(["/bin/sh", "-c", script, Parley.path, log, output], direct: true)
        #expect(result.output == "status=\(128 + signal)\n", "\(result.output) \(result.errors)")
        let printed = try String(contentsOfFile: output, encoding: .utf8)
        #expect(printed.hasSuffix("\n"), "the output ends on a whole line: \(printed.suffix(80))")
        #expect(printed.contains("Debate stopped"))
        let last = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").last ?? ""
        #expect(last.contains(#""type":"debateFinished""#) && last.contains(#""reason":"stopped""#))
    }
}
