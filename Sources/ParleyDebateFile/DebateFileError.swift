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

    /// One thing wrong with a debate file, and where (the shape every Parley file's problems
    /// take, themes' too).
    public typealias Problem = FileProblem
}
