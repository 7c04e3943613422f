import AsyncHTTPClient
import Logging
import NIOCore
import NIOHTTP1

/// One streamed model call over HTTP, with retries: POSTs the body, reads the event stream
/// through a dialect's ``ReplyReader`` and hands the chunks on as they arrive.
///
/// - Tries again (at most `settings.maxAttempts` tries) for 408, 409, 429, 5xx, 529, a dropped
///   connection, an idle timeout or a transient error frame — but only while nothing of the reply
///   was delivered. Each retry is reported as ``ChatChunk/retrying(attempt:delay:reason:)``
///   before the wait.
/// - Ends the call when no byte arrives for `settings.idleTimeout` seconds.
/// - Cancelling the calling task cancels the request and closes its connection.
struct StreamedCall<Reader: ReplyReader>: Sendable {
    /// The server, for errors and logs.
    let server: ModelServer
    /// The endpoint POSTed to.
    let url: String
    /// The request headers, credentials included.
    let headers: HTTPHeaders
    /// The request body.
    let body: [UInt8]
    /// Retries and timeouts.
    let settings: HTTPSettings
    /// Client, logger, sleep.
    let context: HTTPModelContext
    /// Who the reply is for, for the log.
    let agent: String
    /// Makes a fresh reader for each try.
    let makeReader: @Sendable () -> Reader

    /// Once a reply is complete, how long a server may keep the body open before it is closed.
    static var drainLimit: Duration { .seconds(2) }
    /// The most bytes of an error response that are read.
    static var errorBodyLimit: Int { 64 * 1024 }

    /// Streams the reply, calling `onChunk` for each piece in order.
    /// - Throws: ``ModelError`` when the call fails for good; `CancellationError` when cancelled.
    func run(onChunk: @escaping @Sendable (ChatChunk) -> Void) async throws {
        let policy = RetryPolicy(maxAttempts: max(1, settings.maxAttempts))
        var attempt = 1
        while true {
            let progress = CallProgress()
            logStart(attempt: attempt)
            do {
                try await tryOnce(progress: progress, onChunk: onChunk)
                logEnd(progress, attempt: attempt, failure: nil)
                return
            } catch {
                if Task.isCancelled {
                    logger.info("POST \(server.scrub(url)) cancelled", metadata: metadata(progress, attempt: attempt))
                    throw CancellationError()
                }
                guard var failure = self.failure(from: error, progress: progress) else {
                    logEnd(progress, attempt: attempt, failure: nil)
                    return
                }
                let delivered = progress.hasDelivered
                if failure.error.retryable && !delivered && attempt < policy.maxAttempts {
                    let delay = policy.delay(after: attempt, serverDelay: failure.serverDelay)
                    onChunk(.retrying(attempt: attempt + 1, delay: delay, reason: failure.error.message))
                    logRetry(progress, attempt: attempt, of: policy.maxAttempts, delay: delay, reason: failure.error.message)
                    try await context.sleep(.milliseconds(Int64((delay * 1000).rounded())))
                    attempt += 1
                    continue
                }
                if delivered && failure.error.retryable {
                    failure.error.message += " — not retried, since part of the reply had already been delivered"
                } else if attempt > 1 {
                    failure.error.message += " (gave up after \(attempt) tries)"
                }
                logEnd(progress, attempt: attempt, failure: failure.error)
                throw failure.error
            }
        }
    }

    /// A failed try: the error, and the wait the server asked for.
    struct Failure: Error {
        var error: ModelError
        var serverDelay: Double? = nil
    }

    /// The watchdog's signal that the server went quiet.
    private struct IdleTrip: Error {}

    private var logger: Logger { context.logger }

    private func tryOnce(progress: CallProgress, onChunk: @escaping @Sendable (ChatChunk) -> Void) async throws {
        let idle = Duration.milliseconds(Int64((max(0.001, settings.idleTimeout) * 1000).rounded()))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await stream(progress: progress, onChunk: onChunk) }
            group.addTask {
                while true {
                    let limit = progress.isComplete ? min(idle, Self.drainLimit) : idle
                    let quiet = progress.quietFor
                    if quiet >= limit { throw IdleTrip() }
                    try await Task.sleep(for: limit - quiet)
                }
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    private func stream(progress: CallProgress, onChunk: @escaping @Sendable (ChatChunk) -> Void) async throws {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers = headers
        request.body = .bytes(ByteBuffer(bytes: body))
        let response: HTTPClientResponse
        do {
            response = try await context.client(for: settings).executeModelRequest(request, deadline: .distantFuture)
        } catch {
            if Task.isCancelled { throw CancellationError() }
            throw Failure(error: server.connectionFailure(error, url: url))
        }
        let status = Int(response.status.code)
        progress.headersArrived(status: status)
        logger.debug("\(server.scrub(url)) answered \(status)", metadata: metadata(progress, attempt: nil))

        guard (200..<300).contains(status) else {
            let errorBody = await collect(response.body, upTo: Self.errorBodyLimit, progress: progress)
            throw Failure(
                error: server.httpFailure(status: status, body: errorBody, url: url),
                serverDelay: RetryPolicy.serverDelay(in: response.headers))
        }

        var reader = makeReader()
        let emit: (ChatChunk) -> Void = { chunk in
            progress.delivering(chunk)
            onChunk(chunk)
        }
        let contentType = response.headers.first(name: "content-type")?.lowercased() ?? ""
        if contentType.contains("json") && !contentType.contains("event-stream") {
            // The server ignored `stream: true` (or failed) and sent one JSON document.
            let whole = await collect(response.body, upTo: Int.max, progress: progress)
            try read(ServerSentEvent(data: String(decoding: whole, as: UTF8.self)), into: &reader, progress: progress, emit: emit)
        } else {
            var decoder = SSEDecoder()
            do {
                for try await buffer in response.body {
                    progress.touch()
                    for event in decoder.feed(buffer.readableBytesView) {
                        try read(event, into: &reader, progress: progress, emit: emit)
                    }
                }
            } catch let error as ModelError {
                throw error
            } catch {
                if Task.isCancelled { throw CancellationError() }
                throw server.brokenStream(url: url, reason: Self.describe(error))
            }
            for event in decoder.finish() {
                try read(event, into: &reader, progress: progress, emit: emit)
            }
        }
        guard reader.isComplete || reader.canEndHere else {
            throw server.brokenStream(url: url, reason: "the body ended before the reply was complete")
        }
    }

    private func read(_ event: ServerSentEvent, into reader: inout Reader, progress: CallProgress, emit: (ChatChunk) -> Void) throws(ModelError) {
        do throws(ReplyReadError) {
            try reader.read(event, emit: emit)
        } catch {
            throw server.failure(error, url: url)
        }
        if reader.isComplete { progress.markComplete() }
    }

    private func collect(_ body: HTTPClientResponse.Body, upTo limit: Int, progress: CallProgress) async -> [UInt8] {
        var bytes: [UInt8] = []
        do {
            for try await buffer in body {
                progress.touch()
                if bytes.count < limit { bytes += buffer.readableBytesView.prefix(limit - bytes.count) }
            }
        } catch {
            // What arrived before the break is all there is to report.
        }
        return bytes
    }

    /// Classifies what ended a try; nil means the reply is complete after all (the server
    /// finished it, then kept the connection quiet).
    private func failure(from error: any Error, progress: CallProgress) -> Failure? {
        switch error {
        case is IdleTrip:
            return progress.isComplete ? nil : Failure(error: server.idleTimeout(url: url, seconds: settings.idleTimeout))
        case let failure as Failure:
            return failure
        case let error as ModelError:
            return Failure(error: error)
        default:
            return Failure(
                error: progress.hasHeaders
                    ? server.brokenStream(url: url, reason: Self.describe(error))
                    : server.connectionFailure(error, url: url))
        }
    }

    private static func describe(_ error: any Error) -> String {
        if let client = error as? HTTPClientError, client == .remoteConnectionClosed {
            return "the server closed the connection"
        }
        return ServerMessage.clean(String(describing: error))
    }
}

extension StreamedCall {
    /// The call answering `request` at `path` below the server's base URL, with the server's
    /// streaming headers.
    init(
        _ request: ChatRequest, to path: String, on server: ModelServer, body: some RequestBody,
        settings: HTTPSettings, context: HTTPModelContext, makeReader: @escaping @Sendable () -> Reader
    ) {
        self.init(
            server: server, url: server.address.url(path), headers: server.headers(streaming: true), body: body.encoded(),
            settings: settings, context: context, agent: request.agent.rawValue, makeReader: makeReader)
    }
}
