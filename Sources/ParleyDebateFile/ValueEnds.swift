import ParleyCore
import ParleyEngine
import ParleyFiles
import Yams

/// Where each value of a debate file ends: where the next thing written after it starts, or the
/// end of the file. A secret value is left out of excerpts from where it starts to where it ends.
struct ValueEnds: Sendable {
    /// The end of each value that does not run to the end of the file, by where it starts.
    private var ends: [SourcePosition: SourcePosition] = [:]

    /// The ends of every value in the tree.
    init(of root: Node) {
        var ends: [SourcePosition: SourcePosition] = [:]
        var unfinished: [SourcePosition] = []
        root.visitInDocumentOrder { node, _ in
            guard let start = node.position else { return }
            for position in unfinished { ends[position] = max(ends[position] ?? start, start) }
            unfinished.removeAll()
        } leaving: { node in
            if let position = node.position { unfinished.append(position) }
        }
        // Nothing follows these: they run to the end of the file, even where a node starting at the
        // same place (a mapping's first key) was given an earlier end.
        for position in unfinished { ends[position] = nil }
        self.ends = ends
    }

    /// Where the value starting at `start` ends; nil when it runs to the end of the file (or is
    /// not known, to be safe).
    func end(ofValueAt start: SourcePosition) -> SourcePosition? {
        ends[start]
    }
}
