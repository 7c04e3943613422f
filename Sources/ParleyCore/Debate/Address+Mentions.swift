/// `@id` mentions in the text of a message.
public enum Mentions {
    /// The ids mentioned anywhere in `text` as `@id`, in order of first mention, without repeats.
    ///
    /// An id is letters, digits, `-` and `_`, and a mention starts at the beginning of the text
    /// or after a character that is not part of an id (so `mail@cfo.com` is no mention).
    /// Only ids in `known` count, when it is given.
    public static func find(in text: String, known: Set<AgentID>? = nil) -> [AgentID] {
        guard text.utf8.contains(UInt8(ascii: "@")) else { return [] }
        var found: [AgentID] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            defer { index += 1 }
            guard scalars[index] == "@", index == 0 || !isIDScalar(scalars[index - 1]) else { continue }
            var end = index + 1
            while end < scalars.count, isIDScalar(scalars[end]) { end += 1 }
            guard end > index + 1 else { continue }
            var name = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
            while name.hasSuffix("-") || name.hasSuffix("_") { name.removeLast() }
            let id = AgentID(name.lowercased())
            if known.map({ $0.contains(id) }) ?? true, !found.contains(id) { found.append(id) }
            index = end - 1
        }
        return found
    }

    /// Splits a typed message into its address and its text: leading `@id` words address those
    /// peers (`@pm @cfo why not?` → `.peers([pm, cfo])`, `"why not?"`); no leading mention
    /// broadcasts. Mentions of ids not in `known` are left in the text.
    public static func address(of typed: String, known: Set<AgentID>) -> (address: Address, text: String) {
        guard typed.utf8.contains(UInt8(ascii: "@")) else { return (.everyone, typed.trimmingWhitespace()) }
        var ids: [AgentID] = []
        var rest = Substring(typed.trimmingWhitespace())
        while rest.hasPrefix("@") {
            let word = rest.prefix { !$0.isWhitespace }
            let id = AgentID(word.dropFirst().trimmingSuffix(",:").lowercased())
            guard known.contains(id) else { break }
            if !ids.contains(id) { ids.append(id) }
            rest = rest.dropFirst(word.count).drop { $0.isWhitespace }
        }
        return (ids.isEmpty ? .everyone : .peers(ids), String(rest))
    }

    static func isIDScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space and newlines.
    public func trimmingWhitespace() -> String {
        let text = String(self)
        // Fast path: nothing to trim at either end in ASCII.
        if let first = text.utf8.first, let last = text.utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return text
        }
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return String(self[first...last])
    }

    func trimmingSuffix(_ characters: String) -> String {
        var text = String(self)
        while let last = text.last, characters.contains(last) { text.removeLast() }
        return text
    }
}
