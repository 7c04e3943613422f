extension Words {
    /// Words before a verb, or a verb's object right after it: a word next to one of these is
    /// taken for a verb (`it moves revenue`, `to keep`, `costs us`), not a topic.
    static let verbNeighbours: (before: Set<String>, after: Set<String>) = (
        ["it", "we", "they", "he", "she", "i", "you", "that", "which", "who", "to", "will", "would", "can", "could",
         "should", "must", "may", "might", "not", "does", "do", "did", "risk"],
        ["us", "them", "it", "him", "her", "me", "you", "our", "their"]
    )

    /// Number words that lead a noun phrase (`two engineers`).
    static let counts: Set<String> = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]

    /// The noun phrase around the first content word of `text` with key `key`, as the text writes
    /// it: the word with the modifier before it (`real-time collaboration`, `two engineers`) and
    /// a short name or nouns after it (`feature X`, `sync service`), three words at most, within
    /// its clause; nil when the word is not there or reads as a verb there (`it moves revenue`).
    public static func phrase(around key: Key, in text: String) -> String? {
        for clause in clauses(of: text) {
            for (index, word) in clause.enumerated() where Self.key(word) == key {
                let lower = { (i: Int) in clause.indices.contains(i) ? clause[i].lowercased() : "" }
                if verbNeighbours.before.contains(lower(index - 1)) || verbNeighbours.after.contains(lower(index + 1)) { return nil }
                var start = index, end = index
                if isModifier(lower(index - 1)), !verbNeighbours.before.contains(lower(index - 2)) { start -= 1 }
                let next = clause.indices.contains(index + 1) ? clause[index + 1] : ""
                if next.count <= 2, next.first?.isUppercase == true || next.first?.isNumber == true {
                    end += 1
                } else {
                    // Nouns after it, up to three words in all (`hosted sync service`); a word in
                    // -s after a noun reads as its verb (`the tier drops`), so it ends the phrase.
                    while end - start < 2, isNoun(lower(end + 1)), !isThirdPerson(lower(end + 1)),
                        !verbNeighbours.after.contains(lower(end + 2))
                    {
                        end += 1
                    }
                }
                var words = Array(clause[start...end])
                // A capital that only starts the sentence is not part of the phrase.
                if let first = words.first, first.count > 1, first.dropFirst().allSatisfy({ !$0.isUppercase }) {
                    words[0] = first.lowercased()
                }
                return words.joined(separator: " ")
            }
        }
        return nil
    }

    /// The text's clauses (parted at punctuation), each as its words in their own case; a word
    /// keeps inner hyphens and apostrophes (`real-time`, `per-seat`).
    static func clauses(of text: String) -> [[String]] {
        var clauses: [[String]] = [[]]
        var word = ""
        func endWord() {
            if !word.isEmpty { clauses[clauses.count - 1].append(word) }
            word = ""
        }
        for character in text {
            if character.isLetter || character.isNumber || ((character == "-" || character == "'") && !word.isEmpty) {
                word.append(character)
            } else {
                while word.last == "-" || word.last == "'" { word.removeLast() }
                endWord()
                if !character.isWhitespace { clauses.append([]) }
            }
        }
        endWord()
        return clauses.filter { !$0.isEmpty }
    }

    /// Short words that are not in ``stopwords`` and lead no noun phrase.
    static let linkWords: Set<String> = [
        "per", "via", "across", "within", "without", "among", "upon", "onto", "despite", "unless", "though",
        "although", "whether", "either", "neither", "roughly", "least", "less",
    ]

    /// Whether a word ends as a verb does after a noun (`drops`, `grows`), or as a plural does.
    private static func isThirdPerson(_ word: String) -> Bool {
        word.hasSuffix("s") && !word.hasSuffix("ss") && !word.hasSuffix("us")
    }

    /// Whether a word can lead a noun phrase: a count, a hyphenated word, a participle
    /// (`hosted`), or a content word.
    private static func isModifier(_ word: String) -> Bool {
        guard !word.isEmpty, !linkWords.contains(word) else { return false }
        if counts.contains(word) || word.contains("-") || (word.count > 4 && word.hasSuffix("ed") && !stopwords.contains(word)) { return true }
        return isNoun(word)
    }

    /// Whether a word reads as a noun here: a content word that is not a stopword and is not
    /// shaped like a verb form (`-ing`, `-ed`, `-ly`).
    private static func isNoun(_ word: String) -> Bool {
        word.count >= 3 && !stopwords.contains(word) && !linkWords.contains(word) && !word.hasSuffix("ing") && !word.hasSuffix("ed")
            && !word.hasSuffix("ly")
    }
}
