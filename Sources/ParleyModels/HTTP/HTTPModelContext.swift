import AsyncHTTPClient
import Foundation
import Logging

/// What an HTTP backend needs from its surroundings: the client to call through, where to log,
/// the environment its API key is read from, and how to wait between retries.
public struct HTTPModelContext: Sendable {
    /// The client to use; nil uses ``ModelHTTPClient/shared(connectTimeout:)`` for the
    /// backend's connect timeout.
    public var client: HTTPClient?
    /// Where requests, timings, retries and failures are logged (API keys never: credential
    /// headers are redacted, and a key of 4 characters or more is scrubbed from what servers
    /// echo).
    public var logger: Logger
    /// The environment API keys are read from.
    public var environment: [String: String]
    /// Waits between retries; tests replace it to avoid real backoff.
    public var sleep: @Sendable (Duration) async throws -> Void

    /// Makes a context; by default the shared client, the process environment and real sleep.
    public init(
        client: HTTPClient? = nil,
        logger: Logger = Logger(label: "parley.models"),
        environment: [String: String] = ProcessInfo.processInfo.environment,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.client = client
        self.logger = logger
        self.environment = environment
        self.sleep = sleep
    }

    /// The client to call through for these settings.
    func client(for settings: HTTPSettings) -> HTTPClient {
        client ?? ModelHTTPClient.shared(connectTimeout: settings.connectTimeout)
    }
}
