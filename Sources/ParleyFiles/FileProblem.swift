/// One thing wrong in a YAML file (a debate file, a theme), and where: printed like a compiler's
/// diagnostic, `file:line:column: error: message; suggestion`, then the source line and a caret
/// under the column.
public struct FileProblem: Sendable, Hashable, CustomStringConvertible {
    /// How bad it is.
    public enum Severity: String, Sendable, Hashable {
        /// The file cannot be used.
        case error
        /// The file is used, with a default or without the part concerned.
        case warning
    }

    /// The file, as the path it was loaded from (or what names it, like `built-in light`).
    public var file: String
    /// The line (from 1); 0 when the problem concerns the whole file (it cannot be read).
    public var line: Int
    /// The column (from 1, in Unicode scalars as YAML counts them); 0 with line 0.
    public var column: Int
    /// The value concerned, like `agents[1].backend` or `backends.local.base_url`; empty for
    /// the file as a whole or a YAML syntax error.
    public var keyPath: String
    /// What is wrong, e.g. `rounds: expected a whole number from 1 to 1000, found 'three'`.
    public var message: String
    /// What to do about it, e.g. `did you mean 'rounds'?`, when there is something to say.
    public var suggestion: String?
    /// The line of the file the problem is on, with control characters made visible (and
    /// secrets cut off), for the excerpt under the message.
    public var sourceLine: String?
    /// Whether it is an error or a warning.
    public var severity: Severity

    /// Makes a problem.
    public init(
        file: String, line: Int, column: Int, keyPath: String, message: String,
        suggestion: String? = nil, sourceLine: String? = nil, severity: Severity = .error
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
        self.suggestion = suggestion
        self.sourceLine = sourceLine
        self.severity = severity
    }

    /// The first line of the diagnostic: `file:line:column: error: message; suggestion`.
    public var headline: String {
        let place = line > 0 ? "\(file):\(line):\(column)" : file
        return "\(place): \(severity.rawValue): \(message)" + (suggestion.map { "; \($0)" } ?? "")
    }

    /// The headline, then the source line and a caret under the column, when known.
    public var description: String {
        guard let sourceLine, line > 0 else { return headline }
        let gutter = String(line)
        let pad = String(repeating: " ", count: gutter.count)
        let before = sourceLine.unicodeScalars.prefix(max(column - 1, 0))
        let lead = before.map { $0 == "\t" ? "\t" : " " }.joined()
            + String(repeating: " ", count: max(column - 1 - before.count, 0))
        return """
            \(headline)
             \(gutter) | \(sourceLine)
             \(pad) | \(lead)^
            """
    }
}
