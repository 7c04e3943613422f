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
/// - Stops reading once the server says the reply is complete (`[DONE]`, `message_stop`): a
///   server that then keeps the body open does not hold the turn up. The connection goes back
///   to the pool when the body had ended too, and is closed otherwise.
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

    /// The most bytes of an error response that are read.
    static var errorBodyLimit: Int { 64 * 1024 }
    /// The most bytes of a whole (non-streamed) JSON reply that are read.
    static var wholeReplyLimit: Int { 8 * 1024 * 1024 }

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
                var failure = self.failure(from: error, progress: progress)
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

    private var logger: Logger { context.logger }

    private func tryOnce(progress: CallProgress, onChunk: @escaping @Sendable (ChatChunk) -> Void) async throws {
        let idle = TimeoutSeconds.duration(settings.idleTimeout)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await stream(progress: progress, onChunk: onChunk) }
            group.addTask {
                while true {
                    let quiet = progress.quietFor
                    if quiet >= idle { throw Failure(error: server.idleTimeout(url: url, seconds: settings.idleTimeout)) }
                    try await Task.sleep(for: idle - quiet)
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
            response = try await context.client(for: settings).executeModelRequest(
                request, deadline: .distantFuture, url: server.scrub(url), logger: logger)
        } catch {
            if Task.isCancelled { throw CancellationError() }
            throw Failure(error: server.connectionFailure(error, url: url))
        }
        let status = Int(response.status.code)
        progress.headersArrived(status: status)
        logger.debug("\(server.scrub(url)) answered \(status)", metadata: metadata(progress, attempt: nil))

        guard (200..<300).contains(status) else {
            // What arrived before a break or the limit is all there is to report.
            let errorBody = await collect(response.body, upTo: Self.errorBodyLimit, progress: progress)
            throw Failure(
                error: server.httpFailure(status: status, body: errorBody.bytes, url: url),
                serverDelay: RetryPolicy.serverDelay(in: response.headers))
        }

        let contentType = response.headers.first(name: "content-type")?.lowercased() ?? ""
        if contentType.contains("text/html") {
            // A proxy's sign-in page or a website, not the API: asking again gets the same page.
            let page = await collect(response.body, upTo: Self.errorBodyLimit, progress: progress)
            throw server.htmlAnswer(url: url, page: page.bytes)
        }
        var reader = makeReader()
        let emit: (ChatChunk) -> Void = { chunk in
            progress.delivering(chunk)
            onChunk(chunk)
        }
        if contentType.contains("json") && !contentType.contains("event-stream") {
            // The server ignored `stream: true` (or failed) and sent one JSON document.
            let whole = try await collectWhole(response, progress: progress)
            try read(ServerSentEvent(data: String(decoding: whole, as: UTF8.self)), into: &reader, emit: emit)
        } else {
            var decoder = SSEDecoder()
            do {
                reading: for try await buffer in response.body {
                    progress.touch()
                    for event in decoder.feed(buffer.readableBytesView) {
                        try read(event, into: &reader, emit: emit)
                        // Leaving the loop drops the body: the client closes the connection
                        // unless the body had ended already.
                        if reader.isComplete { break reading }
                    }
                }
            } catch let error as ModelError {
                throw error
            } catch {
                if Task.isCancelled { throw CancellationError() }
                throw server.brokenStream(url: url, reason: Self.describe(error))
            }
            if !reader.isComplete {
                let cutMidLine = decoder.endsMidLine
                for event in decoder.finish() {
                    try read(event, into: &reader, emit: emit, cutMidLine: cutMidLine)
                }
            }
        }
        guard reader.isComplete || reader.canEndHere else {
            throw server.brokenStream(url: url, reason: "the body ended before the reply was complete")
        }
    }

    /// Reads one event; when it is the last line of a body that ended without its line end
    /// (`cutMidLine`), a line the reader cannot read is a stream that broke off, not a wrong API.
    private func read(
        _ event: ServerSentEvent, into reader: inout Reader, emit: (ChatChunk) -> Void, cutMidLine: Bool = false
    ) throws(ModelError) {
        do throws(ReplyReadError) {
            try reader.read(event, emit: emit)
        } catch {
            if cutMidLine, case .unreadable = error {
                throw server.brokenStream(url: url, reason: "the body ended in the middle of a line")
            }
            throw server.failure(error, url: url)
        }
        for note in reader.takeNotes() {
            logger.warning("POST \(server.scrub(url)): \(server.scrub(note))", metadata: ["model": "\(server.model)", "agent": "\(agent)"])
        }
    }

    /// A body read up to a limit: the bytes, whether more was left unread, and the error that
    /// broke it off, if one did.
    private struct Collected {
        var bytes: [UInt8] = []
        var overflowed = false
        var breakage: (any Error)?
    }

    /// Reads `body` up to `limit` bytes; what follows the limit is not read.
    private func collect(_ body: HTTPClientResponse.Body, upTo limit: Int, progress: CallProgress) async -> Collected {
        var collected = Collected()
        do {
            for try await buffer in body {
                progress.touch()
                let room = limit - collected.bytes.count
                collected.bytes += buffer.readableBytesView.prefix(room)
                if buffer.readableBytes > room {
                    collected.overflowed = true
                    break
                }
            }
        } catch {
            collected.breakage = error
        }
        return collected
    }

    /// Reads a whole JSON reply, at most ``wholeReplyLimit`` bytes.
    /// - Throws: ``ModelError``: a retryable broken stream when the body breaks off, a
    ///   non-retryable one when the reply is larger than the limit.
    private func collectWhole(_ response: HTTPClientResponse, progress: CallProgress) async throws -> [UInt8] {
        if let length = response.headers.first(name: "content-length").flatMap({ Int($0) }), length > Self.wholeReplyLimit { throw server.answerTooLarge(url: url, limit: Self.wholeReplyLimit) }
        let collected = await collect(response.body, upTo: Self.wholeReplyLimit, progress: progress)
        if let breakage = collected.breakage {
            if Task.isCancelled { throw CancellationError() }
            throw server.brokenStream(url: url, reason: Self.describe(breakage))
        }
        if collected.overflowed { throw server.answerTooLarge(url: url, limit: Self.wholeReplyLimit) }
        return collected.bytes
    }

    /// Classifies what ended a try.
    private func failure(from error: any Error, progress: CallProgress) -> Failure {
        switch error {
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
        return String(describing: error)
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
