import Foundation

/// Decodes an HTTP/1.1 `Transfer-Encoding: chunked` body fed in pieces split anywhere.
struct ChunkedBody: Sendable {
    private enum State: Sendable {
        case size(String)
        case data(remaining: Int)
        case dataEnd
        case done
    }

    private var state = State.size("")

    /// Whether the last (zero-size) chunk arrived.
    var isDone: Bool {
        if case .done = state { return true }
        return false
    }

    /// Feeds the next bytes and returns the body bytes they carry.
    /// - Throws: ``ModelError`` of kind `stream` for a malformed chunk size.
    mutating func feed(_ bytes: some Collection<UInt8>) throws(ModelError) -> [UInt8] {
        var body: [UInt8] = []
        var index = bytes.startIndex
        while index != bytes.endIndex {
            switch state {
            case .size(let line):
                let byte = bytes[index]
                index = bytes.index(after: index)
                if byte == UInt8(ascii: "\n") {
                    let digits = line.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
                    guard let size = Int(digits, radix: 16) else {
                        throw ModelError(kind: .stream, message: "malformed chunk size '\(digits)'", retryable: false)
                    }
                    state = size == 0 ? .done : .data(remaining: size)
                } else if byte != UInt8(ascii: "\r") {
                    state = .size(line + String(UnicodeScalar(byte)))
                }
            case .data(let remaining):
                let available = bytes.distance(from: index, to: bytes.endIndex)
                let take = min(remaining, available)
                let end = bytes.index(index, offsetBy: take)
                body += bytes[index..<end]
                index = end
                state = take == remaining ? .dataEnd : .data(remaining: remaining - take)
            case .dataEnd:
                if bytes[index] == UInt8(ascii: "\n") { state = .size("") }  // skip the CR before it
                index = bytes.index(after: index)
            case .done:
                return body
            }
        }
        return body
    }
}
