import ParleyTestSupport
import Foundation
import Testing

/// The built `terminal-check` program and how tests drive it in tmux.
enum TerminalCheck {
    /// `.build/debug/terminal-check` of this package, found from this file's path.
    static var path: String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // EndToEnd
            .deletingLastPathComponent()  // TerminalKitTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // the package
            .appendingPathComponent(".build/debug/terminal-check").path
    }

    /// Starts a tmux session with bash, runs terminal-check in it with `arguments` and (unless told
    /// not to) waits until it has drawn. The command line prints `status=<exit status>` when the program ends.
    static func start(width: Int = 80, height: Int = 24, arguments: [String] = [], environment: [String: String] = [:], waitForReady: Bool = true) async throws -> Tmux {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw TmuxError(description: "\(path) is missing: build it first with `swift build`")
        }
        let tmux = try await Tmux.shell(width: width, height: height)
        do {
            try tmux.runInShell(path, arguments: arguments, environment: environment)
            if waitForReady { try await tmux.waitFor("terminal-check ready") }
            return tmux
        } catch {
            tmux.kill()
            throw error
        }
    }

    /// The pid terminal-check shows on its screen.
    static func pid(in tmux: Tmux) throws -> pid_t {
        for line in try tmux.lines() {
            guard let range = line.range(of: "pid: ") else { continue }
            let digits = line[range.upperBound...].prefix { $0.isNumber }
            if let pid = pid_t(digits) { return pid }
        }
        throw TmuxError(description: "terminal-check shows no pid:\n\(try tmux.capture())")
    }

    /// The terminal modes (`stty -a`) of the pane's terminal, as the program in it left them:
    /// `isig`, `-icanon`, `noflsh`, ...
    static func modes(of tmux: Tmux) throws -> Set<String> {
        let terminal = try tmux.display("#{pane_tty}")
        let result = try Subprocess.run(["stty", "-a", "-F", terminal], environment: Tmux.serverEnvironment)
        guard result.status == 0 else { throw TmuxError(description: "stty -a -F \(terminal) failed: \(result.errors)") }
        return Set(result.output.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
    }

    /// Presses `q` and returns the exit status.
    static func quit(_ tmux: Tmux) async throws -> Int {
        try tmux.sendKeys("q")
        return try await exitStatus(in: tmux)
    }

    /// Waits for the command line's `status=N` and returns N.
    static func exitStatus(in tmux: Tmux) async throws -> Int {
        try await tmux.exitStatus()
    }

    /// Checks what `signal` stopping the program leaves: exit status 128 + `signal`, the cleanup
    /// hook run (it writes "cleanup ran" to `cleanupFile`), and the terminal restored.
    static func expectStopped(_ tmux: Tmux, by signal: Int32, cleanupFile: ScratchFile, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        #expect(try await exitStatus(in: tmux) == 128 + Int(signal), sourceLocation: sourceLocation)
        #expect(cleanupFile.contents() == "cleanup ran\n", sourceLocation: sourceLocation)
        try await expectRestored(tmux, sourceLocation: sourceLocation)
    }

    /// Checks that the terminal is as the shell needs it: main screen, cursor shown, no mouse
    /// reporting, normal cursor keys, line editing and echo on; and that the shell works.
    static func expectRestored(_ tmux: Tmux, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let problems = try await tmux.restorationProblems()
        #expect(problems.isEmpty, "the terminal is restored: \(problems)", sourceLocation: sourceLocation)
    }
}
