import Foundation
import ParleyCore
import ParleyModels
import Synchronization

/// Measures the time to the first text token of an OpenAI-compatible server two ways — through
/// ``OpenAIBackend`` (Parley's HTTP client, SSE decoder and stream reader) and by a minimal
/// HTTP/1.1 request over a plain POSIX socket with the same body — so `parley-bench` can show
/// how little Parley adds.
///
/// Both ways open a new connection for every measured run — the direct way sends
/// `Connection: close`, the Parley way goes through a fresh HTTP client of its own, so no
/// kept-alive connection saves it the connect — start the clock before connecting, stop it
/// when the first non-empty text arrives, and read the (short) reply until the server says it
/// is complete. One unmeasured warm-up request goes first (it loads the model and fills the
/// server's prompt cache), then the two ways alternate `runs` times, taking turns at going
/// first; medians are reported.
public enum FirstTokenProbe {
    /// The times measured.
    public struct Measurement: Sendable, Hashable, CustomStringConvertible {
        /// Each run's time to first token through ``OpenAIBackend``.
        public var throughParley: [Duration]
        /// Each run's time to first token over a plain socket.
        public var direct: [Duration]

        /// The median time through Parley.
        public var parleyMedian: Duration { Self.median(throughParley) }
        /// The median time over a plain socket.
        public var directMedian: Duration { Self.median(direct) }
        /// What Parley adds: the difference of the medians (negative when within noise).
        public var overhead: Duration { parleyMedian - directMedian }

        /// One line for a report:
        /// `first token: 41.2 ms through Parley, 40.3 ms direct (+0.9 ms), median of 3 runs`.
        public var description: String {
            let added = overhead.inMilliseconds
            return "first token: \(Self.text(parleyMedian)) through Parley, \(Self.text(directMedian)) direct "
                + "(\(added >= 0 ? "+" : "")\(Self.number(added)) ms), median of \(throughParley.count) runs"
        }

        private static func median(_ values: [Duration]) -> Duration {
            let sorted = values.sorted()
            guard !sorted.isEmpty else { return .zero }
            return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }

        private static func text(_ duration: Duration) -> String { "\(number(duration.inMilliseconds)) ms" }
        private static func number(_ value: Double) -> String { String(format: "%.1f", value) }
    }

    /// The most tokens each probe request asks for: only the first one matters.
    static let probeTokens = 8

    /// Measures time to first token for `config`'s server and model with `prompt`.
    /// - Parameters:
    ///   - runs: measured runs of each way (at least 1).
    ///   - context: logger and environment for the ``OpenAIBackend`` way (its client is not
    ///     used: each run makes its own).
    /// - Throws: ``ModelError`` when either way fails, or the base URL is not plain `http://`
    ///   (the direct way speaks no TLS).
    public static func measure(
        _ config: OpenAIConfig, prompt: String, runs: Int = 3, context: HTTPModelContext = HTTPModelContext()
    ) async throws -> Measurement {
        var probeConfig = config
        probeConfig.sampling.maxTokens = probeTokens
        probeConfig.http.maxAttempts = 1
        let backend = OpenAIBackend(config: probeConfig, context: context)
        let server = try backend.prepared()
        guard server.address.scheme == "http" else {
            throw ModelError(
                kind: .configuration, url: config.baseURL,
                message: "the first-token probe compares against a plain socket and needs an http:// base_url, not \(config.baseURL)",
                retryable: false)
        }
        let request = ChatRequest(
            agent: "probe", purpose: .turn(round: 1), system: "",
            messages: [ChatMessage(role: .user, content: prompt, kind: .instruction)], participants: [])
        let direct = DirectRequest(
            server: server, body: OpenAIRequestBody(request, model: config.model, sampling: probeConfig.sampling, host: server.address.host).encoded(),
            timeout: config.http.idleTimeout)

        _ = try await direct.timeToFirstToken()
        var measurement = Measurement(throughParley: [], direct: [])
        for run in 0..<max(1, runs) {
            // Alternate which way goes first, so neither always meets a just-warmed server.
            if run % 2 == 0 { measurement.direct.append(try await direct.timeToFirstToken()) }
            measurement.throughParley.append(try await timeToFirstToken(probeConfig, request, context: context))
            if run % 2 == 1 { measurement.direct.append(try await direct.timeToFirstToken()) }
        }
        return measurement
    }

    /// One run through ``OpenAIBackend``, on a client made for it (before the clock starts), so
    /// that it connects anew as the direct way does.
    private static func timeToFirstToken(_ config: OpenAIConfig, _ request: ChatRequest, context: HTTPModelContext) async throws -> Duration {
        try await ModelHTTPClient.withOwnClient(connectTimeout: config.http.connectTimeout) { client in
            var fresh = context
            fresh.client = client
            let backend = OpenAIBackend(config: config, context: fresh)
            let firstText = Mutex<ContinuousClock.Instant?>(nil)
            let started = ContinuousClock.now
            try await backend.reply(to: request) { chunk in
                guard case .text = chunk else { return }
                let now = ContinuousClock.now
                firstText.withLock { if $0 == nil { $0 = now } }
            }
            guard let first = firstText.withLock({ $0 }) else { throw noText(config.baseURL) }
            return first - started
        }
    }

    static func noText(_ url: String) -> ModelError {
        ModelError(kind: .stream, url: url, message: "the first-token probe got no text from \(url)", retryable: false)
    }
}
