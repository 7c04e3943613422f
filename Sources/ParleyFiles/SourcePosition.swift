import Yams

/// A place in a YAML file: line and column, both from 1 (columns in Unicode scalars, as YAML counts).
public struct SourcePosition: Hashable, Comparable, Sendable {
    /// The line, from 1.
    public var line: Int
    /// The column, from 1, in Unicode scalars.
    public var column: Int

    /// Makes a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The start of the file.
    public static let start = SourcePosition(line: 1, column: 1)

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

extension Node {
    /// Where the node is written.
    public var position: SourcePosition? {
        mark.map { SourcePosition(line: $0.line, column: $0.column) }
    }
}

extension Mark {
    /// The same place, as a position.
    public var position: SourcePosition { SourcePosition(line: line, column: column) }
}
