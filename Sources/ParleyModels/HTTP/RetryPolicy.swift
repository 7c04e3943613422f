import Foundation
import NIOHTTP1

/// When to try a failed call again and how long to wait first.
///
/// A server's own `retry-after-ms` or `retry-after` (seconds or an HTTP date) is honoured when
/// it asks for 0–60 s; otherwise the wait is a capped exponential backoff with jitter:
/// 0.5 s, 1 s, 2 s, … up to 8 s, each scaled by a random 75–100 %.
struct RetryPolicy: Sendable {
    /// Tries per call, the first included.
    var maxAttempts: Int
    /// The first backoff, in seconds.
    var baseDelay: Double = 0.5
    /// The longest backoff, in seconds.
    var maxDelay: Double = 8
    /// The longest wait a server may ask for and be honoured, in seconds.
    var maxServerDelay: Double = 60

    /// The seconds to wait before try `attempt + 1`, after try `attempt` failed; `serverDelay`
    /// is what the server asked for, if anything.
    func delay(after attempt: Int, serverDelay: Double?, random: Double = Double.random(in: 0...1)) -> Double {
        if let serverDelay, serverDelay >= 0, serverDelay <= maxServerDelay { return serverDelay }
        let backoff = min(maxDelay, baseDelay * pow(2, Double(max(0, attempt - 1))))
        return backoff * (1 - 0.25 * random)
    }

    /// The wait a response's headers ask for, in seconds, if they ask for one.
    static func serverDelay(in headers: HTTPHeaders, now: Date = Date()) -> Double? {
        if let value = headers.first(name: "retry-after-ms"), let milliseconds = Double(value.trimmingCharacters(in: .whitespaces)) {
            return milliseconds / 1000
        }
        guard let value = headers.first(name: "retry-after")?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Double(value) { return seconds }
        guard let date = httpDate(value) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }

    /// Reads an HTTP date: `Wed, 21 Oct 2015 07:28:00 GMT` (and the two obsolete forms).
    static func httpDate(_ text: String) -> Date? {
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
