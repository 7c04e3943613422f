import ParleyCore
import ParleyEngine
import ParleyFiles
import Yams

/// Reads one debate file's YAML tree into a ``DebateSpec``, noting every problem on the way
/// rather than stopping at the first, so the user can fix them all at once.
struct DebateFileReader {
    /// The file's path, as given.
    let file: String
    /// The file's text, to quote the line a problem is on.
    let source: SourceText
    /// The problems found so far, in the order found, without their excerpts (see ``error``).
    private(set) var problems: [DebateFileError.Problem] = []
    /// Where the secret values found so far start: no excerpt shows them.
    private(set) var secretValues: [SourcePosition] = []
    /// Where each value ends, to leave a secret out up to its end; nil until the file's tree is
    /// walked (never, when its YAML is malformed).
    var valueEnds: ValueEnds?
    /// Mappings merged in with `<<`, flattened, by where they are written: an anchor merged in
    /// many times is flattened (and its problems reported) once.
    var mergedMappings: [SourcePosition: [Fields.Entry]] = [:]

    init(file: String, text: String) {
        self.file = file
        self.source = SourceText(text)
    }

    /// Notes a problem at `position` (the start of the file when nil).
    ///
    /// - Parameters:
    ///   - message: the whole message, naming the value concerned; never a secret.
    ///   - path: the value concerned.
    ///   - suggestion: what to do, if there is something useful to say.
    ///   - secret: a value that may be a credential, which no excerpt will show.
    mutating func report(
        _ message: String, at position: SourcePosition?, path: FieldPath, suggestion: String? = nil,
        hiding secret: Node? = nil
    ) {
        if let secret { hide(secret) }
        problems.append(
            DebateFileError.Problem(
                file: file, line: position?.line ?? 1, column: position?.column ?? 1, keyPath: path.description,
                message: message, suggestion: suggestion
            )
        )
    }

    /// Notes a value that may be a credential, which no excerpt will show.
    mutating func hide(_ secret: Node) {
        if !Self.isNull(secret), let start = secret.position { secretValues.append(start) }
    }

    /// Every problem noted, each with the line it is on, which shows no secret value found
    /// anywhere in the file: excerpts are made last, when all of them are known.
    var error: DebateFileError {
        let secrets = SecretLines(starts: secretValues, ends: valueEnds)
        return DebateFileError(
            problems: problems.map { problem in
                var problem = problem
                problem.sourceLine = excerpt(ofLine: problem.line, secrets: secrets)
                return problem
            }
        )
    }

    /// Notes that the value at `path` is not what was expected:
    /// `rounds: expected a whole number from 1 to 1000, found 'three'`.
    mutating func expected(_ what: String, at node: Node, path: FieldPath, suggestion: String? = nil) {
        report("\(path.name): expected \(what), found \(Self.found(node))", at: node.position, path: path, suggestion: suggestion)
    }

    /// Notes that a required key is missing from the mapping at `fields`, unless a misspelling
    /// of it was reported already.
    mutating func missing(_ key: String, in fields: Fields, suggestion: String? = nil) {
        guard !fields.misspelt.contains(key) else { return }
        report(
            "missing required key '\(key)' at \(fields.path.name)", at: fields.position, path: fields.path.key(key),
            suggestion: suggestion
        )
    }

    /// What a node is, for `found ...`: the value quoted, `nothing`, `a mapping` or `a list`.
    static func found(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            if isNull(node) { return "nothing" }
            return scalar.string.isEmpty ? "an empty text" : SourceText.quoted(scalar.string)
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// Whether a node is YAML's null: an empty value, `~` or `null`, unquoted.
    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }
}
