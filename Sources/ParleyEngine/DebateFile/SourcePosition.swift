import Yams

/// A place in a debate file: line and column, both from 1 (columns in Unicode scalars, as YAML counts).
struct SourcePosition: Hashable, Sendable {
    var line: Int
    var column: Int
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
