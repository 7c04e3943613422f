import ArgumentParser
import Logging
import ParleyEngine
import ParleyServe

/// The server of `parley run --serve`: it listens before the debate starts, serves the run's
/// debate (and each fork the person makes of it), and stops when the run ends.
enum LocalServer {
    /// Starts listening with `settings`, saying on stderr any warning (a token in clear).
    /// - Throws: ``ExitCode/badDebate`` after saying why (the address in use, a live socket),
    ///   before any debate starts.
    static func start(_ settings: ServeSettings, models: ModelProvider, logger: Logger) async throws -> ListeningServer {
        for warning in settings.warnings { Console.error("parley: warning: \(warning)") }
        do {
            return try await ListeningServer.start(DebateServer(settings: settings, models: models, logger: logger))
        } catch {
            Console.error(
                "parley: cannot serve the debate on \(settings.address.text): \(error); "
                    + "try another address with --serve-on ADDR:PORT (port 0 picks a free one)")
            throw ExitCode.badDebate
        }
    }
}

extension ListeningServer {
    /// Serves `debate` and says on stderr where to watch and steer it.
    /// - Returns: where it is served, for the observer's status bar: `3f2a9c1e on 127.0.0.1:7878`.
    @discardableResult
    func serve(_ debate: Debate, recordingPath: String?, lingers: Bool) -> String {
        let id = server.serve(debate, recordingPath: recordingPath, lingers: lingers)
        Console.error("parley: serving this debate at \(url)/debates/\(id) — its events at \(url)/debates/\(id)/events")
        return "\(id) on \(listening)"
    }
}
