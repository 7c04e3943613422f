import Foundation

// A real terminal for end-to-end tests: a tmux server of its own (its own socket, its own empty
// configuration) running one session of a fixed size.
//
// Self-contained (Foundation only) so that another test target can share it: symlink or copy
// this file into that target's sources (e.g. `ln -s ../TerminalKitTests/Support/Tmux.swift
// Tests/EndToEndTests/Support/Tmux.swift`).

/// What went wrong talking to tmux.
struct TmuxError: Error, CustomStringConvertible {
    let description: String
}

/// One tmux server with one session, for a test. Every call talks to this server only, through
/// its own socket (`tmux -L`), so tests can run side by side. ``kill()`` it when done.
final class Tmux: Sendable {
    /// The socket name (`tmux -L`).
    let socket: String
    /// The session's name.
    let session = "test"
    private let configuration: URL
    /// The server's socket file, removed by ``kill()`` (tmux leaves it behind).
    private let socketPath: String

    /// The shell command that starts a plain bash with the prompt `PROMPT$ `, no rc files.
    static let bash = "PS1='PROMPT$ ' exec bash --norc --noprofile"

    /// Starts a tmux server with one detached session of `width` × `height` cells running
    /// `command` (through `sh -c`) with `environment` added (LANG=C.UTF-8 unless given).
    /// The pane stays after its command exits, so its last screen can still be read.
    /// - Throws: ``TmuxError`` when tmux is missing or cannot start.
    init(width: Int = 80, height: Int = 24, command: String = Tmux.bash, environment: [String: String] = [:]) throws {
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
    func sendKeys(_ keys: String...) throws {
        try run(["send-keys", "-t", session] + keys)
    }

    /// Types `text` literally (no key names), UTF-8 included.
    func type(_ text: String) throws {
        try run(["send-keys", "-t", session, "-l", text])
    }

    /// Sends raw bytes to the program in the pane, as if the terminal had sent them (a mouse
    /// report, an escape sequence).
    func sendBytes(_ bytes: [UInt8]) throws {
        try run(["send-keys", "-t", session, "-H"] + bytes.map { String(format: "%02x", $0) })
    }

    /// Types a command line and presses Enter.
    func typeLine(_ line: String) throws {
        try type(line)
        try sendKeys("Enter")
    }

    /// The pane's visible text, one line per row, trailing blanks removed.
    func capture() throws -> String {
        try run(["capture-pane", "-p", "-t", session])
    }

    /// The pane's visible text with its colours and attributes as SGR escape sequences
    /// (`capture-pane -e`), to check how text is styled.
    func captureStyled() throws -> String {
        try run(["capture-pane", "-p", "-e", "-t", session])
    }

    /// The pane's visible rows.
    func lines() throws -> [String] {
        try capture().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// A tmux format evaluated for the pane, e.g. `#{alternate_on}`, `#{cursor_flag}`,
    /// `#{mouse_any_flag}`, `#{pane_pid}`, `#{pane_width}`.
    func display(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", session, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Resizes the window (and its pane) to `width` × `height`; the program in it gets SIGWINCH.
    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Waits until the pane's text satisfies `condition`, reading it again every few
    /// milliseconds: waiting on the screen itself, not on time. `timeout` only guards against a
    /// hang, and should be generous.
    /// - Returns: the text that satisfied the condition.
    /// - Throws: ``TmuxError`` on timeout, with what was awaited and the last screen.
    @discardableResult
    func waitUntil(_ what: String, timeout: Duration = .seconds(60), _ condition: (String) -> Bool) async throws -> String {
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
    func waitFor(_ text: String, timeout: Duration = .seconds(60)) async throws -> String {
        try await waitUntil("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// Sets a tmux option for this server (`set-clipboard on`, say).
    func setOption(_ name: String, _ value: String) throws {
        try run(["set-option", "-g", name, value])
    }

    /// The names of tmux's paste buffers (an OSC 52 clipboard write makes one).
    func buffers() throws -> [String] {
        try run(["list-buffers", "-F", "#{buffer_name}"]).split(separator: "\n").map(String.init)
    }

    /// A session running bash, ready at its prompt.
    static func shell(width: Int = 80, height: Int = 24) async throws -> Tmux {
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
    func runInShell(_ program: String, arguments: [String] = [], environment: [String: String] = [:]) throws {
        let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value) " }.joined()
        let quoted = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        try typeLine("\(assignments)\(program) \(quoted.joined(separator: " ")); echo status=$?")
    }

    /// Waits for the `status=N` line ``runInShell(_:arguments:environment:)`` prints, and returns N.
    /// The line may start with what the terminal echoed before it (`^C` when Ctrl-C ended the
    /// program in a terminal with echo on).
    func exitStatus(timeout: Duration = .seconds(60)) async throws -> Int {
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
    func restorationProblems() async throws -> [String] {
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
    func kill() {
        _ = try? run(["kill-server"])
        try? FileManager.default.removeItem(at: configuration)
        try? FileManager.default.removeItem(atPath: socketPath)
    }

    /// The environment tmux runs with, which its server hands on to the panes: only what a shell
    /// needs, so the test runner's own settings (NO_COLOR, COLORTERM, TMUX, a C locale) cannot
    /// change what the program in the pane does. Add more with `environment:` in ``init``.
    static var serverEnvironment: [String: String] {
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

/// Running a program and collecting what it prints.
enum Subprocess {
    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which Swift does not
    /// import: closes every descriptor from a number on in the spawned program.
    private static let closeFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32)? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32).self)
    }()

    /// Runs `command` (looked up in PATH) with `environment`, stdin from /dev/null, and waits for
    /// it to exit.
    /// - Returns: its exit status (128 + signal when killed), standard output and standard error.
    static func run(_ command: [String], environment: [String: String]) throws -> (status: Int32, output: String, errors: String) {
        var outputPipe: [Int32] = [-1, -1]
        var errorPipe: [Int32] = [-1, -1]
        guard pipe(&outputPipe) == 0, pipe(&errorPipe) == 0 else {
            throw TmuxError(description: "cannot make a pipe: errno \(errno)")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errorPipe[1], 2)
        for fd in outputPipe + errorPipe { posix_spawn_file_actions_addclose(&actions, fd) }
        // Nothing else the test process has open reaches the program: a tmux server lives on,
        // and with a socket of a loopback test server (SwiftNIO's are not close-on-exec) it
        // would keep that connection open after the test closed it; with another spawn's pipe,
        // that spawn would never read to its end.
        if let closeFrom = Self.closeFrom { _ = closeFrom(&actions, 3) }
        let argv = command.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        // The calling thread (a test runner's worker) blocks signals, and a spawned program
        // inherits that mask: a tmux server would then never see SIGCHLD or SIGTERM, and
        // kill-server would leave it running. Start it with no signal blocked, default actions.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, command[0], &actions, &attributes, argv, envp)
        close(outputPipe[1])
        close(errorPipe[1])
        defer {
            close(outputPipe[0])
            close(errorPipe[0])
        }
        guard spawned == 0 else {
            throw TmuxError(description: "cannot run \(command[0]) (is it installed?): error \(spawned)")
        }
        // Read both pipes to the end together, so neither can fill up and block the program.
        var output: [UInt8] = []
        var errors: [UInt8] = []
        var open = [outputPipe[0], errorPipe[0]]
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !open.isEmpty {
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if poll(&fds, nfds_t(fds.count), -1) < 0 {
                if errno == EINTR { continue }
                break
            }
            for entry in fds where entry.revents != 0 {
                let count = read(entry.fd, &buffer, buffer.count)
                if count > 0 {
                    if entry.fd == outputPipe[0] { output += buffer[0..<count] } else { errors += buffer[0..<count] }
                } else if count == 0 || errno != EINTR {
                    open.removeAll { $0 == entry.fd }
                }
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = status & 0x7F == 0
        let exitStatus = exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return (exitStatus, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
    }
}
