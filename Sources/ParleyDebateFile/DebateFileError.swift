import Foundation
import ParleyCore
import ParleyEngine
import ParleyFiles

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

    /// Every problem as a compiler would print it, one after the other.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }

    /// The same as ``description``, for code that prints `localizedDescription`.
    public var errorDescription: String? { description }

    /// One thing wrong with a debate file, and where (the shape every Parley file's problems
    /// take, themes' too).
    public typealias Problem = FileProblem
}
