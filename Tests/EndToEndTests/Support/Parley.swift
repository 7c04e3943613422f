import ParleyTestSupport
import Foundation

/// The built `parley` program, for tests that run it for real.
enum Parley {
    /// The package's folder, found from this file's path.
    static var package: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Support
            .deletingLastPathComponent()  // EndToEndTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
    }

    /// `.build/debug/parley`.
    static var path: String {
        package.appendingPathComponent(".build/debug/parley").path
    }

    /// Fails when the program has not been built.
    static func requireBuilt() throws {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw TmuxError(description: "\(path) is missing: build it first with `swift build`")
        }
    }

    /// Runs parley with `arguments` from the package's folder, without a terminal; with
    /// `direct`, `arguments` is the whole command line instead (a shell script that runs parley).
    static func run(_ arguments: [String], environment: [String: String] = [:], direct: Bool = false) throws -> (status: Int32, output: String, errors: String) {
        try requireBuilt()
        var environment = environment
        environment["PATH"] = ProcessInfo.processInfo.environment["PATH"]
        environment["LANG"] = "C.UTF-8"
        environment["HOME"] = ProcessInfo.processInfo.environment["HOME"]
        let program = direct ? [] : [path]
        return try Subprocess.run(["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", package.path] + program + arguments, environment: environment)
    }

    /// Starts parley with `arguments` in a real terminal (tmux running bash in the package's
    /// folder, after the shell command line `setup`, if given) and waits until `ready` shows.
    static func start(
        _ arguments: [String], width: Int = 120, height: Int = 34, setup: String? = nil, until ready: String
    ) async throws -> Tmux {
        try requireBuilt()
        let tmux = try await Tmux.shell(width: width, height: height)
        do {
            try tmux.typeLine("cd '\(package.path)'")
            if let setup { try tmux.typeLine(setup) }
            try tmux.runInShell(path, arguments: arguments)
            try await tmux.waitFor(ready)
            return tmux
        } catch {
            tmux.kill()
            throw error
        }
    }

    /// A temporary file with `text`, removed by the caller.
    static func temporaryFile(_ text: String, suffix: String = ".yaml") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parley-e2e-\(UUID().uuidString)\(suffix)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}

extension String {
    /// How many times `part` occurs.
    func occurrences(of part: String) -> Int {
        components(separatedBy: part).count - 1
    }
}

extension Tmux {
    /// Steps a `--step` debate showing no message yet through `turns` turns with `n`, one at a
    /// time: each turn held first, then said (a broadcast, `→ all`).
    func step(turns: Int) async throws {
        for turn in 1...turns {
            try await waitUntil("turn \(turn) held") { $0.contains("n step") && $0.occurrences(of: "→ all") == turn - 1 }
            try sendKeys("n")
            try await waitUntil("\(turn) messages") { $0.occurrences(of: "→ all") == turn }
        }
    }

    /// Quits a running debate with `q`, answers `y` to the question, and says how parley ended.
    func quitRunning() async throws -> Int {
        try sendKeys("q")
        try await waitFor("Stop it and quit?")
        try sendKeys("y")
        return try await exitStatus()
    }
}
