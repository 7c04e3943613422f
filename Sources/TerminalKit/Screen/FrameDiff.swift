/// A stretch of cells on one row to write to the terminal.
public struct FrameRun: Sendable, Hashable {
    /// The row.
    public var row: Int
    /// The first column; never the right half of a wide character.
    public var column: Int
    /// The cells from `column` on, continuation cells of wide characters included.
    public var cells: [Cell]

    /// Makes a run.
    public init(row: Int, column: Int, cells: [Cell]) {
        self.row = row
        self.column = column
        self.cells = cells
    }
}

/// What changed between two frames: the screen writes only these cells.
public enum FrameDiff {
    /// The runs of cells of `next` that differ from `previous`, row by row, left to right. Without
    /// a previous frame, or with one of another size, every row is one run (a full repaint).
    ///
    /// A wide character is always written whole: a run never starts on its right half and never
    /// ends between its halves, even if only one half changed.
    public static func runs(from previous: Canvas?, to next: Canvas) -> [FrameRun] {
        guard let previous, previous.width == next.width, previous.height == next.height else {
            return (0..<next.height).map { row in
                FrameRun(row: row, column: 0, cells: Array(next.cells[row * next.width..<(row + 1) * next.width]))
            }
        }
        var runs: [FrameRun] = []
        for row in 0..<next.height {
            var column = 0
            while column < next.width {
                if previous[column, row] == next[column, row] {
                    column += 1
                    continue
                }
                var start = column
                if next[start, row].isContinuation, start > 0 { start -= 1 }
                var end = column + 1
                while end < next.width, previous[end, row] != next[end, row] || next[end, row].isContinuation {
                    end += 1
                }
                if let last = runs.last, last.row == row, last.column + last.cells.count == start {
                    runs[runs.count - 1].cells.append(contentsOf: (start..<end).map { next[$0, row] })
                } else {
                    runs.append(FrameRun(row: row, column: start, cells: (start..<end).map { next[$0, row] }))
                }
                column = end
            }
        }
        return runs
    }
}
