extension Words {
    /// A word's key: the 64-bit FNV-1a hash of its lowercased, stemmed form. Comparing keys
    /// compares words without making a string of each.
    public typealias Key = UInt64

    /// The key of a word (lowercased and stemmed first, as in ``content(in:excluding:)``).
    public static func key(_ word: String) -> Key {
        var bytes = Array(word.lowercased().utf8)
        return hash(stemmed(&bytes))
    }

    /// The keys of the text's content words, in order: the words ``content(in:excluding:)``
    /// gives, without making strings of them (ASCII text is scanned byte by byte).
    /// Words whose stem is shorter than `shortest` letters are left out too.
    public static func keys(in text: String, excluding excluded: KeySet = KeySet([]), shortest: Int = 0) -> [Key] {
        var keys: [Key] = []
        visit(text, content: true, excluding: excluded, shortest: shortest) { key, _ in
            keys.append(key)
            return true
        }
        return keys
    }

    /// Whether any word of the text (stopwords included, unstemmed: "but", "however") is in
    /// `wanted`; the scan stops at the first.
    public static func containsAny(of wanted: KeySet, in text: String) -> Bool {
        var found = false
        visit(text, content: false, excluding: KeySet([]), shortest: 0) { key, _ in
            found = wanted.contains(key)
            return !found
        }
        return found
    }

    /// Whether the text has at least `count` content words; the scan stops there.
    public static func hasContentWords(_ count: Int, in text: String) -> Bool {
        var seen = 0
        visit(text, content: true, excluding: KeySet([]), shortest: 0) { _, _ in
            seen += 1
            return seen < count
        }
        return seen >= count
    }

    /// The first content word of the text with this key, as ``content(in:excluding:)`` gives
    /// it (lowercased and stemmed); only that word is made a string.
    public static func firstContentWord(withKey wanted: Key, in text: String) -> String? {
        var found: String?
        visit(text, content: true, excluding: KeySet([]), shortest: 0) { key, word in
            guard key == wanted else { return true }
            found = word()
            return false
        }
        return found
    }

    /// Calls `body` with each word's key and a way to make the word a string, in order, until it
    /// returns false. Content words are stemmed and filtered as ``content(in:excluding:)`` does.
    private static func visit(
        _ text: String, content: Bool, excluding excluded: KeySet, shortest: Int,
        _ body: (Key, () -> String) -> Bool
    ) {
        var text = text
        text.makeContiguousUTF8()
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            if content {
                for word in Words.content(in: text) where word.count >= shortest {
                    let key = key(word)
                    if !excluded.contains(key), !body(key, { word }) { return }
                }
            } else {
                for word in all(in: text) where !body(hash(Array(word.utf8)[...]), { String(word) }) { return }
            }
            return
        }
        text.withUTF8 { utf8 in
            var word: [UInt8] = []
            word.reserveCapacity(32)
            var index = 0
            while index < utf8.count {
                guard isLetterOrDigit(utf8[index]) else {
                    index += 1
                    continue
                }
                word.removeAll(keepingCapacity: true)
                while index < utf8.count,
                    isLetterOrDigit(utf8[index])
                        || (utf8[index] == 0x27 && index + 1 < utf8.count && isLetterOrDigit(utf8[index + 1]))
                {
                    word.append(utf8[index] | (utf8[index] >= 0x41 && utf8[index] <= 0x5A ? 0x20 : 0))
                    index += 1
                }
                if index < utf8.count, utf8[index] == 0x27 {
                    word.append(0x27)
                    index += 1
                }
                guard content else {
                    let whole = word[...]
                    if !body(hash(whole), { String(decoding: whole, as: UTF8.self) }) { return }
                    continue
                }
                guard word.count >= 3 else { continue }
                let whole = hash(word[...])
                guard !stopwordKeys.contains(whole) else { continue }
                let stemmedWord = stemmed(&word)
                guard stemmedWord.count >= shortest else { continue }
                let stem = hash(stemmedWord)
                if !stopwordKeys.contains(stem), !excluded.contains(stem),
                    !body(stem, { String(decoding: stemmedWord, as: UTF8.self) })
                {
                    return
                }
            }
        }
    }

    /// The stopwords' keys, unstemmed and stemmed.
    static let stopwordKeys = KeySet(stopwords.flatMap { word -> [Key] in
        var bytes = Array(word.utf8)
        return [hash(bytes[...]), hash(stemmed(&bytes))]
    })

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte)
    }

    /// Folds plural and possessive endings, as ``stem(_:)`` does, on lowercase bytes.
    private static func stemmed(_ bytes: inout [UInt8]) -> ArraySlice<UInt8> {
        func ends(_ suffix: [UInt8]) -> Bool { bytes.count >= suffix.count && bytes.suffix(suffix.count).elementsEqual(suffix) }
        if ends([0x27, 0x73]) { bytes.removeLast(2) }  // 's
        if ends([0x27]) { bytes.removeLast() }  // '
        if bytes.count > 4, ends([0x69, 0x65, 0x73]) {  // ies → y
            bytes.removeLast(3)
            bytes.append(0x79)
        } else if bytes.count > 3, ends([0x73]), !ends([0x73, 0x73]), !ends([0x75, 0x73]) {
            bytes.removeLast()
        }
        return bytes[...]
    }

    private static func hash(_ bytes: ArraySlice<UInt8>) -> Key {
        var hash: Key = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= Key(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
