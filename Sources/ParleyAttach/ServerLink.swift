import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ParleyCore
import ParleyModels

/// The HTTP between an attached observer and `parley serve`: the list of debates, a debate's
/// event stream, and its commands. Every request carries the token, when there is one.
struct ServerLink: Sendable {
    /// Where the server is.
    let target: AttachTarget
    /// The bearer token sent, when there is one.
    let token: String?
    let client: HTTPClient

    /// The server's debates, oldest first.
    /// - Throws: ``AttachError`` saying why they could not be listed and what to try.
    func listing() async throws(AttachError) -> [DebateListing] {
        let response = try await get("/debates")
        let body = try await read(response, limit: 8 << 20)
        do {
            return try JSONDecoder().decode([DebateListing].self, from: body)
        } catch {
            throw AttachError("\(target.shown) answered GET /debates with something that is not Parley's list of debates; is it `parley serve`?")
        }
    }

    /// Opens a debate's event stream after seq `after` (its whole history for 0).
    /// - Throws: ``AttachError``: ``AttachError/passes`` for a server that could not be reached.
    func events(of id: String, after seq: Int) async throws(AttachError) -> HTTPClientResponse.Body {
        let response = try await get("/debates/\(escaped(id))/events", headers: [("Last-Event-ID", "\(seq)")])
        let type = response.headers.first(name: "content-type") ?? ""
        guard type.hasPrefix("text/event-stream") else {
            throw AttachError("\(target.shown) answered with \(type.isEmpty ? "no content type" : type), not an event stream; is it `parley serve`?")
        }
        return response.body
    }

    /// Sends a command. - Returns: why the server did not carry it out, or nil when it did.
    func send(_ body: [String: WireValue], to id: String) async -> String? {
        var request = request("/debates/\(escaped(id))/commands")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: (try? JSONEncoder().encode(body)) ?? Data()))
        let response: HTTPClientResponse
        do {
            response = try await execute(request)
        } catch {
            return error.description + "; the command was not sent"
        }
        if (200..<300).contains(response.status.code) { return nil }
        return (try? await Self.reason(of: response)) ?? "\(response.status.code) \(response.status.reasonPhrase)"

    }

    /// Forks debate `id` before the turn of message `at`, on the server. - Returns: the fork's id.
    /// - Throws: ``AttachError`` with the server's reason (a turn it does not know, a server
    ///   that serves only its own debate).
    func fork(_ id: String, at message: Int) async throws(AttachError) -> String {
        var request = request("/debates/\(escaped(id))/fork")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: #"{"at":\#(message)}"#))
        let response = try await execute(request)
        guard response.status == .created else {
            let reason = (try? await Self.reason(of: response)) ?? "\(response.status.code) \(response.status.reasonPhrase)"
            throw AttachError("\(target.shown) did not fork the debate at message \(message): \(reason)")
        }
        struct Started: Decodable { var id: String }
        guard let started = try? JSONDecoder().decode(Started.self, from: try await read(response, limit: 64 * 1024)) else {
            throw AttachError("\(target.shown) forked the debate but did not say the fork's id; GET /debates lists it")
        }
        return started.id
    }

    /// A debate's first event (its `debateStarted`), read off the start of its event stream.
    func firstRecord(of id: String) async throws(AttachError) -> EventRecord? {
        let body = try await events(of: id, after: 0)
        var decoder = SSEDecoder()
        do {
            for try await buffer in body {
                if let event = decoder.feed(buffer.readableBytesView).first {
                    return try EventLog.makeDecoder().decode(EventRecord.self, from: Data(event.data.utf8))
                }
            }
        } catch {
            throw AttachError("\(target.shown) sent an event Parley cannot read: \(error)")
        }
        return nil
    }

    /// A debate's recording so far, read. - Throws: ``AttachError`` when there is none (a debate
    /// `parley run --serve` does not record) or it cannot be read.
    func log(of id: String) async throws(AttachError) -> [EventRecord] {
        let response = try await get("/debates/\(escaped(id))/log")
        let data = try await read(response, limit: 256 << 20)
        do {
            return try EventLogReader.read(data: data, path: "\(id).jsonl").records
        } catch {
            throw AttachError("\(target.shown) sent a log Parley cannot read: \(error)")
        }
    }

    private func get(_ path: String, headers: [(String, String)] = []) async throws(AttachError) -> HTTPClientResponse {
        var request = request(path)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let response = try await execute(request)
        guard response.status == .ok else {
            let reason = (try? await Self.reason(of: response)) ?? "\(response.status)"
            switch response.status.code {
            case 401:
                throw AttachError("\(target.shown) needs a token: set PARLEY_TOKEN (or PARLEY_READ_TOKEN to watch only) to the server's (\(reason))")
            case 404 where path.hasPrefix("/debates/"):
                throw AttachError("\(reason); `parley attach \(target.shown)` lists them")
            case 500...:
                throw AttachError("\(target.shown) failed: \(reason)", passes: true)
            default:
                throw AttachError("\(target.shown) answered \(response.status.code): \(reason)")
            }
        }
        return response
    }

    private func request(_ path: String) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: target.server + path)
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        return request
    }

    private func execute(_ request: HTTPClientRequest) async throws(AttachError) -> HTTPClientResponse {
        do {
            return try await client.execute(request, deadline: .distantFuture)
        } catch {
            if Task.isCancelled { throw AttachError("cancelled", passes: true) }
            throw AttachError(
                "cannot reach \(target.shown) (\(Self.describe(error))); is `parley serve` running there? Start it, or check the address",
                passes: true)
        }
    }

    /// A connection's failure in a few words: "connection refused", not NIO's whole error.
    static func describe(_ error: any Error) -> String {
        let text = "\(error)"
        for (sign, words) in [
            ("refused", "connection refused"), ("connectTimeout", "no answer in time"), ("timed out", "no answer in time"),
            ("NXDOMAIN", "no such host"), ("resolve", "no such host"), ("unreachable", "network unreachable"),
        ] where text.localizedCaseInsensitiveContains(sign) {
            return words
        }
        return text
    }

    /// The `error` of a Parley error body, or the status.
    private static func reason(of response: HTTPClientResponse) async throws -> String {
        let body = try await response.body.collect(upTo: 64 * 1024)
        struct ErrorBody: Decodable { var error: String }
        if let error = try? JSONDecoder().decode(ErrorBody.self, from: Data(body.readableBytesView)) {
            return error.error
        }
        return "\(response.status.code) \(response.status.reasonPhrase)"
    }

    private func read(_ response: HTTPClientResponse, limit: Int) async throws(AttachError) -> Data {
        do {
            return Data(try await response.body.collect(upTo: limit).readableBytesView)
        } catch {
            throw AttachError("\(target.shown) broke off its answer (\(error)); try again", passes: true)
        }
    }

    private func escaped(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? id
    }
}
