import ParleyCore
import ParleyEngine
import ParleyFiles
import Yams

extension Node {
    /// Visits this node and everything in it in the order it is written, each written node once:
    /// a node an alias repeats (`*base`) is visited only where it is written, so that a file of
    /// aliases nested deeply is walked in the time it takes to read it.
    ///
    /// - Parameters:
    ///   - path: where this node sits; keys and list items add steps (`<<` adds none, since merged
    ///     keys belong to the mapping that merges them).
    ///   - entering: called with each node before the nodes in it, keys before their values.
    ///   - leaving: called with each node after the nodes in it.
    func visitInDocumentOrder(
        at path: FieldPath = .root, entering: (Node, FieldPath) -> Void, leaving: (Node) -> Void = { _ in }
    ) {
        var visited: Set<WrittenNode> = []
        visit(at: path, visited: &visited, entering: entering, leaving: leaving)
    }

    private func visit(
        at path: FieldPath, visited: inout Set<WrittenNode>, entering: (Node, FieldPath) -> Void, leaving: (Node) -> Void
    ) {
        if let written = WrittenNode(self) {
            guard visited.insert(written).inserted else { return }
        }
        entering(self, path)
        switch self {
        case .mapping(let mapping):
            for (key, value) in mapping {
                key.visit(at: path, visited: &visited, entering: entering, leaving: leaving)
                let valuePath: FieldPath
                if case .scalar(let scalar) = key {
                    valuePath = scalar.isMergeKey ? path : path.key(scalar.string)
                } else {
                    valuePath = path
                }
                value.visit(at: valuePath, visited: &visited, entering: entering, leaving: leaving)
            }
        case .sequence(let sequence):
            for (index, item) in sequence.enumerated() {
                item.visit(at: path.index(index), visited: &visited, entering: entering, leaving: leaving)
            }
        case .scalar, .alias:
            break
        }
        leaving(self)
    }
}

/// A node by where it is written and what it is. Nodes of different kinds can start at the same
/// place (a block mapping and its first key), collections of the same kind and style never do.
/// Two scalars can, when one is empty (YAML places an empty value at the token after it), and
/// then skipping the second loses nothing: a scalar holds nothing, and it starts where the first does.
private struct WrittenNode: Hashable {
    enum Kind: Hashable {
        case scalar, blockMapping, flowMapping, blockSequence, flowSequence
    }

    let position: SourcePosition
    let kind: Kind

    /// The node's place and kind; nil when Yams did not say where it is written.
    init?(_ node: Node) {
        guard let position = node.position else { return nil }
        self.position = position
        switch node {
        case .scalar: kind = .scalar
        case .mapping(let mapping): kind = mapping.style == .flow ? .flowMapping : .blockMapping
        case .sequence(let sequence): kind = sequence.style == .flow ? .flowSequence : .blockSequence
        case .alias: return nil
        }
    }
}
