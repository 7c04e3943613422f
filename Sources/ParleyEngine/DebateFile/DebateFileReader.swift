import ParleyCore
import Yams

/// Reads one debate file's YAML tree into a ``DebateSpec``, noting every problem on the way
/// rather than stopping at the first, so the user can fix them all at once.
struct DebateFileReader {
    /// The file's path, as given.
    let file: String
    /// The file's text, to quote the line a problem is on.
    let source: SourceText
    /// The problems found so far, in the order found.
    private(set) var problems: [DebateFileError.Problem] = []
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
    ///   - message: the whole message, naming the value concerned.
    ///   - path: the value concerned.
    ///   - suggestion: what to do, if there is something useful to say.
    ///   - hidingFrom: a position from which the source line is not shown (a secret's value).
    mutating func report(
        _ message: String, at position: SourcePosition?, path: FieldPath, suggestion: String? = nil,
        hidingFrom secret: SourcePosition? = nil
    ) {
        let line = position?.line ?? 1
        let column = position?.column ?? 1
        var sourceLine = source.line(line)
        if let secret, let shown = sourceLine {
            if secret.line == line {
                sourceLine = String(String.UnicodeScalarView(shown.unicodeScalars.prefix(max(secret.column - 1, 0)))) + "…"
            } else if secret.line < line {
                sourceLine = nil
            }
        }
        problems.append(
            DebateFileError.Problem(
                file: file, line: line, column: column, keyPath: path.description, message: message,
                suggestion: suggestion, sourceLine: sourceLine
            )
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
