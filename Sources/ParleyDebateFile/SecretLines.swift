import ParleyFiles

/// The lines of a debate file that secret values touch, worked out once for every excerpt, so that
/// a file with many secrets and many problems is checked in the time it takes to read it: the
/// column a line is cut at (a secret starts on it), and the lines not shown at all (a secret runs
/// through them, or ends on them after some of its text).
struct SecretLines: Sendable {
    /// The first column hidden, on each line a secret starts on.
    private var cuts: [Int: Int] = [:]
    /// Lines secrets start on, in order, each with the furthest line a secret starting on it or
    /// before it runs to (`Int.max`: to the end of the file).
    private var reach: [(line: Int, furthest: Int)] = []
    /// For each line a secret started earlier ends on, the furthest column it ends at.
    private var lastLineEnds: [Int: Int] = [:]

    /// Where the secret values starting at `starts` run, given where each value ends (nil before
    /// the file's tree is walked: every secret then runs to the end of the file).
    init(starts: [SourcePosition], ends: ValueEnds?) {
        var spans: [(start: SourcePosition, end: SourcePosition?)] = []
        for start in starts {
            let end = ends == nil ? nil : ends?.end(ofValueAt: start)
            spans.append((start, end))
            cuts[start.line] = min(cuts[start.line] ?? start.column, start.column)
            if let end, end.line > start.line { lastLineEnds[end.line] = max(lastLineEnds[end.line] ?? 0, end.column) }
        }
        var furthest = Int.min
        for span in spans.sorted(by: { $0.start < $1.start }) {
            furthest = max(furthest, span.end?.line ?? Int.max)
            if reach.last?.line == span.start.line {
                reach[reach.count - 1].furthest = furthest
            } else {
                reach.append((span.start.line, furthest))
            }
        }
    }

    /// The first column to hide on line `number`, when a secret starts on it.
    func cut(onLine number: Int) -> Int? { cuts[number] }

    /// Whether a secret started on an earlier line runs on past line `number`.
    func runsThrough(line number: Int) -> Bool {
        var low = 0
        var high = reach.count
        while low < high {  // the first entry starting on `number` or after
            let middle = (low + high) / 2
            if reach[middle].line < number { low = middle + 1 } else { high = middle }
        }
        return low > 0 && reach[low - 1].furthest > number
    }

    /// The furthest column a secret started on an earlier line ends at on line `number`.
    func lastLineEnd(onLine number: Int) -> Int? { lastLineEnds[number] }
}
