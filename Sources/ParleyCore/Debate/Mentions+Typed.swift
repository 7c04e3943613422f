/// An `@word` in a line the person typed: where it is and the id it names.
public struct TypedMention: Sendable, Hashable {
    /// The characters it covers in the line, the `@` included.
    public var range: Range<Int>
    /// The id it names, lower case, without the `@` (`cfo` for `@CFO`).
    public var name: String

    /// Makes a mention.
    public init(range: Range<Int>, name: String) {
        self.range = range
        self.name = name
    }

    /// The id it names.
    public var id: AgentID { AgentID(name) }
}

/// Whom a line the person typed goes to, by the rule for the human's messages: every `@id`
/// anywhere in the line addresses that peer (`hey @cfo what about annual billing?` goes to the
/// CFO); a line with no `@id` goes to everyone, as does `@all` or `@everyone`.
public struct TypedAddressing: Sendable, Hashable {
    /// Everyone, or the peers mentioned, in the order of first mention.
    public var address: Address
    /// The text to send: the line without its leading `@id`s (`@cfo why?` sends `why?`);
    /// mentions further in stay in the text.
    public var text: String
    /// The mentions that name no peer, as typed, without the `@`: a line with any is refused.
    public var unknown: [String]
}

extension Mentions {
    /// The words that broadcast when mentioned: `@all`, `@everyone`.
    public static let everyoneWords: Set<String> = ["all", "everyone"]

    /// The `@word` mentions in `characters`, in order. A mention starts at the beginning or
    /// after a character that is not part of an id (so `mail@cfo.com` is none), and runs over
    /// letters, digits, `-` and `_` (a trailing `-` or `_` is left out).
    public static func mentions(inTyped characters: [Character]) -> [TypedMention] {
        var found: [TypedMention] = []
        var index = 0
        while index < characters.count {
            defer { index += 1 }
            guard characters[index] == "@", index == 0 || !isIDCharacter(characters[index - 1]) else { continue }
            var end = index + 1
            while end < characters.count, isIDCharacter(characters[end]) { end += 1 }
            while end > index + 1, characters[end - 1] == "-" || characters[end - 1] == "_" { end -= 1 }
            guard end > index + 1 else { continue }
            found.append(TypedMention(range: index..<end, name: String(characters[(index + 1)..<end]).lowercased()))
            index = end - 1
        }
        return found
    }

    /// Reads a line the person typed: whom it goes to and what is sent (see ``TypedAddressing``).
    /// `known` are the peers' ids.
    public static func addressing(ofTyped typed: String, known: Set<AgentID>) -> TypedAddressing {
        let characters = Array(typed.trimmingWhitespace())
        let mentions = mentions(inTyped: characters)
        var ids: [AgentID] = []
        var unknown: [String] = []
        for mention in mentions {
            if known.contains(mention.id) {
                if !ids.contains(mention.id) { ids.append(mention.id) }
            } else if !everyoneWords.contains(mention.name), !unknown.contains(mention.name) {
                unknown.append(mention.name)
            }
        }
        // Leading mentions say whom the line is for; the text starts after them.
        var start = 0
        for mention in mentions where mention.range.lowerBound == start {
            start = mention.range.upperBound
            while start < characters.count, characters[start] == "," || characters[start] == ":" { start += 1 }
            while start < characters.count, characters[start].isWhitespace { start += 1 }
        }
        let text = String(characters[start...]).trimmingWhitespace()
        return TypedAddressing(address: ids.isEmpty ? .everyone : .peers(ids), text: text, unknown: unknown)
    }

    static func isIDCharacter(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy(isIDScalar)
    }
}
