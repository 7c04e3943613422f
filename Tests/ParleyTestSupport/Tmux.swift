import Foundation

// A real terminal for end-to-end tests: a tmux server of its own (its own socket, its own empty
// configuration) running one session of a fixed size. Part of ParleyTestSupport, which every
// test target that drives a terminal or a program depends on.

/// What went wrong talking to tmux.
public struct TmuxError: Error, CustomStringConvertible {
    public let description: String

    /// Makes an error that says `description`.
    public init(description: String) {
        self.description = description
    }
}

/// One tmux server with one session, for a test. Every call talks to this server only, through
/// its own socket (`tmux -L`), so tests can run side by side. ``kill()`` it when done.
public final class Tmux: Sendable {
    /// The socket name (`tmux -L`).
    public let socket: String
    /// The session's name.
    public let session = "test"
    private let configuration: URL
    /// The server's socket file, removed by ``kill()`` (tmux leaves it behind).
    private let socketPath: String

    /// The shell command that starts a plain bash with the prompt `PROMPT$ `, no rc files.
    public static let bash = "PS1='PROMPT$ ' exec bash --norc --noprofile"

    /// Starts a tmux server with one detached session of `width` × `height` cells running
    /// `command` (through `sh -c`) with `environment` added (LANG=C.UTF-8 unless given).
    /// The pane stays after its command exits, so its last screen can still be read.
    /// - Throws: ``TmuxError`` when tmux is missing or cannot start.
    public init(width: Int = 80, height: Int = 24, command: String = Tmux.bash, environment: [String: String] = [:]) throws {
        socket = "parley-test-\(UUID().uuidString.prefix(8))"
        configuration = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket).conf")
        // Where tmux puts the socket when TMUX_TMPDIR is not set (it is not: see serverEnvironment).
        socketPath = "/tmp/tmux-\(getuid())/\(socket)"
        let settings = """
            set -g remain-on-exit on
            set -g default-terminal tmux-256color
            set -g history-limit 2000
            set -g status off
            set -g escape-time 0
            """
        try settings.write(to: configuration, atomically: true, encoding: .utf8)
        var environment = environment
        if environment["LANG"] == nil { environment["LANG"] = "C.UTF-8" }
        var arguments = ["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)"]
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(name)=\(value)"] }
        arguments.append(command)
        try run(arguments)
    }

    deinit { kill() }

    /// Sends keys by tmux name (`Up`, `F5`, `C-c`, `Enter`, `q`), one after another.
    public func sendKeys(_ keys: String...) throws {
        try run(["send-keys", "-t", session] + keys)
    }

    /// Types `text` literally (no key names), UTF-8 included.
    public func type(_ text: String) throws {
        try run(["send-keys", "-t", session, "-l", text])
    }

    /// Sends raw bytes to the program in the pane, as if the terminal had sent them (a mouse
    /// report, an escape sequence).
    public func sendBytes(_ bytes: [UInt8]) throws {
        try run(["send-keys", "-t", session, "-H"] + bytes.map { String(format: "%02x", $0) })
    }

    /// Types a command line and presses Enter.
    public func typeLine(_ line: String) throws {
        try type(line)
        try sendKeys("Enter")
    }

    /// The pane's visible text, one line per row, trailing blanks removed.
    public func capture() throws -> String {
        try run(["capture-pane", "-p", "-t", session])
    }

    /// The pane's visible text with its colours and attributes as SGR escape sequences
    /// (`capture-pane -e`), to check how text is styled.
    public func captureStyled() throws -> String {
        try run(["capture-pane", "-p", "-e", "-t", session])
    }

    /// The pane's visible rows.
    public func lines() throws -> [String] {
        try capture().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// A tmux format evaluated for the pane, e.g. `#{alternate_on}`, `#{cursor_flag}`,
    /// `#{mouse_any_flag}`, `#{pane_pid}`, `#{pane_width}`.
    public func display(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", session, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Resizes the window (and its pane) to `width` × `height`; the program in it gets SIGWINCH.
    public func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Waits until the pane's text satisfies `condition`, reading it again every few
    /// milliseconds: waiting on the screen itself, not on time. `timeout` only guards against a
    /// hang, and should be generous.
    /// - Returns: the text that satisfied the condition.
    /// - Throws: ``TmuxError`` on timeout, with what was awaited and the last screen.
    @discardableResult
    public func waitUntil(_ what: String, timeout: Duration = .seconds(60), _ condition: (String) -> Bool) async throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var screen = ""
        while clock.now < deadline {
            screen = try capture()
            if condition(screen) { return screen }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw TmuxError(description: "timed out after \(timeout) waiting for \(what); the screen was:\n\(screen)")
    }

    /// Waits until the pane shows `text`.
    @discardableResult
    public func waitFor(_ text: String, timeout: Duration = .seconds(60)) async throws -> String {
        try await waitUntil("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// Sets a tmux option for this server (`set-clipboard on`, say).
    public func setOption(_ name: String, _ value: String) throws {
        try run(["set-option", "-g", name, value])
    }

    /// The names of tmux's paste buffers (an OSC 52 clipboard write makes one).
    public func buffers() throws -> [String] {
        try run(["list-buffers", "-F", "#{buffer_name}"]).split(separator: "\n").map(String.init)
    }

    /// A session running bash, ready at its prompt.
    public static func shell(width: Int = 80, height: Int = 24) async throws -> Tmux {
        let tmux = try Tmux(width: width, height: height)
        do {
            try await tmux.waitFor("PROMPT$")
            return tmux
        } catch {
            tmux.kill()
            throw error
        }
    }

    /// Types a command line into the pane's shell that runs `program` with `arguments` and
    /// `environment` and then prints `status=<exit status>` (see ``exitStatus()``).
    public func runInShell(_ program: String, arguments: [String] = [], environment: [String: String] = [:]) throws {
        let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value) " }.joined()
        let quoted = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        try typeLine("\(assignments)\(program) \(quoted.joined(separator: " ")); echo status=$?")
    }

    /// Waits for the `status=N` line ``runInShell(_:arguments:environment:)`` prints, and returns N.
    /// The line may start with what the terminal echoed before it (`^C` when Ctrl-C ended the
    /// program in a terminal with echo on).
    public func exitStatus(timeout: Duration = .seconds(60)) async throws -> Int {
        var status: Int?
        try await waitUntil("the exit status", timeout: timeout) { screen in
            status = screen.split(separator: "\n").lazy.compactMap { line -> Int? in
                guard let range = line.range(of: "status=") else { return nil }
                return Int(line[range.upperBound...].prefix { $0.isNumber })
            }.first
            return status != nil
        }
        return status ?? -1
    }

    /// What is wrong with the terminal after a full-screen program ended in the pane's shell:
    /// still on the alternate screen, cursor hidden, mouse reporting on, application cursor keys,
    /// line editing or echo off, or a shell that does not run a command. Empty when restored.
    public func restorationProblems() async throws -> [String] {
        var problems: [String] = []
        if try display("#{alternate_on}") != "0" { problems.append("still on the alternate screen") }
        if try display("#{cursor_flag}") != "1" { problems.append("cursor hidden") }
        if try display("#{mouse_any_flag}") != "0" { problems.append("mouse reporting on") }
        if try display("#{keypad_cursor_flag}") != "0" { problems.append("application cursor keys on") }
        try typeLine("stty -a | tr ' ;' '\\n\\n' | grep -x -e '-*icanon' -e '-*echo' | tr '\\n' ' '; echo listed-$((6 * 7))")
        let modes = try await waitFor("listed-42")
        if !modes.contains("icanon echo listed-42") { problems.append("line editing or echo off") }
        try typeLine("echo after-$((40 + 2))")
        try await waitUntil("the shell to run a command") { $0.contains("\nafter-42") }
        return problems
    }

    /// Stops the server and removes its socket and configuration. Safe to call more than once.
    public func kill() {
        _ = try? run(["kill-server"])
        try? FileManager.default.removeItem(at: configuration)
        try? FileManager.default.removeItem(atPath: socketPath)
    }

    /// The environment tmux runs with, which its server hands on to the panes: only what a shell
    /// needs, so the test runner's own settings (NO_COLOR, COLORTERM, TMUX, a C locale) cannot
    /// change what the program in the pane does. Add more with `environment:` in ``init``.
    public static var serverEnvironment: [String: String] {
        let inherited = ProcessInfo.processInfo.environment
        var environment = ["LANG": "C.UTF-8", "TERM": "xterm-256color"]
        for name in ["PATH", "HOME", "USER", "LOGNAME", "TMPDIR"] { environment[name] = inherited[name] }
        if environment["PATH"] == nil { environment["PATH"] = "/usr/local/bin:/usr/bin:/bin" }
        return environment
    }

    /// Runs tmux on this server and returns what it printed.
    ///
    /// Spawned and awaited with posix_spawn and waitpid rather than Foundation's Process, whose
    /// exit detection relies on a SIGCHLD dispatch source that can miss the signal on Linux
    /// (the test runner's main thread parks in dispatch_main), hanging waitUntilExit.
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let command = ["tmux", "-u", "-f", configuration.path, "-L", socket] + arguments
        let result = try Subprocess.run(command, environment: Self.serverEnvironment)
        guard result.status == 0 else {
            throw TmuxError(description: "tmux \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.errors)")
        }
        return result.output
    }
}
