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

    /// Every word of `text`, lowercased, in order.
    public static func all(in text: String) -> [Substring] {
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
        var word = word
        if word.hasSuffix("'s") { word = word.dropLast(2) }
        if word.hasSuffix("'") { word = word.dropLast() }
        if word.count > 4, word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us") {
            return String(word.dropLast())
        }
        return String(word)
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
    /// newlines; trimmed, empty ones dropped.
    public var sentences: [String] {
        var result: [String] = []
        var current = ""
        var previous: Character?
        for character in self {
            if character.isNewline {
                result.append(current)
                current = ""
            } else if character.isWhitespace, let last = previous, ".!?".contains(last) {
                result.append(current)
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        result.append(current)
        return result.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }
}
