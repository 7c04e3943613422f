import AsyncHTTPClient
import Logging
import NIOCore
import NIOHTTP1

/// A single GET to a model server, for `--ping`: no retries, bounded by the backend's connect
/// and idle timeouts.
struct ServerCheck: Sendable {
    /// The server, for errors.
    let server: ModelServer
    /// Timeouts.
    let settings: HTTPSettings
    /// Client and logger.
    let context: HTTPModelContext

    /// The answer to a GET.
    struct Answer: Sendable {
        var status: Int
        var body: [UInt8]
        var roundTrip: Duration
    }

    /// The most bytes of an answer that are read.
    static var answerLimit: Int { 4 * 1024 * 1024 }

    /// GETs `url` and reads the whole answer.
    /// - Throws: ``ModelError`` when nothing answers, no whole answer comes within the connect
    ///   and idle timeouts added up, the answer is larger than ``answerLimit``, or the server
    ///   answers with an error status.
    func get(_ url: String, headers: HTTPHeaders) async throws(ModelError) -> Answer {
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        request.headers = headers
        let started = ContinuousClock.now
        let limit = TimeoutSeconds.timeAmount(settings.connectTimeout) + TimeoutSeconds.timeAmount(settings.idleTimeout)
        let answer: Answer
        do {
            let response = try await context.client(for: settings).executeModelRequest(
                request, deadline: .now() + limit, url: server.scrub(url), logger: context.logger)
            var body = try await response.body.collect(upTo: Self.answerLimit)
            answer = Answer(
                status: Int(response.status.code), body: body.readBytes(length: body.readableBytes) ?? [],
                roundTrip: ContinuousClock.now - started)
        } catch let error as HTTPClientError where error == .deadlineExceeded {
            throw server.deadlineExceeded(url: url, settings: settings)
        } catch is NIOTooManyBytesError {
            throw server.answerTooLarge(url: url, limit: Self.answerLimit)
        } catch {
            throw server.connectionFailure(error, url: url)
        }
        context.logger.info(
            "GET \(server.scrub(url)) → \(answer.status)",
            metadata: ["model": "\(server.model)", "total_ms": "\(answer.roundTrip.inMilliseconds.roundedToTenth)"])
        guard (200..<300).contains(answer.status) else {
            throw server.httpFailure(status: answer.status, body: answer.body, url: url)
        }
        return answer
    }
}
