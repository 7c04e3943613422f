import Synchronization

/// How many lines each block of a pane wraps to at a width, kept between frames, so that a pane
/// scrolled back wraps only the blocks it shows, not its whole history, every frame. A count is
/// used again only while its block's content (its fingerprint) is the same.
final class LineCounts: Sendable {
    /// What the counts are for: a pane at a width, with or without reasoning shown.
    struct Key: Hashable, Sendable {
        var pane: PaneID
        var width: Int
        var showsReasoning: Bool
    }

    private struct Counts {
        var fingerprints: [Int] = []
        var counts: [Int] = []
        /// Blocks wrapped to count their lines, over the key's life (for tests).
        var wrapped = 0
    }

    /// The counts of the panes drawn (one entry per pane and width).
    static let shared = LineCounts()

    private let table = Mutex<[Key: Counts]>([:])

    /// How many blocks were wrapped to count their lines for `key` so far.
    func blocksWrapped(_ key: Key) -> Int { table.withLock { $0[key]?.wrapped ?? 0 } }

    /// Each block's line count, wrapping only the blocks that are new or changed.
    func counts(_ key: Key, of text: TextBlocks, fingerprint: (Int) -> Int) -> [Int] {
        var known = table.withLock { $0.removeValue(forKey: key) } ?? Counts()
        if known.counts.count > text.count {
            known.counts.removeLast(known.counts.count - text.count)
            known.fingerprints.removeLast(known.fingerprints.count - text.count)
        }
        var fresh = 0
        for index in 0..<text.count {
            let print = fingerprint(index)
            if index < known.counts.count {
                guard known.fingerprints[index] != print else { continue }
                known.fingerprints[index] = print
                known.counts[index] = text.block(index).count
            } else {
                known.fingerprints.append(print)
                known.counts.append(text.block(index).count)
            }
            fresh += 1
        }
        known.wrapped += fresh
        let counts = known.counts
        table.withLock { $0[key] = known }
        return counts
    }
}
