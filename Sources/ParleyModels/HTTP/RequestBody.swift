import Foundation

/// A request body sent as JSON.
package protocol RequestBody: Encodable, Sendable {}

extension RequestBody {
    /// The body as JSON bytes, keys sorted so the same request always has the same bytes.
    package func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Bodies hold only strings, numbers and booleans, which always encode.
        return Array((try? encoder.encode(self)) ?? Data())
    }
}
