import ParleyCore
import ParleyEngine
import ParleyFiles
import Yams

/// Credentials in a debate file: refused wherever they are written, and never shown.
extension DebateFileReader {
    /// Notes every key anywhere in the file that names a credential (`api_key`, `token` ...) as a
    /// problem, at the key, and its value as a secret no excerpt shows, however deep it sits: under
    /// an unknown key, in a list, under a mistyped backend name. Readers of the mappings skip such
    /// keys, since they are reported here.
    mutating func refuseSecrets(in root: Node) {
        let ends = ValueEnds(of: root)
        valueEnds = ends
        // Secret values noted, by where they start, and how many of them the walk is inside: a
        // value is noted when the mapping holding it is entered, before the walk enters the value.
        var secretStarts: Set<SourcePosition> = []
        var insideSecrets = 0
        root.visitInDocumentOrder { node, path in
            if let start = node.position, secretStarts.contains(start) { insideSecrets += 1 }
            if case .scalar(let scalar) = node, CredentialShape.looksLikeKey(scalar.string) { hide(node) }
            guard case .mapping(let mapping) = node else { return }
            for (key, value) in mapping {
                guard case .scalar(let name) = key, Self.isSecretKey(name.string) else { continue }
                // A secret inside a secret is hidden with it, and one problem says enough.
                guard insideSecrets == 0 else { continue }
                let keyPath = path.key(name.string)
                report(
                    "\(keyPath.name): API keys are never read from a debate file", at: key.position, path: keyPath,
                    suggestion: "set 'api_key_env' to the name of an environment variable holding it (like api_key_env: OPENAI_API_KEY) in the backend",
                    hiding: value
                )
                if !Self.isNull(value), let start = value.position { secretStarts.insert(start) }
            }
        } leaving: { node in
            if let start = node.position, secretStarts.contains(start) { insideSecrets -= 1 }
        }
    }

    /// Whether a key names a credential (`api_key`, `apiKey`, `token`, `secret`, `openai_key`,
    /// `pass` ...), which must never sit in a debate file.
    /// Any spelling counts (`API-Key`, `auth_token`, `clientSecret`, `AWS_ACCESS_KEY`, `api_keys`
    /// ...): see ``CredentialShape/isCredentialName(_:)``.
    static func isSecretKey(_ key: String) -> Bool {
        CredentialShape.isCredentialName(key)
    }

    /// Line `number` of the file for an excerpt, made safe to show and cut where a secret value
    /// starts; nil past the end of the file, or when a secret runs through the line. Before the
    /// file's tree is walked (its YAML is malformed) values cannot be told apart, so the line is
    /// cut after any key that names a credential instead.
    ///
    /// - Parameter secrets: the lines secret values touch (see ``SecretLines``).
    func excerpt(ofLine number: Int, secrets: SecretLines) -> String? {
        guard source.lines.indices.contains(number - 1) else { return nil }
        let line = Array(source.lines[number - 1].unicodeScalars)
        if secrets.runsThrough(line: number) { return nil }
        if let end = secrets.lastLineEnd(onLine: number),
            line.prefix(max(end - 1, 0)).contains(where: { !" \t-".unicodeScalars.contains($0) }) {
            return nil  // the secret's last line, like `  sk-1] }` before what follows it
        }
        var hiddenFrom = secrets.cut(onLine: number)
        if valueEnds == nil, let column = Self.valueColumnOfSecretKey(in: line) {
            hiddenFrom = min(hiddenFrom ?? column, column)
        }
        // A key inside a longer text (`arguments: [my key is sk-…]`), or on a line of YAML that did not parse.
        if let column = Self.columnOfKeyShapedWord(in: line) { hiddenFrom = min(hiddenFrom ?? column, column) }
        guard let hiddenFrom else { return source.line(number) }
        return SourceText.visible(String(String.UnicodeScalarView(line.prefix(max(hiddenFrom - 1, 0))))) + "…"
    }

    /// The column of the first word on a line that looks like an API key (see
    /// ``CredentialShape/looksLikeKey(_:)``); words end at white space, quotes and YAML's `,[]{}`.
    private static func columnOfKeyShapedWord(in line: [Unicode.Scalar]) -> Int? {
        let ends: Set<Unicode.Scalar> = [" ", "\t", ",", "[", "]", "{", "}", "\"", "'"]
        var start = 0
        for index in 0...line.count where index == line.count || ends.contains(line[index]) {
            if index > start, CredentialShape.looksLikeKey(String(String.UnicodeScalarView(line[start..<index]))) {
                return start + 1
            }
            start = index + 1
        }
        return nil
    }

    /// The column where the value of the first key that speaks of a credential starts on a line
    /// (`api_key: sk-...` or `apiKeyEnv: x` → the column of the value), read from the text alone.
    private static func valueColumnOfSecretKey(in line: [Unicode.Scalar]) -> Int? {
        let blank: Set<Unicode.Scalar> = [" ", "\t"]
        for (index, scalar) in line.enumerated() where scalar == ":" {
            guard index + 1 == line.count || blank.contains(line[index + 1]) else { continue }
            let key = line[..<index].reversed().prefix { !blank.contains($0) && !"{[,?".unicodeScalars.contains($0) }
            guard CredentialShape.mentionsCredential(String(String.UnicodeScalarView(key.reversed()))) else { continue }  // quotes are ignored
            guard let value = line[(index + 1)...].firstIndex(where: { !blank.contains($0) }) else { return nil }
            return value + 1
        }
        return nil
    }
}
