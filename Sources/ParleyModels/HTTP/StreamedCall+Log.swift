import Logging

/// What a call writes to the log: each try's URL, model, status and timings, retries and
/// failures. Header values that carry secrets are redacted and the API key (4 characters or
/// more, see ``ModelServer/scrub(_:)``) is scrubbed from every line.
extension StreamedCall {
    func logStart(attempt: Int) {
        var fields: Logger.Metadata = [
            "model": "\(server.model)", "agent": "\(agent)", "attempt": "\(attempt)", "body_bytes": "\(body.count)",
        ]
        fields["headers"] = "\(server.scrub(SecretHeaders.describe(headers.map { ($0.name, $0.value) })))"
        context.logger.debug("POST \(server.scrub(url))", metadata: fields)
    }

    func logRetry(_ progress: CallProgress, attempt: Int, of maxAttempts: Int, delay: Double, reason: String) {
        var fields = metadata(progress, attempt: attempt)
        fields["delay_s"] = "\(delay.roundedToTenth)"
        context.logger.warning(
            "POST \(server.scrub(url)) try \(attempt) of \(maxAttempts) failed, retrying: \(server.scrub(reason))",
            metadata: fields)
    }

    func logEnd(_ progress: CallProgress, attempt: Int, failure: ModelError?) {
        let fields = metadata(progress, attempt: attempt)
        let status = progress.statusCode == 0 ? "no response" : "\(progress.statusCode)"
        if let failure {
            context.logger.error("POST \(server.scrub(url)) → \(status) failed: \(server.scrub(failure.message))", metadata: fields)
        } else {
            context.logger.info("POST \(server.scrub(url)) → \(status)", metadata: fields)
        }
    }

    func metadata(_ progress: CallProgress, attempt: Int?) -> Logger.Metadata {
        var fields: Logger.Metadata = ["model": "\(server.model)", "agent": "\(agent)"]
        if let attempt { fields["attempt"] = "\(attempt)" }
        if progress.statusCode != 0 { fields["status"] = "\(progress.statusCode)" }
        if let headers = progress.headersMilliseconds { fields["headers_ms"] = "\(headers.roundedToTenth)" }
        if let first = progress.firstTokenMilliseconds { fields["first_token_ms"] = "\(first.roundedToTenth)" }
        fields["total_ms"] = "\(progress.totalMilliseconds.roundedToTenth)"
        if let usage = progress.usage {
            fields["prompt_tokens"] = "\(usage.promptTokens)"
            fields["completion_tokens"] = "\(usage.completionTokens)"
        }
        return fields
    }
}
