import ParleyCore
import ParleyEngine
import ParleyFiles
import Yams

/// The keys of one mapping in a debate file, checked against the keys it may have.
struct Fields {
    /// One key and its value.
    struct Entry {
        /// The key as written.
        let key: String
        /// Where the key is written.
        let keyPosition: SourcePosition?
        /// Its value.
        let value: Node
    }

    /// Where the mapping sits.
    let path: FieldPath
    /// Where the mapping starts.
    let position: SourcePosition?
    /// The known keys that are present, in file order (merged `<<` keys first).
    let entries: [Entry]
    /// Known keys that unknown keys were probably meant to be (`rouns` → `rounds`): already
    /// reported, so not to be reported missing as well.
    let misspelt: Set<String>

    /// The value of a known key, when present.
    subscript(key: String) -> Node? {
        entries.first { $0.key == key }?.value
    }

    /// The entry of a known key, when present.
    func entry(_ key: String) -> Entry? {
        entries.first { $0.key == key }
    }
}

extension DebateFileReader {
    /// The entry of a key that has another name (`question` and `topic`, `colour` and `color`):
    /// whichever is written; nil when neither is, or (reported) when both are.
    mutating func entry(_ key: String, orAlias alias: String, in fields: Fields) -> Fields.Entry? {
        guard let first = fields.entry(key) else { return fields.entry(alias) }
        guard let second = fields.entry(alias) else { return first }
        let later = [first, second].max { ($0.keyPosition ?? .start) < ($1.keyPosition ?? .start) } ?? second
        report(
            "both '\(key)' and '\(alias)' are set at \(fields.path.name); '\(alias)' is another name for '\(key)'",
            at: later.keyPosition, path: fields.path.key(later.key), suggestion: "keep one of them"
        )
        return nil
    }

    /// The mapping at `path` as ``Fields``, having reported every key it may not have (with the
    /// key it most likely meant); nil (reported) when the node is not a mapping.
    ///
    /// - Parameters:
    ///   - what: what the mapping is, for `expected ...` (`an agent (a mapping with id, role, ...)`).
    ///   - keys: the keys it may have.
    ///   - elsewhere: keys it may not have but a user might put there, with what to do instead.
    mutating func fields(
        of node: Node, at path: FieldPath, expecting what: String, keys: [String], elsewhere: [String: String] = [:]
    ) -> Fields? {
        guard case .mapping(let mapping) = node else {
            expected(what, at: node, path: path)
            return nil
        }
        var entries: [Fields.Entry] = []
        var misspelt: Set<String> = []
        for entry in flattened(mapping, at: path) {
            if keys.contains(entry.key) {
                entries.append(entry)
            } else if let meant = unknownKey(entry, at: path, keys: keys, elsewhere: elsewhere) {
                misspelt.insert(meant)
            }
        }
        return Fields(path: path, position: mapping.mark?.position, entries: entries, misspelt: misspelt)
    }

    /// The mapping's entries with YAML merge keys (`<<: *base`) replaced by the entries they
    /// merge in, merged ones first, each key once; keys that are not text are reported and left
    /// out. As YAML says, written keys win over merged ones, and earlier merged mappings over later
    /// ones. A key written twice is an error Yams reports, except when a tag set it apart
    /// (`!x rounds` and `rounds`): it is reported here.
    private mutating func flattened(_ mapping: Node.Mapping, at path: FieldPath) -> [Fields.Entry] {
        // Keys are looked up by name, not searched for, so that a mapping of many keys is read in
        // the time it takes to read it.
        var merged: [Fields.Entry] = []
        var mergedKeys: Set<String> = []
        var written: [Fields.Entry] = []
        var writtenAt: [String: SourcePosition?] = [:]
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                expected("a key name", at: key, path: path)
                continue
            }
            guard scalar.isMergeKey else {
                if let first = writtenAt[scalar.string] {
                    duplicateKey(scalar.string, firstAt: first ?? .start, againAt: scalar.mark?.position, path: path.key(scalar.string))
                } else {
                    written.append(Fields.Entry(key: scalar.string, keyPosition: scalar.mark?.position, value: value))
                    writtenAt[scalar.string] = .some(scalar.mark?.position)
                }
                continue
            }
            let sources: [Node] = if case .sequence(let list) = value { Array(list) } else { [value] }
            for source in sources {
                guard case .mapping(let base) = source else {
                    expected("a mapping to merge (like <<: *base)", at: source, path: path.key("<<"))
                    continue
                }
                for entry in mergeable(base, at: path) where mergedKeys.insert(entry.key).inserted {
                    merged.append(entry)
                }
            }
        }
        return merged.filter { writtenAt[$0.key] == nil } + written
    }

    /// A mapping merged in with `<<`, flattened once however often it is merged.
    private mutating func mergeable(_ base: Node.Mapping, at path: FieldPath) -> [Fields.Entry] {
        guard let position = base.mark?.position else { return flattened(base, at: path) }
        if let done = mergedMappings[position] { return done }
        let entries = flattened(base, at: path)
        mergedMappings[position] = entries
        return entries
    }

    /// Reports a key a mapping may not have, saying what to do instead; returns the key it was
    /// probably meant to be, if any. A key naming a credential was reported by ``refuseSecrets(in:)``.
    private mutating func unknownKey(
        _ entry: Fields.Entry, at path: FieldPath, keys: [String], elsewhere: [String: String]
    ) -> String? {
        guard !Self.isSecretKey(entry.key) else { return nil }
        let keyPath = path.key(entry.key)
        let meant = elsewhere[entry.key] == nil
            ? Spelling.closest(to: entry.key, among: keys) ?? Self.synonym(of: entry.key, among: keys) : nil
        let suggestion =
            elsewhere[entry.key] ?? meant.map { "did you mean '\($0)'?" } ?? "the keys here are: \(keys.joined(separator: ", "))"
        // A key whose name speaks of a credential (`apiKeyEnv`, `key_file`) may hold one: not shown.
        report(
            "unknown key \(SourceText.quoted(entry.key)) at \(path.name)", at: entry.keyPosition, path: keyPath,
            suggestion: suggestion, hiding: CredentialShape.mentionsCredential(entry.key) ? entry.value : nil
        )
        return meant
    }

    /// The key a user probably meant by another word for it (`floor` for `protocol`).
    private static func synonym(of key: String, among keys: [String]) -> String? {
        synonyms[String(Spelling.normalized(key))].flatMap { keys.contains($0) ? $0 : nil }
    }

    /// Other words for keys, by the word as ``Spelling/normalized(_:)`` makes it.
    private static let synonyms: [String: String] = [
        "floor": "protocol", "max_rounds": "rounds", "peers": "agents", "participants": "agents",
        "personas": "agents", "persona": "system_prompt", "prompt": "system_prompt", "system": "system_prompt",
        "instructions": "system_prompt", "url": "base_url", "endpoint": "base_url", "host": "base_url",
        "kind": "type", "provider": "type", "args": "arguments", "points": "arguments", "timeout": "turn_timeout",
        "speed": "words_per_second", "wps": "words_per_second", "max_attempts": "retries", "attempts": "retries",
        "context": "context_tokens", "context_length": "context_tokens", "context_size": "context_tokens",
        "reasoning": "show_reasoning", "display_name": "name", "label": "name", "moderator": "facilitator",
    ]
}

extension Node.Scalar {
    /// Whether this key is YAML's merge key: `<<`, unquoted.
    var isMergeKey: Bool {
        string == "<<" && (style == .plain || style == .any)
    }
}
