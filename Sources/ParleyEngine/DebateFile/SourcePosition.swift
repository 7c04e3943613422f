import Yams

/// A place in a debate file: line and column, both from 1 (columns in Unicode scalars, as YAML counts).
struct SourcePosition: Hashable, Comparable, Sendable {
    var line: Int
    var column: Int

    /// The start of the file.
    static let start = SourcePosition(line: 1, column: 1)

    static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

extension Node {
    /// Where the node is written.
    var position: SourcePosition? {
        mark.map { SourcePosition(line: $0.line, column: $0.column) }
    }
}

extension Mark {
    /// The same place, as a position.
    var position: SourcePosition { SourcePosition(line: line, column: column) }
}
