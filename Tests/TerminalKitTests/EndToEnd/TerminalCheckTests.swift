import ParleyTestSupport
import Foundation
import Testing
@testable import TerminalKit

/// terminal-check, the small program over Screen, in a real terminal (tmux).
@Suite("terminal-check in a real terminal", .serialized)
struct TerminalCheckTests {
    @Test("draws the frame, CJK and emoji with every row exactly as wide as the terminal, in a UTF-8 locale or none",
          arguments: ["C.UTF-8", "C"])
    func drawsWideCharacters(language: String) async throws {
        let tmux = try await TerminalCheck.start(width: 60, height: 16, environment: ["LANG": language])
        defer { tmux.kill() }
        // "ready" can show before the last rows are drawn on a loaded machine: wait for the frame's bottom.
        _ = try await tmux.waitUntil("the whole frame") { screen in
            screen.split(separator: "\n", omittingEmptySubsequences: false).prefix(16).last?.hasPrefix("└") == true
        }
        let lines = try tmux.lines()
        #expect(lines.first == "┌" + String(repeating: "─", count: 58) + "┐")
        #expect(lines.contains { $0.contains("size: 60x16") })
        let wide = try #require(lines.first { $0.contains("wide:") })
        #expect(wide.contains("wide: 世界 こんにちは 🎉👍 end"))
        for line in lines.prefix(16) {
            #expect(TextWidth.columns(line) == 60, "\(line)")
            #expect(line.hasSuffix("┐") || line.hasSuffix("│") || line.hasSuffix("┘"), "\(line)")
        }
        #expect(try await TerminalCheck.quit(tmux) == 0)
    }

    @Test("colours reach the terminal mapped to its 256 colours; NO_COLOR keeps bold only")
    func colours() async throws {
        let tmux = try await TerminalCheck.start(width: 60, height: 10)
        defer { tmux.kill() }
        let styled = try tmux.captureStyled()
        #expect(styled.contains("\u{1B}[36m┌"), "the frame in ANSI cyan")
        #expect(styled.contains("\u{1B}[38;5;214mwide:"), "rgb(255,165,0) as palette entry 214")
        #expect(styled.contains("\u{1B}[1mterminal-check ready"), "bold")
        #expect(try await TerminalCheck.quit(tmux) == 0)

        let plain = try await TerminalCheck.start(width: 60, height: 10, environment: ["NO_COLOR": "1"])
        defer { plain.kill() }
        let unstyled = try plain.captureStyled()
        #expect(!unstyled.contains("[36m") && !unstyled.contains("38;5"), "no colour")
        #expect(unstyled.contains("\u{1B}[1mterminal-check ready"), "still bold")
        #expect(try await TerminalCheck.quit(plain) == 0)
    }

    @Test("keys arrive decoded: arrows, editing keys, F-keys, Esc, Ctrl, text")
    func keysArriveDecoded() async throws {
        let tmux = try await TerminalCheck.start(width: 100, height: 12)
        defer { tmux.kill() }
        let keys: [(send: () throws -> Void, shows: String)] = [
            ({ try tmux.sendKeys("Up") }, "up"), ({ try tmux.sendKeys("Down") }, "down"),
            ({ try tmux.sendKeys("Left") }, "left"), ({ try tmux.sendKeys("Right") }, "right"),
            ({ try tmux.sendKeys("Home") }, "home"), ({ try tmux.sendKeys("End") }, "end"),
            ({ try tmux.sendKeys("PPage") }, "pageup"), ({ try tmux.sendKeys("NPage") }, "pagedown"),
            ({ try tmux.sendKeys("IC") }, "insert"), ({ try tmux.sendKeys("DC") }, "delete"),
            ({ try tmux.sendKeys("F1") }, "f1"), ({ try tmux.sendKeys("F5") }, "f5"), ({ try tmux.sendKeys("F12") }, "f12"),
            ({ try tmux.sendKeys("Escape") }, "esc"), ({ try tmux.sendKeys("Tab") }, "tab"),
            ({ try tmux.sendKeys("BTab") }, "shift-tab"), ({ try tmux.sendKeys("Enter") }, "enter"),
            ({ try tmux.sendKeys("BSpace") }, "backspace"), ({ try tmux.sendKeys("C-a") }, "ctrl-a"),
            ({ try tmux.sendKeys("C-s") }, "ctrl-s"), ({ try tmux.type("x") }, "x"), ({ try tmux.type("世") }, "世"),
        ]
        for (index, key) in keys.enumerated() {
            try key.send()
            // Each key is awaited before the next, so Esc is not taken for the start of a sequence.
            try await tmux.waitUntil("key \(index + 1) shown as \(key.shows)") { screen in
                lastKey(in: screen, count: index + 1) == key.shows
            }
        }
        #expect(try await TerminalCheck.quit(tmux) == 0)
    }

    /// The last key terminal-check lists once it has received `count` keys.
    private func lastKey(in screen: String, count: Int) -> String? {
        for line in screen.split(separator: "\n") {
            guard let range = line.range(of: "keys[\(count)]: ") else { continue }
            let list = line[range.upperBound...].split(separator: "│").first ?? ""
            return list.split(separator: " ").last.map(String.init)
        }
        return nil
    }

    @Test("mouse presses, releases and the wheel arrive with their cell")
    func mouseArrives() async throws {
        let tmux = try await TerminalCheck.start(width: 100, height: 12)
        defer { tmux.kill() }
        #expect(try tmux.display("#{mouse_any_flag}") == "1", "mouse reporting is on while running")
        // X10 mouse reports as the terminal sends them: ESC [ M, 32 + button, 32 + 1 + x, 32 + 1 + y.
        let report = { (button: UInt8, x: UInt8, y: UInt8) in [0x1B, 0x5B, 0x4D, 32 + button, 33 + x, 33 + y] }
        // A click and two wheel turns reported in one read, then a click reported in two.
        try tmux.sendBytes(report(0, 4, 2) + report(3, 4, 2) + report(64, 10, 5) + report(65, 10, 5))
        try await tmux.waitFor("keys[4]: press1@4,2 release1@4,2 wheelup@10,5 wheeldown@10,5")
        try tmux.sendBytes(report(0, 20, 7))
        try await tmux.waitFor("keys[5]:")
        try tmux.sendBytes(report(3, 20, 7))
        try await tmux.waitFor("wheeldown@10,5 press1@20,7 release1@20,7")
        #expect(try await TerminalCheck.quit(tmux) == 0)
    }

    @Test("a resize lays the screen out again at the new size, larger and smaller")
    func resize() async throws {
        let tmux = try await TerminalCheck.start(width: 60, height: 16)
        defer { tmux.kill() }
        for (width, height) in [(90, 22), (40, 10)] {
            try tmux.resize(width: width, height: height)
            let bottom = "└" + String(repeating: "─", count: width - 2) + "┘"
            // The whole frame at the new size: tmux may show one half drawn.
            let screen = try await tmux.waitUntil("the frame at \(width)x\(height)") { screen in
                let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
                return screen.contains("size: \(width)x\(height)") && lines.count >= height && lines[height - 1] == bottom
            }
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines[0] == "┌" + String(repeating: "─", count: width - 2) + "┐")
            for line in lines.prefix(height) { #expect(TextWidth.columns(line) == width, "\(line)") }
            #expect(lines.filter { $0.contains("second ctrl-c quits") }.count == 1, "nothing is left over from the old layout")
        }
        #expect(try await TerminalCheck.quit(tmux) == 0)
    }

    @Test("q quits and leaves the terminal restored for the shell")
    func quitRestores() async throws {
        let tmux = try await TerminalCheck.start()
        defer { tmux.kill() }
        #expect(try tmux.display("#{alternate_on}") == "1", "runs on the alternate screen")
        #expect(try await TerminalCheck.quit(tmux) == 0)
        #expect(try tmux.capture().contains("terminal-check: done"))
        try await TerminalCheck.expectRestored(tmux)
    }

    @Test("Ctrl-Z gives the terminal back to the shell, and fg takes it again with keys working")
    func suspendAndResume() async throws {
        let tmux = try await TerminalCheck.start()
        defer { tmux.kill() }
        try tmux.sendKeys("C-z")
        #expect(try await TerminalCheck.exitStatus(in: tmux) == 128 + Int(SIGTSTP), "the job stopped")
        try await TerminalCheck.expectRestored(tmux)
        try tmux.typeLine("fg")
        try await tmux.waitFor("terminal-check ready")
        #expect(try tmux.display("#{alternate_on}") == "1")
        #expect(try tmux.display("#{keypad_cursor_flag}") == "1", "keypad mode is back")
        try tmux.sendKeys("Up")
        try await tmux.waitUntil("Up to arrive decoded") { $0.contains(" up ") || $0.contains(" up│") }
        try tmux.sendKeys("q")
        try await tmux.waitFor("terminal-check: done")
        try await TerminalCheck.expectRestored(tmux)
    }

    @Test("SIGTERM and SIGHUP run the cleanup hooks, restore the terminal and exit with 128 + signal",
          arguments: [SIGTERM, SIGHUP])
    func stopSignals(signal: Int32) async throws {
        let cleanupFile = ScratchFile()
        let crashFile = ScratchFile()
        let tmux = try await TerminalCheck.start(arguments: ["--cleanup-file", cleanupFile.path, "--crash-file", crashFile.path])
        defer { tmux.kill() }
        #expect(kill(try TerminalCheck.pid(in: tmux), signal) == 0)
        try await TerminalCheck.expectStopped(tmux, by: signal, cleanupFile: cleanupFile)
        #expect(crashFile.contents() == "recorded\n")
    }

    @Test("Ctrl-C arrives as a key, without the terminal dropping keys or output; a second one quits cleanly")
    func controlCIsAKey() async throws {
        let cleanupFile = ScratchFile()
        let tmux = try await TerminalCheck.start(arguments: ["--cleanup-file", cleanupFile.path])
        defer { tmux.kill() }
        let modes = try TerminalCheck.modes(of: tmux)
        #expect(modes.contains("isig"), "Ctrl-C and Ctrl-Z still raise signals: \(modes)")
        #expect(modes.contains("noflsh"), "which do not flush the terminal's queues: \(modes)")
        try tmux.sendKeys("C-c")
        try await tmux.waitFor("keys[1]: ctrl-c")
        try tmux.type("x")
        try await tmux.waitFor("keys[2]: ctrl-c x")
        try tmux.sendKeys("C-c")
        #expect(try await TerminalCheck.exitStatus(in: tmux) == 0)
        #expect(try tmux.capture().contains("terminal-check: done"))
        #expect(cleanupFile.contents() == nil, "no signal stopped it: the hooks did not run")
        try await TerminalCheck.expectRestored(tmux)
    }

    @Test("with the screen stopped, Ctrl-C stops the program as SIGINT: hooks, restored terminal, status 130")
    func controlCAfterTheScreen() async throws {
        let cleanupFile = ScratchFile()
        let tmux = try await TerminalCheck.start(arguments: ["--cleanup-file", cleanupFile.path, "--wait-after-stop"])
        defer { tmux.kill() }
        try tmux.sendKeys("q")
        try await tmux.waitFor("terminal-check: done")
        try tmux.sendKeys("C-c")
        try await TerminalCheck.expectStopped(tmux, by: SIGINT, cleanupFile: cleanupFile)
    }

    @Test("a program whose main actor hangs still stops on the third SIGINT (Ctrl-C): hooks, restored, 130")
    func interruptStopsAHungProgram() async throws {
        let cleanupFile = ScratchFile()
        let tmux = try await TerminalCheck.start(arguments: ["--cleanup-file", cleanupFile.path, "--hang-after-draw"])
        defer { tmux.kill() }
        let pid = try TerminalCheck.pid(in: tmux)
        // Sent with kill rather than typed, so that each is handled before the next is sent
        // (a signal sent while the same one is pending merges into it).
        for _ in 0..<3 {
            #expect(kill(pid, SIGINT) == 0)
            try await ThreadActivity.waitUntilHandled(SIGINT, by: pid)
        }
        try await TerminalCheck.expectStopped(tmux, by: SIGINT, cleanupFile: cleanupFile)
    }

    @Test("an error thrown out of Screen.run restores the terminal before it is reported")
    func thrownErrorRestores() async throws {
        let tmux = try await TerminalCheck.start(arguments: ["--throw-after-draw"], waitForReady: false)
        defer { tmux.kill() }
        #expect(try await TerminalCheck.exitStatus(in: tmux) == 1)
        #expect(try tmux.capture().contains("terminal-check: error: thrown on purpose"), "the report is on the shell's screen")
        try await TerminalCheck.expectRestored(tmux)
    }

    @Test("a crash (force-unwrapping nil) restores the terminal before the process dies")
    func crashRestores() async throws {
        try await expectCrashRestores("--crash-after-draw")
    }

    /// Runs terminal-check with `crash` and a recording open; it dies of the trap, the
    /// recording whole and the terminal restored.
    private func expectCrashRestores(_ crash: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let crashFile = ScratchFile()
        // The Swift backtracer still runs after the restore; keep it from waiting for a key.
        let tmux = try await TerminalCheck.start(
            arguments: [crash, "--crash-file", crashFile.path], environment: ["SWIFT_BACKTRACE": "interactive=no"],
            waitForReady: false)
        defer { tmux.kill() }
        let status = try await TerminalCheck.exitStatus(in: tmux)
        #expect([128 + Int(SIGILL), 128 + Int(SIGTRAP)].contains(status), "died of the trap, status \(status)", sourceLocation: sourceLocation)
        #expect(crashFile.contents() == "recorded\n", sourceLocation: sourceLocation)
        try await TerminalCheck.expectRestored(tmux, sourceLocation: sourceLocation)
    }

    @Test("two threads crashing, the second while the first one's handler is at work, leave the terminal restored and the recording whole",
          arguments: 1...3)
    func twoThreadCrashRestores(run: Int) async throws {
        try await expectCrashRestores("--crash-in-two-threads")
    }

    @Test("idle, it sleeps: none of its threads wakes up while nothing happens")
    func idleUsesNoCPU() async throws {
        let tmux = try await TerminalCheck.start()
        defer { tmux.kill() }
        let pid = try TerminalCheck.pid(in: tmux)
        // A program that polls or ticks wakes up in every interval; one that waits on events
        // sleeps through a whole second. Not counted: libdispatch's manager thread (the one in
        // epoll_wait), which on Linux runs a 1 Hz worker-pool monitor in every program using
        // Swift concurrency; and worker threads the runtime retires in the meantime. So look
        // for one quiet second among several.
        var quietSecond = false
        var lastWakeUps: [String: Int] = [:]
        for _ in 0..<10 where !quietSecond {
            let before = try ThreadActivity.read(pid: pid)
            try await Task.sleep(for: .seconds(1))
            let after = try ThreadActivity.read(pid: pid)
            lastWakeUps = ThreadActivity.wakeUps(from: before, to: after)
            quietSecond = lastWakeUps.values.allSatisfy { $0 == 0 }
        }
        #expect(quietSecond, "threads woke up in every second while idle: \(lastWakeUps)")
        #expect(try await TerminalCheck.quit(tmux) == 0)
    }
}

/// How often each thread of a process has run, from /proc.
enum ThreadActivity {
    /// Per thread ("tid wchan"): voluntary + involuntary context switches plus CPU ticks; the
    /// libdispatch manager thread (waiting in epoll_wait) left out.
    static func read(pid: pid_t) throws -> [String: Int] {
        let tasks = "/proc/\(pid)/task"
        var activity: [String: Int] = [:]
        for thread in try FileManager.default.contentsOfDirectory(atPath: tasks) {
            guard let status = try? String(contentsOfFile: "\(tasks)/\(thread)/status", encoding: .utf8),
                let stat = try? String(contentsOfFile: "\(tasks)/\(thread)/stat", encoding: .utf8),
                let waitingIn = try? String(contentsOfFile: "\(tasks)/\(thread)/wchan", encoding: .utf8),
                waitingIn != "do_epoll_wait"
            else { continue }
            var total = 0
            for line in status.split(separator: "\n") where line.contains("ctxt_switches") {
                total += Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) ?? 0
            }
            // utime and stime are fields 14 and 15; the command name (field 2) may hold spaces.
            let fields = stat[stat.index(after: stat.lastIndex(of: ")")!)...].split(separator: " ")
            total += (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0)
            activity["\(thread) \(waitingIn)"] = total
        }
        return activity
    }

    /// Waits until `signal`, sent to process `pid`, is no longer pending (its handler has been
    /// called), or the process has ended.
    static func waitUntilHandled(_ signal: Int32, by pid: pid_t, timeout: Duration = .seconds(60)) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
                let line = status.split(separator: "\n").first(where: { $0.hasPrefix("ShdPnd:") }),
                let pending = UInt64(line.dropFirst("ShdPnd:".count).trimmingCharacters(in: .whitespaces), radix: 16)
            else { return }
            if pending & (1 << UInt64(signal - 1)) == 0 { return }
            try await Task.sleep(for: .milliseconds(5))
        }
        throw TmuxError(description: "signal \(signal) still pending for process \(pid) after \(timeout)")
    }

    /// Wake-ups per thread alive at both readings.
    static func wakeUps(from before: [String: Int], to after: [String: Int]) -> [String: Int] {
        var wakeUps: [String: Int] = [:]
        for (thread, count) in before {
            if let later = after[thread] { wakeUps[thread] = later - count }
        }
        return wakeUps
    }
}
