/// One cell of a canvas.
public struct Cell: Sendable, Hashable {
    /// What the cell shows: one character of one or two columns.
    public var character: Character
    /// How it looks.
    public var style: Style
    /// Whether this cell is the right half of a wide character in the cell to its left.
    public var isContinuation: Bool

    /// Makes a cell.
    public init(character: Character = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.character = character
        self.style = style
        self.isContinuation = isContinuation
    }
}

/// A grid of cells that views draw into; the screen shows it. Drawing is clipped to the canvas
/// (and to a clip rectangle when given), and a wide character never is split at an edge.
public struct Canvas: Sendable, Hashable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// Cells, row by row.
    public private(set) var cells: [Cell]

    /// Makes a canvas filled with blanks of `style`.
    public init(width: Int, height: Int, style: Style = .plain) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(style: style), count: self.width * self.height)
    }

    /// The whole canvas as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at column `x`, row `y`.
    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` from (`x`, `y`) on one row, clipped to `clip` (default: the whole canvas).
    /// Newlines and other control characters are not expected (sanitize first) and are skipped.
    /// A wide character that would cross the clip's right edge is left out, and the cell it would
    /// start in is blanked; one crossing the left edge leaves its right half blank.
    /// - Returns: the column just after the text, as if it had not been clipped.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, style: Style, clip: Rect? = nil) -> Int {
        let area = (clip ?? bounds).intersection(bounds)
        guard y >= area.y, y < area.maxY, !area.isEmpty else { return x + TextWidth.columns(text) }
        var column = x
        for character in text {
            let columns = TextWidth.columns(character)
            if columns == 0 { continue }
            defer { column += columns }
            if column >= area.maxX { continue }
            if column + columns > area.maxX {
                if column >= area.x { setBlank(column, y, style) }
            } else if column >= area.x {
                clearWide(at: column, y)
                self[column, y] = Cell(character: character, style: style)
                if columns == 2 {
                    clearWide(at: column + 1, y)
                    self[column + 1, y] = Cell(character: " ", style: style, isContinuation: true)
                }
            } else if column + columns > area.x {
                // The left half of a wide character falls outside the clip: blank its right half.
                setBlank(column + 1, y, style)
            }
        }
        return column
    }

    /// Fills a rectangle with a character and style. A wide character fills pairs of cells; a
    /// last odd column gets a blank.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let isWide = TextWidth.columns(character) == 2
        let cell = Cell(character: TextWidth.columns(character) == 0 ? " " : character, style: style)
        for row in area.y..<area.maxY {
            for column in area.x..<area.maxX {
                if !isWide {
                    self[column, row] = cell
                } else if (column - area.x) % 2 == 1 {
                    self[column, row] = Cell(character: " ", style: style, isContinuation: true)
                } else {
                    self[column, row] = column + 1 < area.maxX ? cell : Cell(style: style)
                }
            }
            repairEdges(ofRow: row, from: area.x, to: area.maxX)
        }
    }

    /// Changes the style of cells in a rectangle, keeping their characters.
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.y..<area.maxY {
            for column in area.x..<area.maxX { change(&self[column, row].style) }
        }
    }

    /// Copies another canvas onto this one with its top left at `origin`, clipped. A wide
    /// character cut by this canvas's edges, or whose half is overwritten, becomes a blank.
    public mutating func draw(_ other: Canvas, at origin: Point) {
        let left = max(0, origin.x)
        let right = min(width, origin.x + other.width)
        guard left < right else { return }
        for row in 0..<other.height where origin.y + row >= 0 && origin.y + row < height {
            for column in left..<right {
                self[column, origin.y + row] = other[column - origin.x, row]
            }
            repairEdges(ofRow: origin.y + row, from: left, to: right)
        }
    }

    /// The rows as plain text: each wide character once, trailing blanks removed.
    public var lines: [String] {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width where !self[column, row].isContinuation {
                line.append(self[column, row].character)
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// The canvas as plain text, rows joined with newlines.
    public var text: String { lines.joined(separator: "\n") }

    /// After cells `left..<right` of `row` were overwritten as a block, blanks the halves of
    /// wide characters that the block's edges cut off.
    private mutating func repairEdges(ofRow row: Int, from left: Int, to right: Int) {
        // A right half at the left edge: its left half is not in the block.
        if self[left, row].isContinuation { self[left, row] = Cell(style: self[left, row].style) }
        // A left half just outside the left edge whose right half the block overwrote.
        if left > 0, isWideLead(left - 1, row) { self[left - 1, row].character = " " }
        // A left half at the right edge: its right half is not in the block.
        if isWideLead(right - 1, row) { self[right - 1, row].character = " " }
        // A right half just outside the right edge whose left half the block overwrote.
        if right < width, self[right, row].isContinuation { self[right, row] = Cell(style: self[right, row].style) }
    }

    /// Whether the cell is the left half of a wide character.
    private func isWideLead(_ x: Int, _ y: Int) -> Bool {
        !self[x, y].isContinuation && TextWidth.columns(self[x, y].character) == 2
    }

    private mutating func setBlank(_ x: Int, _ y: Int, _ style: Style) {
        guard x >= 0, x < width else { return }
        clearWide(at: x, y)
        self[x, y] = Cell(character: " ", style: style)
    }

    /// Before overwriting the cell at (x, y), breaks up the wide character it is part of.
    private mutating func clearWide(at x: Int, _ y: Int) {
        guard x >= 0, x < width else { return }
        if self[x, y].isContinuation, x > 0 {
            self[x - 1, y].character = " "
        } else if TextWidth.columns(self[x, y].character) == 2, x + 1 < width, self[x + 1, y].isContinuation {
            self[x + 1, y] = Cell(character: " ", style: self[x + 1, y].style)
        }
    }
}
