import Foundation

/// Everything wrong with a debate file, found in one pass, in the order of the file.
///
/// Its `description` reads like a compiler's diagnostics: for each problem,
/// `Debates/x.yaml:12:5: error: unknown key 'rouns' at (top level); did you mean 'rounds'?`,
/// then the source line and a caret under the column.
public struct DebateFileError: LocalizedError, Sendable, Hashable, CustomStringConvertible {
    /// The problems, sorted by line and column; never empty.
    public var problems: [Problem]

    /// Makes an error from problems, which it sorts by position.
    public init(problems: [Problem]) {
        self.problems = problems.enumerated()
            .sorted { ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset) }
            .map(\.element)
    }

    /// How many problems ``description`` prints; the rest are counted.
    public static let shownProblems = 50

    /// The problems as a compiler would print them, one after the other: the first
    /// ``shownProblems``, then how many more there are (`and 70 more problems`).
    public var description: String {
        let shown = problems.prefix(Self.shownProblems).map(\.description)
        let more = problems.count - shown.count
        guard more > 0 else { return shown.joined(separator: "\n") }
        let file = problems.first?.file ?? "the file"
        let rest = "\(file): and \(more) more problem\(more == 1 ? "" : "s"); fix these and check again to see them"
        return (shown + [rest]).joined(separator: "\n")
    }

    /// The same as ``description``, for code that prints `localizedDescription`.
    public var errorDescription: String? { description }

    /// One thing wrong with a debate file, and where.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// The file, as the path it was loaded from.
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

        /// Makes a problem.
        public init(
            file: String, line: Int, column: Int, keyPath: String, message: String,
            suggestion: String? = nil, sourceLine: String? = nil
        ) {
            self.file = file
            self.line = line
            self.column = column
            self.keyPath = keyPath
            self.message = message
            self.suggestion = suggestion
            self.sourceLine = sourceLine
        }

        /// The first line of the diagnostic: `file:line:column: error: message; suggestion`.
        public var headline: String {
            let place = line > 0 ? "\(file):\(line):\(column)" : file
            return "\(place): error: \(message)" + (suggestion.map { "; \($0)" } ?? "")
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
}
