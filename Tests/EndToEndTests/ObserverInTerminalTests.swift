import ParleyTestSupport
import Foundation
import Testing

/// The observer end to end: the real `parley` binary in a real terminal (tmux), driven by keys,
/// read back from the screen. Each test waits on what the screen shows, never on time.
@Suite("The observer in a real terminal", .serialized)
struct ObserverInTerminalTests {
    @Test("the demo opens with three agent panes, the summary pane and the message-flow graph")
    func demoOpens() async throws {
        let tmux = try await Parley.start(["--step"], until: "Message flow")
        defer { tmux.kill() }
        let screen = try await tmux.waitFor("STEP")
        for header in ["┏━ Priya", "─ Sam", "─ Dana"] { #expect(screen.contains(header), "a pane for \(header)") }
        #expect(screen.hasPrefix("┌─ Mo"), "the facilitator's summary pane on top")
        #expect(screen.contains("Should we build feature X?"), "the title in the status bar")
        #expect(screen.contains("round-robin"))
        for (name, id) in [("Priya", "pm"), ("Sam", "eng"), ("Dana", "cfo"), ("you", "you"), ("board", "board")] {
            #expect(graph(screen).contains(name) || graph(screen).contains(id), "the graph has a node for \(name)")
        }
        try await quitWhileRunning(tmux)
    }

    @Test("in step mode each n lets exactly one turn through")
    func stepsOneTurnAtATime() async throws {
        let tmux = try await Parley.start(["--step", "--instant"], until: "STEP")
        defer { tmux.kill() }
        try await tmux.waitUntil("Priya held first") { header(of: "Priya", in: $0).contains("next") }
        #expect(try tmux.capture().occurrences(of: "→ all") == 0)
        for (turn, next) in [(1, "Sam"), (2, "Dana"), (3, "Priya")] {
            try tmux.sendKeys("n")
            let screen = try await tmux.waitUntil("\(next) to be next") { header(of: next, in: $0).contains("next") }
            #expect(screen.occurrences(of: "→ all") == turn, "after \(turn) step(s), \(turn) message(s)")
        }
        try await quitWhileRunning(tmux)
    }

    @Test("a message typed to @cfo shows in the CFO's pane and the graph, and the CFO answers it on its next turn")
    func injectedQuestion() async throws {
        let tmux = try await Parley.start(["--step", "--instant"], until: "STEP")
        defer { tmux.kill() }
        try await tmux.waitUntil("Priya held first") { header(of: "Priya", in: $0).contains("next") }
        let before = graph(try tmux.capture())
        try tmux.sendKeys("i")
        try tmux.type("@cfo why not charge for it?")
        try tmux.sendKeys("Enter")
        // The frame with the message drawn whole, the graph (drawn lower down) included.
        let shown = try await tmux.waitUntil("the message in the CFO's pane and the graph") { screen in
            screen.contains("you → @cfo") && screen.contains("why not charge for it?") && graph(screen).contains("1")
        }
        #expect(graph(shown) != before, "the graph shows the message from you")
        for next in ["Sam", "Dana", "Priya"] {
            try tmux.sendKeys("n")
            try await tmux.waitUntil("\(next) to be next") { header(of: next, in: $0).contains("next") }
        }
        let answered = try tmux.capture()
        #expect(answered.contains("To your question"), "the CFO answers on its first turn after the question")
        #expect(answered.contains("why not charge for it?"))
        try await quitWhileRunning(tmux)
    }

    @Test("an @id of no peer is refused with did-you-mean and kept; a mention mid-line shows → @cfo and goes to the CFO")
    func composerAddresses() async throws {
        let tmux = try await Parley.start(["--step", "--instant"], until: "STEP")
        defer { tmux.kill() }
        try await tmux.waitUntil("Priya held first") { header(of: "Priya", in: $0).contains("next") }
        try tmux.sendKeys("i")
        try tmux.type("@ceo hello")
        try tmux.sendKeys("Enter")
        let refused = try await tmux.waitFor("no peer @ceo — did you mean @cfo?")
        #expect(refused.contains("› @ceo hello"), "the text stays to be fixed")
        #expect(!refused.contains("you →"), "nothing was sent")
        try tmux.sendKeys("C-u")
        try tmux.type("hey @cfo what about annual billing?")
        let before = try await tmux.waitFor("→ @cfo")
        #expect(!before.contains("no peer"), "the refusal went with the edit")
        try tmux.sendKeys("Enter")
        let sent = try await tmux.waitUntil("the message in the CFO's pane") { $0.contains("you → @cfo") && $0.contains("what about annual billing?") }
        #expect(!sent.contains("›"), "the composer closed")
        try await quitWhileRunning(tmux)
    }

    @Test("Esc pressed twice mid-turn leaves the turn alone; x cancels it, shown as cancelled, not failed")
    func escapeAndCancel() async throws {
        let tmux = try await Parley.start(["--step"], until: "STEP")
        defer { tmux.kill() }
        try await tmux.waitUntil("Priya held first") { header(of: "Priya", in: $0).contains("next") }
        try tmux.sendKeys("n")
        try await tmux.waitUntil("Priya speaking") { header(of: "Priya", in: $0).contains("speaking") }
        try tmux.sendKeys("Escape")
        try tmux.sendKeys("Escape")
        let spoke = try await tmux.waitUntil("Priya's turn to end and Sam to be next") { header(of: "Sam", in: $0).contains("next") }
        #expect(!spoke.contains("cancelled") && !spoke.contains("failed"), "Esc cancelled nothing")
        #expect(spoke.occurrences(of: "→ all") == 1, "Priya's message was delivered whole")
        try tmux.sendKeys("n")
        try await tmux.waitUntil("Sam speaking") { header(of: "Sam", in: $0).contains("speaking") }
        try tmux.sendKeys("x")
        let cancelled = try await tmux.waitFor("Sam's turn was cancelled")
        #expect(header(of: "Sam", in: cancelled).contains("cancelled"))
        #expect(cancelled.contains("⊘ turn cancelled by you"))
        #expect(!cancelled.contains("failed"))
        try tmux.sendKeys("q")  // after a failed or cancelled turn, q stops the debate and quits
        #expect(try await tmux.exitStatus() == 0)
    }

    @Test("at 60×20 the help fits and scrolls to its end; Esc closes it")
    func helpScrollsAtSmallSize() async throws {
        let tmux = try await Parley.start(["--step", "--instant"], width: 60, height: 20, until: "STEP")
        defer { tmux.kill() }
        try tmux.sendKeys("?")
        // The whole overlay, footer included (a capture can land between its rows).
        let top = try await tmux.waitUntil("the help with its footer") { $0.contains("Parley keys") && $0.contains("Esc closes") }
        #expect(top.contains("pause / resume") && top.contains("PgUp PgDn 1–"), "the top, and the footer says it scrolls")
        #expect(!top.contains("let the model finish"))
        try tmux.sendKeys("End")
        let end = try await tmux.waitFor("let the model finish")
        #expect(!end.contains("pause / resume"))
        try tmux.sendKeys("Escape")
        try await tmux.waitUntil("the help closed") { !$0.contains("Parley keys") && $0.contains("STEP") }
        try await quitWhileRunning(tmux)
    }

    @Test("/ searches the focused pane: the match is counted; n goes to the next match, not a turn, until Esc")
    func searchPane() async throws {
        let tmux = try await Parley.start(["--step", "--instant"], until: "STEP")
        defer { tmux.kill() }
        try await tmux.waitUntil("Priya held first") { header(of: "Priya", in: $0).contains("next") }
        try tmux.sendKeys("i")
        try tmux.type("@pm zebra crossing?")
        try tmux.sendKeys("Enter")
        try await tmux.waitFor("you → @pm")
        try tmux.sendKeys("/")
        try tmux.type("zebra")
        try tmux.sendKeys("Enter")
        try await tmux.waitFor("/zebra: match 1 of 1")
        try tmux.sendKeys("n")
        let stayed = try await tmux.waitFor("/zebra: match 1 of 1")
        #expect(header(of: "Priya", in: stayed).contains("next"), "n went to the match, it did not step a turn")
        let styled = try tmux.captureStyled()
        let zebraLine = styled.split(separator: "\n").first { $0.contains("crossing?") && $0.contains("zebra") }.map(String.init) ?? ""
        // The SGR sequences just before the word: one of them turns reverse (7) on.
        let before = zebraLine.components(separatedBy: "zebra").first ?? ""
        let sequences = before.split(separator: "\u{1b}").reversed().prefix { $0.hasPrefix("[") && $0.hasSuffix("m") }
        let reversed = sequences.contains { $0.dropFirst().dropLast().split(separator: ";").contains("7") }
        #expect(reversed, "the match is shown in reverse: \(zebraLine.debugDescription)")
        try tmux.sendKeys("Escape")
        try await tmux.waitUntil("the search ended") { !$0.contains("/zebra") }
        try tmux.sendKeys("n")
        try await tmux.waitUntil("Sam to be next") { header(of: "Sam", in: $0).contains("next") }
        try await quitWhileRunning(tmux)
    }

    @Test("space mid-turn says PAUSING AFTER THIS TURN while the speaker streams, then PAUSED; the clock still ticks")
    func pauseMidTurnAndClock() async throws {
        let tmux = try await Parley.start([], until: "LIVE")
        defer { tmux.kill() }
        try await tmux.waitUntil("Priya speaking") { header(of: "Priya", in: $0).contains("speaking") }
        try tmux.sendKeys("Space")
        let pausing = try await tmux.waitFor("PAUSING AFTER THIS TURN")
        #expect(header(of: "Priya", in: pausing).contains("speaking"), "the speaker goes on")
        let paused = try await tmux.waitUntil("the turn to end, then PAUSED") { $0.contains(" PAUSED ") }
        #expect(!paused.contains("PAUSING"))
        let clock = { (screen: String) in screen.split(separator: "\n").last.flatMap { $0.firstMatch(of: /\d+:\d\d/).map { String($0.output) } } }
        let shown = clock(paused)
        try await tmux.waitUntil("the clock to tick while paused") { clock($0) != shown && $0.contains(" PAUSED ") }
        try await quitWhileRunning(tmux)
    }

    @Test("t names the theme it switched to; v says that no agent produced reasoning; each notice fades by itself")
    func themeAndReasoningFeedback() async throws {
        let tmux = try await Parley.start(["--step", "--instant"], until: "STEP")
        defer { tmux.kill() }
        try tmux.sendKeys("t")
        let themed = try await tmux.waitUntil("the theme's name") { $0.contains("Theme ") && $0.contains(" (2 of ") }
        #expect(!themed.contains("Theme default"), "the theme switched to is named, not the first")
        let faded = try await tmux.waitUntil("the theme's notice to fade, no key pressed") { !$0.contains(" (2 of ") }
        #expect(faded.contains("space resume"), "the key hints are back")
        try tmux.sendKeys("v")
        try await tmux.waitFor("No reasoning to show: no agent has produced any.")
        try await tmux.waitUntil("the reasoning notice to fade") { !$0.contains("No reasoning to show") && $0.contains("space resume") }
        try await quitWhileRunning(tmux)
    }

    @Test("a resize lays the screen out again; too small shows a message; growing back restores it")
    func resize() async throws {
        let tmux = try await Parley.start(["--step", "--instant"], until: "STEP")
        defer { tmux.kill() }
        let wide = try tmux.lines()
        #expect(wide[0].count == 120)
        try tmux.resize(width: 84, height: 26)
        // The whole frame at the new size: its top line as wide as the terminal, every pane there.
        let narrow = try await tmux.waitUntil("the narrower layout") { screen in
            screen.split(separator: "\n").first?.count == 84 && screen.contains("Priya") && screen.contains("Dana")
                && screen.contains("STEP")
        }
        #expect(narrow != wide.joined(separator: "\n"))
        try tmux.resize(width: 30, height: 8)
        try await tmux.waitFor("needs at least")
        try tmux.resize(width: 120, height: 34)
        try await tmux.waitUntil("the full layout again") { $0.contains("Message flow") && $0.contains("┏━ Priya") }
        try await quitWhileRunning(tmux)
    }

    @Test("on a terminal too small for the layout, x on a model mid-reply shows the question, and y cancels the turn")
    func cancelOnTinyTerminal() async throws {
        let server = try SilentServer()
        let debate = try Parley.temporaryFile(SilentDebate.yaml(baseURL: server.baseURL))
        defer { try? FileManager.default.removeItem(at: debate) }
        let tmux = try await Parley.start([debate.path, "--instant"], until: "LIVE")
        defer { tmux.kill() }
        try await tmux.waitUntil("Ines's model to be asked") { header(of: "Ines", in: $0).contains("thinking") }
        try tmux.resize(width: 40, height: 10)
        try await tmux.waitFor("needs at least")
        try tmux.sendKeys("x")
        let asked = try await tmux.waitUntil("the question on the small screen") { words($0).contains("Ines's model is mid-reply. Cancel the turn?") }
        #expect(words(asked).contains("y cancel it"), "the keys that answer it")
        #expect(!asked.contains("needs at least"))
        try tmux.sendKeys("y")
        let cancelled = try await tmux.waitUntil("the cancelled turn's prompt") { words($0).contains("Ines's turn was cancelled") }
        #expect(words(cancelled).contains("r retry") && words(cancelled).contains("s skip"), "what to do next")
        try tmux.sendKeys("q")
        #expect(try await tmux.exitStatus() == 0)
    }

    @Test("a finished demo lingers: e holds one more round, whose messages appear; q quits, and the recording ends with debateFinished")
    func oneMoreRoundAfterTheEnd() async throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("parley-e2e-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: log) }
        let tmux = try await Parley.start(["--instant", "--record", log.path], until: "Message flow")
        defer { tmux.kill() }
        let done = try await tmux.waitFor("Debate finished", timeout: .seconds(120))
        #expect(done.contains("e one more round") && done.contains("q quit"), "the hint line says what comes next")
        #expect(done.contains(" DONE ") && done.contains("round 3/3"))
        #expect(!done.contains("── round 4"))
        try tmux.sendKeys("e")
        let again = try await tmux.waitUntil("round 4 held and concluded") { screen in
            screen.contains("round 4/4") && screen.contains("── round 4") && screen.contains("Debate finished")
        }
        #expect(again.contains(" DONE "))
        try tmux.sendKeys("q")
        #expect(try await tmux.exitStatus() == 0)
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        #expect(lines.last?.contains(#""type":"debateFinished""#) == true && lines.last?.contains(#""reason":"completed""#) == true)
        #expect(lines.filter { $0.contains(#""type":"debateConcluded""#) }.count == 2)
        #expect(lines.contains { $0.contains(#""type":"messageCompleted""#) && $0.contains(#""round":4"#) }, "the new round's messages are recorded")
        let replayed = try Parley.run(["replay", log.path, "--headless", "--speed", "0"])
        #expect(replayed.status == 0, "\(replayed.errors)")
        #expect(replayed.output.contains("Round 4 of 4"), "the replay holds the round added")
    }

    @Test("q leaves the terminal as it was: main screen, cursor, keys, echo")
    func quitRestores() async throws {
        let tmux = try await Parley.start(["--instant"], until: "Message flow")
        defer { tmux.kill() }
        try await tmux.waitFor("Debate finished", timeout: .seconds(120))
        try tmux.sendKeys("q")
        #expect(try await tmux.exitStatus() == 0)
        let problems = try await tmux.restorationProblems()
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test(
        "SIGTERM or SIGHUP while the observer runs: the debate stops, the recording ends with debateFinished, the terminal is restored, exit 128 + signal",
        arguments: [(SIGTERM, "terminated (SIGTERM)"), (SIGHUP, "hung up on (SIGHUP)")])
    func stopSignal(signal: Int32, said: String) async throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("parley-e2e-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: log) }
        let tmux = try await Parley.start(["--step", "--instant", "--record", log.path], until: "STEP")
        defer { tmux.kill() }
        try tmux.sendKeys("n")
        try await tmux.waitUntil("Sam to be next") { header(of: "Sam", in: $0).contains("next") }
        let found = try Subprocess.run(["pgrep", "-f", "--", log.path], environment: Tmux.serverEnvironment)
        let pid = try #require(found.output.split(separator: "\n").compactMap { Int32($0) }.first)
        kill(pid, signal)
        #expect(try await tmux.exitStatus() == Int(128 + signal))
        let problems = try await tmux.restorationProblems()
        #expect(problems.isEmpty, "\(problems)")
        #expect(try tmux.capture().contains("parley: \(said); the debate was stopped"))
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "", "the log ends with a whole line")
        #expect(lines.contains { $0.contains(#""type":"messageCompleted""#) && $0.contains(#""from":"pm""#) })
        for line in lines.dropLast() {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "every line is whole JSON")
        }
        let last = try #require(lines.dropLast().last)
        #expect(last.contains(#""type":"debateFinished""#) && last.contains(#""stopped""#), "\(last)")
    }

    @Test("escape sequences in a model's output never reach the terminal: the screen stays intact")
    func hostileModelOutput() async throws {
        let debate = try Parley.temporaryFile(HostileDebate.yaml)
        defer { try? FileManager.default.removeItem(at: debate) }
        let tmux = try await Parley.start([debate.path, "--instant", "--step"], until: "STEP")
        defer { tmux.kill() }
        // tmux would take an OSC 52 write into a paste buffer, and an OSC 0 as the pane's title.
        try tmux.setOption("set-clipboard", "on")
        try tmux.sendKeys("Space")
        let screen = try await tmux.waitFor("Debate finished", timeout: .seconds(120))
        #expect(screen.hasPrefix("┌─ Facilitator"), "the top border was not cleared away")
        #expect(try tmux.display("#{pane_title}") != "pwned-title", "no OSC 0 title change")
        #expect(try tmux.buffers().isEmpty, "no OSC 52 clipboard write")
        #expect(screen.contains("hello"), "the text around the sequences is shown")
        #expect(!screen.contains("]52;") && !screen.contains("[2J"), "no sequence shown half-parsed")
        try tmux.sendKeys("q")
        #expect(try await tmux.exitStatus() == 0)
        #expect(try await tmux.restorationProblems().isEmpty)
    }

    /// Quits a running debate: q, then y to the question; parley exits with 0.
    @Test("a recording that cannot be written any more pauses the debate with the error shown; quitting exits 5")
    func recordingFailurePauses() async throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("parley-e2e-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: log) }
        // Files of at most 4 KB (bash counts in KB), and writes past that fail (EFBIG) instead of killing the shell's
        // programs: the recording's first lines are written, then the disk is "full".
        let tmux = try await Parley.start(
            ["--instant", "--record", log.path], setup: "trap '' XFSZ; ulimit -f 4", until: "recording guard: cannot write the recording")
        defer { tmux.kill() }
        try await tmux.waitFor(" PAUSED ")
        try tmux.sendKeys("q")
        try await tmux.waitFor("Stop it and quit?")
        try tmux.sendKeys("y")
        #expect(try await tmux.exitStatus() == 5)
        #expect(try tmux.capture().contains("cannot write the recording \(log.path): File too large"))
    }

    @Test("in a live debate ← and [ look back while the debate goes on, new turns count, End follows again")
    func scrubBackLive() async throws {
        let tmux = try await Parley.start(["--rounds", "6"], until: "LIVE")
        defer { tmux.kill() }
        try await tmux.waitUntil("two turns") { ($0.lastTurnNumber ?? 0) >= 2 }
        try tmux.sendKeys("Left")
        let back = try await tmux.waitUntil("viewing a turn") { $0.viewing != nil }
        let (turn, count) = try #require(back.viewing)
        #expect(turn <= count, "viewing turn \(turn) of \(count)")
        #expect(back.contains("End follows live"))
        #expect(back.contains("End ▸ now"), "the strip says how to get back")
        // The debate goes on: the count grows while the view stays at its turn.
        let later = try await tmux.waitUntil("a new turn to count") { ($0.viewing?.of ?? 0) > count }
        #expect(later.viewing?.turn == turn)
        try tmux.sendKeys("[")
        // To the end of the round before, or to the start from round 1.
        try await tmux.waitUntil("a round back") { $0.contains("viewing the start") || ($0.viewing?.turn ?? turn) < turn }
        try tmux.sendKeys("End")
        let now = try await tmux.waitUntil("following live again") { $0.viewing == nil && !$0.contains("viewing the start") }
        #expect(now.contains("▸ now") && !now.contains("End ▸ now"))
        try await quitWhileRunning(tmux)
    }

    @Test("a replay says REPLAY with its file, position and speed; + changes the speed, ← looks back, q leaves")
    func replayStatus() async throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("parley-e2e-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: log) }
        #expect(try Parley.run(["run", "--headless", "--instant", "--record", log.path]).status == 0)
        let tmux = try await Parley.start(["replay", log.path, "--step"], width: 160, until: "REPLAY · STEP")
        defer { tmux.kill() }
        let name = log.lastPathComponent
        try await tmux.waitFor("\(name) · turn 0 of 9 · 1×")
        try tmux.sendKeys("+")
        try await tmux.waitFor("\(name) · turn 0 of 9 · 2×")
        try tmux.sendKeys("n")
        try await tmux.waitFor("\(name) · turn 1 of 9 · 2×")
        try tmux.sendKeys("Left")
        let back = try await tmux.waitFor("viewing the start of 1 turn · End follows the replay")
        #expect(back.contains("End ▸ now"))
        try tmux.sendKeys("q")
        #expect(try await tmux.exitStatus() == 0)
    }

    private func quitWhileRunning(_ tmux: Tmux, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try tmux.sendKeys("q")
        try await tmux.waitFor("Stop it and quit?")
        try tmux.sendKeys("y")
        #expect(try await tmux.exitStatus() == 0, sourceLocation: sourceLocation)
    }

    /// The rightmost 36 columns of the screen above the status lines: the graph's area.
    private func graph(_ screen: String) -> String {
        screen.split(separator: "\n", omittingEmptySubsequences: false).dropLast(3)
            .map { String($0.suffix(36)) }.joined(separator: "\n")
    }

    /// The screen's words, read across its lines.
    private func words(_ screen: String) -> String {
        screen.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A pane's header: from its name to the pane's top right corner.
    private func header(of name: String, in screen: String) -> String {
        for line in screen.split(separator: "\n") {
            guard let start = line.range(of: "━ \(name)") ?? line.range(of: "─ \(name)") else { continue }
            let rest = line[start.lowerBound...]
            return String(rest.prefix { $0 != "┐" && $0 != "┓" })
        }
        return ""
    }
}

/// A debate whose scripted personas say escape sequences: a title change (OSC 0), a clipboard
/// write (OSC 52), a screen clear (CSI 2J), a full reset (ESC c) and an 8-bit CSI.
enum HostileDebate {
    static let yaml = #"""
        title: Hostile output
        question: Does the screen survive?
        rounds: 1
        agents:
          - id: mallory
            name: Mallory
            role: Attacker
            arguments:
              - "hello \e]0;pwned-title\a there \e]52;c;SGVsbG8gY2xpcGJvYXJk\a and \e[2J\e[H done"
          - id: eve
            name: Eve
            role: Attacker too
            arguments:
              - "hello again \ec reset \u009B2J eight-bit \e]8;;http://evil.example\alink\e]8;;\a end"
        """#
}

/// A debate whose peers ask a model server that never answers (``SilentServer``).
enum SilentDebate {
    static func yaml(baseURL: String) -> String {
        """
        title: A quiet model
        question: Does it ever answer?
        rounds: 1
        backends:
          quiet:
            type: openai
            base_url: \(baseURL)
            model: quiet
        agents:
          - id: ines
            name: Ines
            role: Designer
            backend: quiet
          - id: kofi
            name: Kofi
            role: Engineer
            backend: quiet
        """
    }
}

extension String {
    /// The status bar's `viewing turn T of N`: the turn looked back at and how many there are.
    fileprivate var viewing: (turn: Int, of: Int)? {
        guard let match = firstMatch(of: /viewing turn (\d+) of (\d+)/), let turn = Int(match.1), let of = Int(match.2) else { return nil }
        return (turn, of)
    }

    /// How many turns the strip shows ended (its ● and ◆ marks).
    fileprivate var lastTurnNumber: Int? {
        let strip = split(separator: "\n").dropLast(2).last ?? ""
        return strip.count { $0 == "●" || $0 == "◆" }
    }
}
