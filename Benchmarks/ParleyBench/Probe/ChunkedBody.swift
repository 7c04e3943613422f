import Foundation
import ParleyModels

/// Decodes an HTTP/1.1 `Transfer-Encoding: chunked` body fed in pieces split anywhere.
struct ChunkedBody: Sendable {
    /// A chunk-size line that is not one: what stood there, as the server sent it (at most
    /// ``longestSizeLine`` bytes of it), to be quoted through ``ModelServer/malformedChunk(url:sizeLine:)``.
    struct MalformedSize: Error, Sendable {
        var sizeLine: String
    }

    /// The longest chunk-size line (size and extensions) read before the body counts as broken.
    static let longestSizeLine = 256

    private enum State: Sendable {
        case size([UInt8])
        case data(remaining: Int)
        case dataEnd
        case done
    }

    private var state = State.size([])

    /// Whether the last (zero-size) chunk arrived.
    var isDone: Bool {
        if case .done = state { return true }
        return false
    }

    /// Feeds the next bytes and returns the body bytes they carry.
    /// - Throws: ``MalformedSize`` for a chunk size that is not a hexadecimal number, or a size
    ///   line longer than ``longestSizeLine``.
    mutating func feed(_ bytes: some Collection<UInt8>) throws(MalformedSize) -> [UInt8] {
        var body: [UInt8] = []
        var index = bytes.startIndex
        while index != bytes.endIndex {
            switch state {
            case .size(var line):
                let byte = bytes[index]
                index = bytes.index(after: index)
                if byte == UInt8(ascii: "\n") {
                    let size = try Self.size(in: line)
                    state = size == 0 ? .done : .data(remaining: size)
                } else if byte != UInt8(ascii: "\r") {
                    line.append(byte)
                    guard line.count <= Self.longestSizeLine else { throw MalformedSize(sizeLine: Self.text(line)) }
                    state = .size(line)
                }
            case .data(let remaining):
                let available = bytes.distance(from: index, to: bytes.endIndex)
                let take = min(remaining, available)
                let end = bytes.index(index, offsetBy: take)
                body += bytes[index..<end]
                index = end
                state = take == remaining ? .dataEnd : .data(remaining: remaining - take)
            case .dataEnd:
                if bytes[index] == UInt8(ascii: "\n") { state = .size([]) }  // skip the CR before it
                index = bytes.index(after: index)
            case .done:
                return body
            }
        }
        return body
    }

    /// The size a chunk-size line gives: hexadecimal digits, before any `;` extension.
    private static func size(in line: [UInt8]) throws(MalformedSize) -> Int {
        let digits = text(line).split(separator: ";", omittingEmptySubsequences: false).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard !digits.isEmpty, digits.allSatisfy(\.isHexDigit), let size = Int(digits, radix: 16) else {
            throw MalformedSize(sizeLine: text(line))
        }
        return size
    }

    private static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
