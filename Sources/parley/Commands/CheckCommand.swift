import ArgumentParser
import ParleyEngine
import ParleyModels
import TerminalKit

/// `parley check FILE [--ping]`: validates a debate file without running it.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a debate file without running it; --ping also reaches each model.")

    @Argument(help: "The debate file (YAML).")
    var file: String

    @Flag(help: "Reach each backend's server and confirm its model exists; one line per agent.")
    var ping = false

    @Option(name: .customLong("log"), help: ArgumentHelp("Write a diagnostic log of the ping requests to this file.", valueName: "file"))
    var logPath: String?

    func run() async throws {
        let spec = try DebateChoice.spec(file)
        let peers = spec.agents.map { "@\($0.id)" }.joined(separator: " ")
        // Text from the file and from servers is untrusted: it reaches the terminal sanitized.
        let clean = { (text: String) in Sanitizer.clean(text) }
        Console.out(
            "\(clean(file)): ok — \"\(clean(spec.title))\", \(spec.agents.count) peers (\(peers)), \(spec.floor), \(spec.rounds) round\(spec.rounds == 1 ? "" : "s")"
                + (spec.facilitator.map { ", facilitator \(clean($0.name))" } ?? ", no facilitator") + "\n")
        guard ping else { return }
        let logger = try Diagnostics.bootstrap(logPath)
        var failed = false
        let owners = spec.agents.map { ("@\($0.id) (\(clean($0.name)))", $0.backend) }
            + (spec.facilitator.map { [("facilitator (\(clean($0.name)))", $0.backend)] } ?? [])
        var results: [String: PingResult] = [:]
        for (owner, backendName) in owners {
            guard let backend = spec.backend(named: backendName) else { continue }
            if results[backendName] == nil {
                results[backendName] =
                    await pingHTTPModel(backend, context: HTTPModelContext(logger: logger))
                    ?? PingResult(ok: true, roundTrip: nil, line: "ok — scripted (offline)")
            }
            let result = results[backendName]!
            failed = failed || !result.ok
            Console.out("\(result.ok ? "✔" : "✖") \(owner) · \(backendName): \(clean(result.line))\n")
        }
        await ModelHTTPClient.shutdown()
        if failed { throw ExitCode.badDebate }
    }
}
