import Foundation
import ParleyTestSupport

/// A real `parley serve` on a loopback port of its own, running in a terminal of its own (tmux),
/// with a data folder of its own.
struct ServedInTerminal {
    let tmux: Tmux
    /// `127.0.0.1:PORT`.
    let address: String
    let data: String

    /// Starts the server and waits until it says where it listens.
    /// With `relativeData`, the server runs in a folder of its own with its data folder named
    /// relative to it (`served`), so that the paths of its recordings mean nothing elsewhere: a
    /// client can read them only through the server.
    static func start(environment: [String: String] = [:], relativeData: Bool = false) async throws -> ServedInTerminal {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("parley-e2e-serve-\(UUID().uuidString)").path
        var setup = environment.sorted { $0.key < $1.key }.map { "export \($0.key)=\($0.value)" }
        if relativeData {
            try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
            setup.append("cd '\(data)'")
        }
        let tmux = try await Parley.start(
            ["serve", "--listen", "127.0.0.1:0", "--data", relativeData ? "served" : data], width: 200, height: 10,
            setup: setup.isEmpty ? nil : setup.joined(separator: "; "), until: "listening on http://")
        let screen = try tmux.capture()
        guard let found = screen.firstMatch(of: #/listening on http://(127\.0\.0\.1:\d+)/#) else {
            tmux.kill()
            throw TmuxError(description: "the server did not say its address: \(screen)")
        }
        return ServedInTerminal(tmux: tmux, address: String(found.output.1), data: data)
    }

    /// Starts a debate from `yaml` with curl, and returns its id.
    func startDebate(_ yaml: String, token: String? = nil) throws -> String {
        let file = try Parley.temporaryFile(yaml)
        defer { try? FileManager.default.removeItem(at: file) }
        let auth = token.map { ["-H", "Authorization: Bearer \($0)"] } ?? []
        let (_, output, errors) = try Parley.run(
            ["curl", "-sS", "--data-binary", "@\(file.path)"] + auth + ["http://\(address)/debates"], direct: true)
        guard let found = output.firstMatch(of: #/"id":"([0-9a-f]+)"/#) else {
            throw TmuxError(description: "POST /debates answered \(output) \(errors)")
        }
        return String(found.output.1)
    }

    /// The debates' listing, as the server sends it.
    func listing() throws -> String {
        try Parley.run(["curl", "-sS", "http://\(address)/debates"], direct: true).output
    }

    /// A debate's recording so far.
    func log(_ id: String) throws -> String {
        try Parley.run(["curl", "-sS", "http://\(address)/debates/\(id)/log"], direct: true).output
    }

    /// Stops the server (Ctrl-C) and removes its data.
    func stop() {
        try? tmux.sendKeys("C-c")
        tmux.kill()
        try? FileManager.default.removeItem(atPath: data)
    }
}
