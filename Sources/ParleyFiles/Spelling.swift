/// Finds the word a user probably meant, for `did you mean ...?` suggestions.
public enum Spelling {
    /// The candidate closest to `word`, ignoring case, `-` versus `_`, when it is close enough to be
    /// a slip of the keyboard (one edit in short words, up to three in long ones); nil otherwise.
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let typed = normalized(word)
        guard !typed.isEmpty else { return nil }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = self.distance(typed, normalized(candidate))
            guard distance <= tolerance(forLength: max(typed.count, candidate.count)), distance < typed.count else { continue }
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// The word as compared: lower case, with `-` and spaces read as `_`.
    public static func normalized(_ word: String) -> [Character] {
        word.lowercased().map { $0 == "-" || $0 == " " ? "_" : $0 }
    }

    /// How many edits still count as a slip in a word of this length.
    private static func tolerance(forLength length: Int) -> Int {
        switch length {
        case ..<4: 1
        case ..<8: 2
        default: 3
        }
    }

    /// Edits (insert, delete, replace, swap two neighbours) between two words: the optimal
    /// string alignment distance.
    public static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], before[j - 2] + 1)
                }
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
