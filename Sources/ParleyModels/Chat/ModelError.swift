/// A model could not answer: what went wrong, where, and what to do.
public struct ModelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public enum Kind: Sendable, Hashable {
        /// Nothing answers at the URL (connection refused, unknown host).
        case unreachable
        /// The server answered with an HTTP error status.
        case http(status: Int)
        /// The server stopped sending for longer than the idle timeout.
        case timeout
        /// The stream broke off or could not be read.
        case stream
        /// The server reported an error inside the stream.
        case server
        /// The request cannot be made as configured (no API key, bad URL).
        case configuration
    }

    /// The kind of failure.
    public var kind: Kind
    /// The URL called, when there was one.
    public var url: String?
    /// What went wrong and what to do, in the server's words where it gave any.
    public var message: String
    /// Whether trying again may help.
    public var retryable: Bool

    /// Makes an error.
    public init(kind: Kind, url: String? = nil, message: String, retryable: Bool) {
        self.kind = kind
        self.url = url
        self.message = message
        self.retryable = retryable
    }

    public var description: String { message }
}
