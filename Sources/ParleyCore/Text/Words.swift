/// The words of a text as the scripted personas, the facilitator and the repetition guard see
/// them: lowercased runs of letters and digits, scanned from UTF-8 without allocating per word.
public enum Words {
    /// Words too common to say what a text is about.
    public static let stopwords: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
        "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
        "can", "could", "did", "do", "does", "doing", "down", "during", "each", "even", "every", "few",
        "for", "from", "further", "get", "got", "had", "has", "have", "having", "he", "her", "here",
        "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "let",
        "like", "make", "many", "may", "me", "might", "more", "most", "much", "must", "my", "need", "no",
        "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "our", "ours",
        "out", "over", "own", "point", "really", "same", "say", "she", "should", "so", "some", "still",
        "such", "than", "that", "the", "their", "theirs", "them", "then", "there", "these", "they",
        "thing", "think", "this", "those", "through", "to", "too", "under", "until", "up", "us", "very",
        "want", "was", "way", "we", "well", "were", "what", "when", "where", "which", "while", "who",
        "whom", "why", "will", "with", "would", "yes", "yet", "you", "your", "yours",
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "hundred", "thousand",
        "i'd", "i'm", "i'll", "it's", "let's", "don't", "doesn't", "that's", "we'd", "we're", "we'll",
        "isn't", "won't", "can't", "there's", "what's", "you're", "they're", "consider", "angle", "weigh",
        "another", "said", "question", "building", "hear", "fair", "first", "real", "agree", "add",
        "differently", "see", "time", "take", "keep", "good", "new", "lot", "sure", "enough", "right",
    ]

    /// Every word of `text`, lowercased, in order. A word is a run of letters, digits and
    /// apostrophes inside it; ASCII is scanned byte by byte, other characters whole.
    public static func all(in text: String) -> [Substring] {
        var words: [Substring] = []
        var text = text
        text.makeContiguousUTF8()
        let isASCII = text.utf8.allSatisfy { $0 < 0x80 }
        guard isASCII else { return allUnicode(in: text) }
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            guard isWordByte(bytes[index]) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < bytes.count, isWordByte(bytes[end]) || (bytes[end] == 0x27 && end + 1 < bytes.count && isWordByte(bytes[end + 1])) {
                end += 1
            }
            if end < bytes.count, bytes[end] == 0x27 { end += 1 }  // a trailing possessive: users'
            var word = bytes[index..<end]
            for position in word.indices where (0x41...0x5A).contains(word[position]) { word[position] |= 0x20 }
            words.append(Substring(String(decoding: word, as: UTF8.self)))
            index = end
        }
        return words
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte)
    }

    private static func allUnicode(in text: String) -> [Substring] {
        var words: [Substring] = []
        let lowered = text.lowercased()
        var start: String.Index?
        var index = lowered.startIndex
        while index < lowered.endIndex {
            let character = lowered[index]
            if character.isLetter || character.isNumber || character == "'" && start != nil {
                if start == nil { start = index }
            } else if let from = start {
                words.append(trimmed(lowered[from..<index]))
                start = nil
            }
            index = lowered.index(after: index)
        }
        if let from = start { words.append(trimmed(lowered[from...])) }
        return words.filter { !$0.isEmpty }
    }

    /// The words that say what a text is about: no stopwords, no words under three letters,
    /// none of `excluded` (names, say), plural and possessive endings folded (`users'` and
    /// `user` are one).
    public static func content(in text: String, excluding excluded: Set<String> = []) -> [String] {
        all(in: text).compactMap { word in
            guard word.count >= 3, !stopwords.contains(String(word)) else { return nil }
            let stem = Self.stem(word)
            return stopwords.contains(stem) || excluded.contains(stem) ? nil : stem
        }
    }

    /// A word with plural and possessive endings folded.
    public static func stem(_ word: Substring) -> String {
        let bytes = word.utf8
        var end = bytes.count
        func ends(_ suffix: StaticString) -> Bool {
            let count = suffix.utf8CodeUnitCount
            guard end >= count else { return false }
            return suffix.withUTF8Buffer { tail in
                zip(bytes.dropFirst(end - count).prefix(count), tail).allSatisfy { $0 == $1 }
            }
        }
        if ends("'s") { end -= 2 }
        if ends("'") { end -= 1 }
        if end > 4, ends("ies") {
            return String(decoding: bytes.prefix(end - 3), as: UTF8.self) + "y"
        }
        if end > 3, ends("s"), !ends("ss"), !ends("us") { end -= 1 }
        return end == bytes.count ? String(word) : String(decoding: bytes.prefix(end), as: UTF8.self)
    }

    /// Hashes of the text's word n-grams (shingles), for similarity between texts.
    public static func shingles(in text: String, size: Int = 3) -> Set<Int> {
        let words = all(in: text)
        guard words.count >= size else { return words.isEmpty ? [] : [words.joined(separator: " ").hashValue] }
        var result = Set<Int>(minimumCapacity: words.count)
        for start in 0...(words.count - size) {
            var hasher = Hasher()
            for word in words[start..<(start + size)] { hasher.combine(word) }
            result.insert(hasher.finalize())
        }
        return result
    }

    /// How much two shingle sets overlap: shared shingles over the smaller set's size, 0...1.
    public static func overlap(_ a: Set<Int>, _ b: Set<Int>) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        var shared = 0
        for shingle in small where large.contains(shingle) { shared += 1 }
        return Double(shared) / Double(small.count)
    }

    private static func trimmed(_ word: Substring) -> Substring {
        var word = word
        while word.first == "'" { word = word.dropFirst() }
        return word
    }
}

extension String {
    /// The sentences of the text: split after `.`, `!` or `?` followed by white space, and at
    /// newlines; trimmed, empty ones dropped. Split points are ASCII, so the text is scanned as
    /// UTF-8 bytes.
    public var sentences: [String] {
        var result: [String] = []
        let utf8 = self.utf8
        var start = utf8.startIndex
        var previous: UInt8 = 0
        var index = start
        func cut(_ end: String.Index) {
            let sentence = Substring(utf8[start..<end]).trimmingWhitespace()
            if !sentence.isEmpty { result.append(sentence) }
        }
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A || byte == 0x0D {
                cut(index)
                start = utf8.index(after: index)
            } else if byte == 0x20 || byte == 0x09, previous == 0x2E || previous == 0x21 || previous == 0x3F {
                cut(index)
                start = utf8.index(after: index)
            }
            previous = byte
            index = utf8.index(after: index)
        }
        cut(utf8.endIndex)
        return result
    }
}
