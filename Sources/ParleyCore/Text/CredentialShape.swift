/// Credentials told by their look, so that they are never shown: the names of settings that hold
/// one, and texts shaped like API keys.
public enum CredentialShape {
    /// Whether a setting's name says that it holds a credential: its last word of several is one
    /// (`openai_key`, `api_keys`, `auth_token`, `clientSecret`), its letters end in one
    /// (`APIKEY`, `accessKey`), or it is one alone (`key`, `pass`, `pwd`, `passphrase`; not `keys`).
    public static func isCredentialName(_ name: String) -> Bool {
        let squashed = name.lowercased().filter { $0.isLetter }
        if ["key", "bearer", "authorization", "auth"].contains(squashed) { return true }
        if squashedEndings.contains(where: { squashed.hasSuffix($0) }) { return true }
        let words = words(of: name)
        return words.count > 1 && words.last.map(credentialWords.contains) == true
            || ["pass", "pwd", "passphrase", "passcode"].contains(squashed)
    }

    /// Whether any word of a setting's name is a credential's (`apiKeyEnv`, `key_file`,
    /// `password_hint`): its value may be one, so it is not shown, though the setting may not
    /// hold a credential itself.
    public static func mentionsCredential(_ name: String) -> Bool {
        isCredentialName(name) || words(of: name).contains(where: credentialWords.contains)
    }

    /// Whether a text looks like an API key: a single word that starts as keys of well-known
    /// providers do (`sk-…`, `ghp_…`, `AIza…`), or holds a long run of random-looking letters and
    /// digits (20 or more with both, or 16 or more mixing upper case, lower case and digits).
    /// Words, sentences, URLs and model names (`claude-sonnet-4-5-20250929`) do not.
    public static func looksLikeKey(_ text: String) -> Bool {
        let word = text.trimmingWhitespace()
        guard word.count >= 12, word.count <= 1024,
            word.unicodeScalars.allSatisfy({ $0.isASCII && (isAlphanumeric($0) || "-_.+/=~".unicodeScalars.contains($0)) }),
            !word.contains("/") || !word.contains(".")  // a path or a host, not base64
        else { return false }
        if keyPrefixes.contains(where: { word.hasPrefix($0) }) { return true }
        var run: [Unicode.Scalar] = []
        for scalar in word.unicodeScalars + ["-"] {
            if isAlphanumeric(scalar) {
                run.append(scalar)
                continue
            }
            if isRandomLooking(run) { return true }
            run.removeAll()
        }
        return false
    }

    /// Whether a run of letters and digits looks random rather than like a word or a version.
    private static func isRandomLooking(_ run: [Unicode.Scalar]) -> Bool {
        let digits = run.contains { ("0"..."9").contains($0) }
        let lower = run.contains { ("a"..."z").contains($0) }
        let upper = run.contains { ("A"..."Z").contains($0) }
        return (run.count >= 20 && digits && (lower || upper)) || (run.count >= 16 && digits && lower && upper)
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// The words of a name: split at anything but letters and digits, and where lower case turns upper.
    private static func words(of name: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousLower = false
        for character in name {
            guard character.isLetter || character.isNumber else {
                if !current.isEmpty { words.append(current.lowercased()) }
                current = ""
                previousLower = false
                continue
            }
            if character.isUppercase, previousLower, !current.isEmpty {
                words.append(current.lowercased())
                current = ""
            }
            current.append(character)
            previousLower = character.isLowercase
        }
        if !current.isEmpty { words.append(current.lowercased()) }
        return words
    }

    /// Words that name a credential.
    private static let credentialWords: Set<String> = [
        "key", "keys", "apikey", "apikeys", "token", "secret", "secrets", "password", "passwords", "passwd", "pass", "pwd",
        "passphrase", "passcode", "credential", "credentials", "bearer", "auth", "authorization",
    ]

    /// Endings of a name's letters that make it a credential's, whatever its words.
    private static let squashedEndings = [
        "apikey", "apikeys", "accesskey", "privatekey", "secretkey", "token", "secret", "password", "passwd", "passphrase",
        "credential", "credentials",
    ]

    /// How keys of well-known providers start.
    private static let keyPrefixes = [
        "sk-", "sk_", "pk_", "rk_", "ghp_", "gho_", "ghu_", "ghs_", "github_pat_", "glpat-", "xoxb-", "xoxp-", "xapp-",
        "hf_", "gsk_", "AKIA", "ASIA", "AIza", "pplx-", "r8_", "nvapi-", "csk-", "fw_",
    ]
}
