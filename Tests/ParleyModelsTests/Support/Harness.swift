import Foundation
import Logging
import Synchronization
@testable import ParleyModels

/// A loopback server, an HTTP client of the test's own, a context whose retry waits are
/// recorded instead of slept, and a log file — set up for one test and torn down after it.
struct Harness: Sendable {
    /// The server the backend talks to.
    let server: LoopbackServer
    /// The context to make backends with.
    let context: HTTPModelContext
    /// The retry waits asked for.
    let sleeps: SleepLog
    /// Where the backend's log lines went.
    let logPath: String

    /// The API key tests put in the environment.
    static let key = "sk-test-0123456789abcdef"

    /// Runs `body` with a fresh harness answering with `script`.
    static func run(
        environment: [String: String] = ["PARLEY_TEST_KEY": key, "ANTHROPIC_API_KEY": key],
        script: @escaping @Sendable (LoopbackServer.Request, Int) -> [LoopbackServer.Step],
        _ body: (Harness) async throws -> Void
    ) async throws {
        let server = try await LoopbackServer.start(script)
        let logPath = FileManager.default.temporaryDirectory.appendingPathComponent("parley-models-\(UUID().uuidString).log").path
        let file = try LogFile(path: logPath)
        defer {
            file.close()
            try? FileManager.default.removeItem(atPath: logPath)
        }
        let sleeps = SleepLog()
        do {
            try await ModelHTTPClient.withOwnClient { client in
                let logger = Logger(label: "parley.models") { FileLogHandler(label: $0, file: file, level: .debug) }
                let context = HTTPModelContext(client: client, logger: logger, environment: environment, sleep: sleeps.record)
                try await body(Harness(server: server, context: context, sleeps: sleeps, logPath: logPath))
            }
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// The log so far.
    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// An OpenAI-compatible config for this server.
    func openAI(
        model: String = "smollm2", apiKeyEnv: String? = "PARLEY_TEST_KEY", sampling: Sampling = Sampling(),
        price: Price? = nil, headers: [String: String] = [:], maxAttempts: Int = 4, idleTimeout: Double = 30
    ) -> OpenAIConfig {
        OpenAIConfig(
            baseURL: server.baseURL, model: model, apiKeyEnv: apiKeyEnv, sampling: sampling, price: price,
            http: HTTPSettings(headers: headers, maxAttempts: maxAttempts, idleTimeout: idleTimeout))
    }

    /// An Anthropic config for this server.
    func anthropic(model: String = "claude-sonnet-4-5", price: Price? = nil, maxAttempts: Int = 4, idleTimeout: Double = 30) -> AnthropicConfig {
        AnthropicConfig(
            baseURL: server.baseURL, model: model, price: price,
            http: HTTPSettings(maxAttempts: maxAttempts, idleTimeout: idleTimeout))
    }
}

/// Records the waits a backend asks for between retries, and returns at once.
final class SleepLog: Sendable {
    private let waits = Mutex<[Duration]>([])

    /// The closure to use as a context's `sleep`.
    var record: @Sendable (Duration) async throws -> Void {
        { duration in self.waits.withLock { $0.append(duration) } }
    }

    /// The waits asked for, in order.
    var all: [Duration] { waits.withLock { $0 } }
}

/// A short debate turn to ask for.
let sampleRequest = ChatRequest(
    agent: "cfo", purpose: .turn(round: 1), system: "You are Dana, the CFO. Be brief.",
    messages: [ChatMessage(role: .user, content: "Sam (PM): should we raise prices 3 %?", kind: .peer, speaker: "pm", round: 1)],
    participants: [])

/// Runs `body` and returns the ModelError it throws; nil when it throws none or another error.
func modelError(_ body: () async throws -> Void) async -> ModelError? {
    do {
        try await body()
        return nil
    } catch let error as ModelError {
        return error
    } catch {
        return nil
    }
}

/// A logger that writes nothing, for tests that do not read the log.
let quietLogger = Logger(label: "parley.test") { _ in SwiftLogNoOpLogHandler() }

/// Runs `body` and returns how it ended, or nil when it has not ended within `limit` (a
/// failure guard, not a timing assumption: the body is then cancelled).
func outcome<T: Sendable>(within limit: Duration, of body: @escaping @Sendable () async throws -> T) async -> Result<T, any Error>? {
    await withTaskGroup(of: Result<T, any Error>?.self) { group in
        group.addTask {
            do { return .success(try await body()) } catch { return .failure(error) }
        }
        group.addTask {
            try? await Task.sleep(for: limit)
            return nil
        }
        let first = await group.next() ?? nil
        group.cancelAll()
        return first
    }
}
