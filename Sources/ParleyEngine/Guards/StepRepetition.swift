/// Watches a reply as it streams for step repetition — the same span of words said again and
/// again in a row ("I'm happy to share that I'm a moderator" fifteen times), the commonest way a
/// small model loops. It reads the text as it comes, word by word, and finds the loop as soon
/// as a span of at least ``minimumSpan`` words has come ``repeats`` times in a row.
///
/// Words are compared without case and punctuation, so a loop whose lines differ only in a
/// full stop or a capital is still one.
struct StepRepetition: Sendable {
    /// The fewest words a repeated span has.
    static let minimumSpan = 4
    /// The most words a repeated span has (longer loops are left to the between-turn detector).
    static let maximumSpan = 60
    /// How many times in a row a span must come to be a loop.
    static let repeats = 3

    /// A loop found: how much of the text to keep (up to the end of the span's first
    /// occurrence, in UTF-8 bytes), the span and how many times it came.
    struct Loop: Sendable, Hashable {
        var keptBytes: Int
        var span: String
    }

    /// `text` (the reply the watch read) up to the end of the loop's first time, with the
    /// punctuation that closes it: `I'm a moderator.`
    static func kept(of text: String, before loop: Loop) -> String {
        var bytes = Array(text.utf8.prefix(loop.keptBytes))
        for byte in text.utf8.dropFirst(loop.keptBytes) {
            guard closing.contains(byte) else { break }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let closing: Set<UInt8> = Set(".!?;:)]\"".utf8)

    /// The words read so far, lowercased, with where each ends in the text (UTF-8 bytes).
    private var words: [(key: String, end: Int)] = []
    /// The word being read, and the bytes read.
    private var partial = ""
    private var offset = 0
    /// The loop, once found.
    private(set) var loop: Loop?

    /// Reads the next piece of the reply; returns the loop when this piece completes one.
    mutating func read(_ text: String) -> Loop? {
        guard loop == nil else { return nil }
        for scalar in text.unicodeScalars {
            if Self.isWordPart(scalar) {
                partial.unicodeScalars.append(scalar)
            } else if !partial.isEmpty {
                words.append((partial.lowercased(), offset))
                partial = ""
                if let found = loopEndingHere() {
                    loop = found
                    return found
                }
            }
            offset += scalar.utf8.count
        }
        return nil
    }

    /// The loop whose last repeat ends at the latest word, if there is one.
    private func loopEndingHere() -> Loop? {
        let end = words.count
        let longest = min(Self.maximumSpan, end / Self.repeats)
        guard longest >= Self.minimumSpan else { return nil }
        for span in Self.minimumSpan...longest where repeatsInARow(span: span, end: end) {
            let first = end - span * Self.repeats
            let kept = words[first + span - 1].end
            let said = words[first..<(first + span)].map(\.key).joined(separator: " ")
            return Loop(keptBytes: kept, span: said)
        }
        return nil
    }

    private func repeatsInARow(span: Int, end: Int) -> Bool {
        for back in 0..<span {
            let word = words[end - 1 - back].key
            for repeat_ in 1..<Self.repeats where words[end - 1 - back - repeat_ * span].key != word {
                return false
            }
        }
        return true
    }

    private static func isWordPart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "'" || scalar == "\u{2019}"
    }
}
