import Foundation
import ParleyTestSupport
import Testing

/// `parley run --serve` with the observer, in a real terminal (tmux), steered from outside.
@Suite("parley run --serve in the observer", .serialized)
struct RunServeInTerminalTests {
    /// `curl` against the Unix socket at `socket`: the answer's body.
    static func curl(_ socket: String, _ path: String, post body: String? = nil) throws -> String {
        let data = body.map { ["-d", $0] } ?? []
        let (status, output, errors) = try Subprocess.run(
            ["/usr/bin/env", "curl", "-sS", "--max-time", "10", "--unix-socket", socket] + data + ["http://localhost\(path)"],
            environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
        guard status == 0 else { throw TmuxError(description: "curl \(path) failed (\(status)): \(errors)") }
        return output
    }

    @Test("another terminal's message shows in the observer and its step-turn takes the turn there (answering it); quitting stops the server")
    func steeredFromOutside() async throws {
        let socket = "/tmp/pe-\(UUID().uuidString.prefix(8)).sock"
        let tmux = try await Parley.start(["--step", "--instant", "--serve-on", "unix:\(socket)"], until: "STEP")
        defer { tmux.kill() }
        #expect((try FileManager.default.attributesOfItem(atPath: socket)[.posixPermissions] as? NSNumber)?.intValue == 0o600)

        let listed = try Self.curl(socket, "/debates")
        let id = try #require(listed.firstMatch(of: #/"id":"([0-9a-f]+)"/#).map { String($0.1) }, "listed: \(listed)")
        // The observer's status bar says where the debate is served.
        try await tmux.waitFor("⇆ serving \(id) on unix:\(socket)")
        #expect(try Self.curl(socket, "/debates/\(id)/commands", post: #"{"command":"inject","text":"Hello from afar"}"#)
            .contains("accepted"))
        let shown = try await tmux.waitFor("Hello from afar")
        #expect(!shown.contains("To what you said"), "held in step mode")

        #expect(try Self.curl(socket, "/debates/\(id)/commands", post: #"{"command":"step-turn"}"#).contains("accepted"))
        // The first peer takes its turn, answering the message first.
        try await tmux.waitFor("To what you said (“Hello from afar”)")
        #expect(try Self.curl(socket, "/debates/\(id)/log").contains("is not recorded; run it with --record PATH"))

        #expect(try await tmux.quitRunning() == 0)
        #expect(!FileManager.default.fileExists(atPath: socket), "the server stopped with the debate and removed its socket")
    }
}
