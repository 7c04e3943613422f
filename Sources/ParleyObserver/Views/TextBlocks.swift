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
}
