/// A pane's text as blocks of lines (an entry of a peer's pane, a summary, a note), each
/// wrapped only when asked for: a pane that follows new text wraps only the blocks its last
/// page shows, however long its history.
struct TextBlocks {
    /// How many blocks there are.
    let count: Int
    /// The lines of the block at an index, from 0.
    let block: (Int) -> [StyledLine]

    /// Blocks made by `block`.
    init(count: Int, block: @escaping (Int) -> [StyledLine]) {
        self.count = count
        self.block = block
    }

    /// One block of these lines.
    init(_ lines: [StyledLine]) {
        self.init(count: 1) { _ in lines }
    }

    /// Every line, first block first.
    var lines: [StyledLine] { (0..<count).flatMap(block) }

    /// The last `rows` lines, wrapped from the last block back only as far as they reach, and
    /// whether there are more above.
    func tail(rows: Int) -> (lines: [StyledLine], more: Bool) {
        var blocks: [[StyledLine]] = []
        var lineCount = 0
        var index = count
        while index > 0, lineCount < rows {
            index -= 1
            let lines = block(index)
            blocks.append(lines)
            lineCount += lines.count
        }
        let lines = Array(blocks.reversed().joined())
        return (Array(lines.suffix(rows)), index > 0 || lines.count > rows)
    }

    /// The `rows` lines from line `first` on (given the whole text's line count, it says which
    /// line is first), wrapping only the blocks they come from, with the line counts `counts`
    /// gives; and the whole text's line count.
    func window(rows: Int, counts: [Int], first: (Int) -> Int) -> (lines: [StyledLine], first: Int, total: Int) {
        let total = counts.reduce(0, +)
        let start = first(total)
        var lines: [StyledLine] = []
        var line = 0
        for index in 0..<count {
            let next = line + counts[index]
            if next > start, lines.count < rows {
                let blockLines = block(index)
                lines += blockLines.dropFirst(max(0, start - line)).prefix(rows - lines.count)
            }
            if lines.count >= rows { break }
            line = next
        }
        return (lines, start, total)
    }
}
