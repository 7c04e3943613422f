import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A real Arize Phoenix (`phoenix serve`, an OpenTelemetry receiver that reads GenAI spans)
/// started for a test on free loopback ports, with a working folder and database of its own.
/// `PARLEY_PHOENIX` is the path of the `phoenix` program (in a Python venv: `.ci/run` makes one).
final class Phoenix {
    /// Its HTTP port: the UI, the REST API and OTLP over HTTP (`/v1/traces`).
    let port: Int
    private let process: Process
    private let folder: URL

    /// `http://127.0.0.1:PORT`: what `--otlp` takes.
    var url: String { "http://127.0.0.1:\(port)" }

    /// The `phoenix` program `PARLEY_PHOENIX` names; nil when unset.
    static var program: String? {
        ProcessInfo.processInfo.environment["PARLEY_PHOENIX"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Starts Phoenix and returns once it answers its health check.
    /// - Throws: when it cannot start, or does not answer within `limit` (its log's end says why).
    static func start(_ program: String, within limit: Duration = .seconds(180)) async throws -> Phoenix {
        let phoenix = try Phoenix(program: program)
        do {
            try await phoenix.waitUntilHealthy(within: limit)
        } catch {
            phoenix.stop()
            throw error
        }
        return phoenix
    }

    private init(program: String) throws {
        port = try FreePort.next()
        let grpc = try FreePort.next()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-phoenix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: folder.appendingPathComponent("phoenix.log").path, contents: nil)
        let log = try FileHandle(forWritingTo: folder.appendingPathComponent("phoenix.log"))
        process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["serve"]
        var environment = ProcessInfo.processInfo.environment
        for (key, _) in environment where key.hasPrefix("PHOENIX_") || key.hasPrefix("OTEL_") { environment[key] = nil }
        environment["PHOENIX_HOST"] = "127.0.0.1"
        environment["PHOENIX_PORT"] = "\(port)"
        environment["PHOENIX_GRPC_PORT"] = "\(grpc)"
        environment["PHOENIX_WORKING_DIR"] = folder.path
        environment["PHOENIX_SQL_DATABASE_URL"] = "sqlite:///\(folder.path)/phoenix.db"
        environment["PHOENIX_TELEMETRY_ENABLED"] = "false"
        environment["PHOENIX_ALLOW_EXTERNAL_RESOURCES"] = "false"
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = log
        process.standardError = log
        try process.run()
    }

    /// Polls `/healthz` until it answers 200.
    private func waitUntilHealthy(within limit: Duration) async throws {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            guard process.isRunning else {
                throw PhoenixError("phoenix serve exited (status \(process.terminationStatus)): \(logTail())")
            }
            if let (_, status) = try? await get("/healthz"), status == 200 { return }
            try await Task.sleep(for: .milliseconds(250))
        }
        throw PhoenixError("phoenix serve did not answer on \(url)/healthz within \(limit): \(logTail())")
    }

    /// The spans of the default project (where spans without a project go), newest first.
    func spans() async throws -> [[String: Any]] {
        let (data, status) = try await get("/v1/projects/default/spans?limit=1000")
        guard status == 200, let body = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let spans = body["data"] as? [[String: Any]]
        else {
            throw PhoenixError("GET /v1/projects/default/spans answered \(status): \(String(decoding: data, as: UTF8.self).prefix(300))")
        }
        return spans
    }

    /// Polls the spans until `done` holds for them, and returns them.
    /// - Throws: when it does not within `limit`, naming what arrived.
    func spans(within limit: Duration = .seconds(60), until done: ([[String: Any]]) -> Bool) async throws -> [[String: Any]] {
        let deadline = ContinuousClock.now + limit
        var latest: [[String: Any]] = []
        while ContinuousClock.now < deadline {
            latest = try await spans()
            if done(latest) { return latest }
            try await Task.sleep(for: .milliseconds(250))
        }
        throw PhoenixError("Phoenix holds \(latest.count) spans, not the ones expected: \(latest.compactMap { $0["name"] as? String })")
    }

    private func get(_ path: String) async throws -> (Data, Int) {
        var request = URLRequest(url: URL(string: url + path)!)
        request.timeoutInterval = 10
        let (data, response) = try await URLSession.shared.data(for: request)
        return (data, (response as? HTTPURLResponse)?.statusCode ?? 0)
    }

    private func logTail() -> String {
        let text = (try? String(contentsOf: folder.appendingPathComponent("phoenix.log"), encoding: .utf8)) ?? ""
        return String(text.suffix(1500))
    }

    /// Stops it (SIGTERM, then SIGKILL after 10 s) and removes its folder.
    func stop() {
        if process.isRunning {
            process.terminate()
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning && Date() < deadline { usleep(50_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: folder)
    }
}

struct PhoenixError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
