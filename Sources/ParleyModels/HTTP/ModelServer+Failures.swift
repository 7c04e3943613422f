import AsyncHTTPClient
import Foundation
import ParleyCore

/// Clear errors for everything that can go wrong talking to a model server: what happened,
/// where (the URL), in the server's own words (scrubbed of the API key, on one line, capped),
/// and what to do.
extension ModelServer {
    /// The server answered `status` with `body`.
    package func httpFailure(status: Int, body: some Collection<UInt8>, url: String) -> ModelError {
        let said = ServerMessage(body: body)
        let words = said.map { quote($0.text) } ?? "no message"
        let retryable = status == 408 || status == 409 || status == 429 || (500...599).contains(status)
        let message: String
        switch status {
        case 401, 403:
            message = "HTTP \(status) from \(url): \(words) — \(keyAdvice)"
        case 404 where isAboutModel(said):
            let text = said?.text.lowercased() ?? ""
            let otherwise = dialect == .openAI
                ? "check the id (\(address.url("models")) lists the server's models) or change `model`"
                : "check the model id or change `model`"
            return modelNotFound(
                url: url, otherwise: otherwise, ollamaSaid: text.contains("pull") || text.contains("ollama"),
                detail: "server said: \(words)")
        case 404:
            message = "HTTP 404 from \(url): \(words) — check `base_url`: it should be the API's base, ending in /v1"
        case 400, 422:
            message = "HTTP \(status) from \(url): \(words) — the server rejected the request; check `model` and the sampling options"
        case 429:
            message = "HTTP 429 from \(url): \(words) — rate limited; wait a little, or slow the debate's pace"
        case 529, 503:
            message = "HTTP \(status) from \(url): \(words) — the server is overloaded; try again later"
        case 500...599:
            message = "HTTP \(status) from \(url): \(words) — the server failed; try again, or check its log"
        case 300...399:
            message = "HTTP \(status) from \(url): the server redirects — check `base_url` (http or https? the right path?)"
        default:
            message = "HTTP \(status) from \(url): \(words)"
        }
        return ModelError(kind: .http(status: status), url: url, message: message, retryable: retryable)
    }

    /// The server does not have the model: pull it from Ollama (at Ollama's port, or when the
    /// server's words speak of pulling), or else `otherwise`; `detail` says how we know.
    func modelNotFound(url: String, otherwise: String, ollamaSaid: Bool = false, detail: String) -> ModelError {
        let advice = isOllama || (dialect == .openAI && ollamaSaid) ? "pull it (ollama pull \(model)) or change `model`" : otherwise
        return ModelError(
            kind: .http(status: 404), url: url,
            message: "model '\(model)' not found on \(address.base) — \(advice) (\(detail))", retryable: false)
    }

    /// The request never got an answer: refused, unresolvable host, timeout, reset.
    func connectionFailure(_ error: any Error, url: String) -> ModelError {
        let detail = String(describing: error)
        let lowered = detail.lowercased()
        if lowered.contains("refused") {
            return ModelError(
                kind: .unreachable, url: url,
                message: "cannot connect to \(address.base) (connection refused) — \(startAdvice)", retryable: false)
        }
        if lowered.contains("dns") || lowered.contains("resolve") || lowered.contains("getaddrinfo") || lowered.contains("name or service") {
            return ModelError(
                kind: .unreachable, url: url,
                message: "cannot find the host '\(address.host)' of \(address.base) — check `base_url` and your network",
                retryable: false)
        }
        if let client = error as? HTTPClientError, client == .connectTimeout {
            return ModelError(
                kind: .unreachable, url: url,
                message: "timed out connecting to \(address.base) — is the server up? check `base_url`, or raise `connect_timeout`",
                retryable: true)
        }
        if let client = error as? HTTPClientError, client == .remoteConnectionClosed {
            return ModelError(
                kind: .unreachable, url: url,
                message: "\(url) closed the connection without answering — the server may have failed or restarted; check its log",
                retryable: true)
        }
        return ModelError(
            kind: .unreachable, url: url,
            message: "the connection to \(url) failed (\(quote(detail))) — check that the server is up and `base_url` is right",
            retryable: true)
    }

    /// Nothing came from the server for `seconds`.
    func idleTimeout(url: String, seconds: Double) -> ModelError {
        ModelError(
            kind: .timeout, url: url,
            message: "no data from \(url) for \(Seconds.describe(TimeoutSeconds.clamped(seconds))) (idle_timeout) — the server stopped sending; it may be overloaded or stuck. Raise `idle_timeout` for slow models",
            retryable: true)
    }

    /// A single request (a check) got no whole answer within its deadline: the connect and idle
    /// timeouts added up.
    func deadlineExceeded(url: String, settings: HTTPSettings) -> ModelError {
        let seconds = TimeoutSeconds.clamped(settings.connectTimeout) + TimeoutSeconds.clamped(settings.idleTimeout)
        return ModelError(
            kind: .timeout, url: url,
            message: "no whole answer from \(url) within \(Seconds.describe(seconds)) (connect_timeout + idle_timeout) — the server may be overloaded or stuck; raise `idle_timeout` for slow servers",
            retryable: true)
    }

    /// The answer was longer than Parley reads (`limit` bytes).
    func answerTooLarge(url: String, limit: Int) -> ModelError {
        ModelError(
            kind: .stream, url: url,
            message: "the answer from \(url) is larger than \(limit / (1024 * 1024)) MB, more than Parley reads — check `base_url`: it should be the API's base, ending in /v1",
            retryable: false)
    }

    /// The body ended or broke before the reply was complete.
    func brokenStream(url: String, reason: String) -> ModelError {
        ModelError(kind: .stream, url: url, message: "the stream from \(url) broke off (\(quote(reason)))", retryable: true)
    }

    /// The server answered 200 with an HTML page (`page`, its first bytes) where an event stream
    /// belongs: a proxy's sign-in page or a website. Not retried: asking again gets the same page.
    func htmlAnswer(url: String, page: [UInt8]) -> ModelError {
        let text = String(decoding: page, as: UTF8.self)
        var title = ""
        if let start = text.range(of: "<title>", options: .caseInsensitive),
            let end = text.range(of: "</title>", options: .caseInsensitive, range: start.upperBound..<text.endIndex)
        {
            title = " titled '\(quote(String(text[start.upperBound..<end.lowerBound]), limit: 80))'"
        }
        return ModelError(
            kind: .stream, url: url,
            message: "\(url) answered with an HTML page\(title), not an event stream — a proxy or sign-in page may stand between Parley and the server, or `base_url` points at a website; check `base_url` (the API's base, ending in /v1) and that you can reach the API from here",
            retryable: false)
    }

    /// A chunked body whose framing is broken: `sizeLine` is what stood where a chunk size belongs.
    package func malformedChunk(url: String, sizeLine: String) -> ModelError {
        ModelError(
            kind: .stream, url: url,
            message: "malformed chunk size '\(quote(sizeLine, limit: 40))' in the body from \(url) — the server's HTTP framing is broken",
            retryable: false)
    }

    /// What a reader's complaint means for the call.
    package func failure(_ error: ReplyReadError, url: String) -> ModelError {
        switch error {
        case .server(let said): streamError(url: url, said: said)
        case .unreadable(let detail): unreadableStream(url: url, detail: detail)
        }
    }

    /// The stream could not be understood.
    func unreadableStream(url: String, detail: String) -> ModelError {
        ModelError(
            kind: .stream, url: url,
            message: "could not read the stream from \(url): \(quote(detail, limit: 160)) — is `base_url` an \(dialect.apiName) API?",
            retryable: false)
    }

    /// The server reported an error inside a stream it had started with HTTP 200.
    func streamError(url: String, said: ServerMessage) -> ModelError {
        ModelError(
            kind: .server, url: url, message: "\(url) reported an error mid-stream: \(quote(said.text))",
            retryable: said.isTransient)
    }

    private var keyAdvice: String {
        guard let keyVariable else {
            return "no API key was sent; name the environment variable that holds one with `api_key_env`"
        }
        return "the API key comes from the environment variable \(keyVariable), which is set; check that it holds a valid key with access to '\(model)'"
    }

    private func isAboutModel(_ said: ServerMessage?) -> Bool {
        guard let said else { return false }
        return said.text.lowercased().contains("model") || said.text.contains(model)
    }

    /// What to start: the server that usually listens on the URL's port (Ollama, llama.cpp's
    /// llama-server, vLLM, LM Studio), or any of them on another local port.
    private var startAdvice: String {
        if isOllama { return LocalServer.ollama.startAdvice(port: 11434) }
        let local = ["127.0.0.1", "localhost", "::1", "[::1]", "0.0.0.0"].contains(address.host.lowercased())
        guard dialect == .openAI, local else { return "check `base_url` and your network" }
        let port = address.effectivePort
        return LocalServer(port: port)?.startAdvice(port: port)
            ?? "is the server running? start it (`llama-server -m MODEL.gguf --port \(port)`, or `ollama serve` for Ollama's 11434) or fix `base_url`"
    }

}
