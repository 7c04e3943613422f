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
    /// start in is blanked.
    /// - Returns: the column just after the last character written.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, style: Style, clip: Rect? = nil) -> Int {
        let area = (clip ?? bounds).intersection(bounds)
        guard y >= area.y, y < area.maxY else { return x + TextWidth.columns(text) }
        var column = x
        for character in text {
            let columns = TextWidth.columns(character)
            if columns == 0 { continue }
            if column + columns > area.maxX {
                if column >= area.x, column < area.maxX { setBlank(column, y, style) }
                return column + columns
            }
            if column >= area.x {
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
            column += columns
        }
        return column
    }

    /// Fills a rectangle with a character and style.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let cell = Cell(character: character, style: style)
        for row in area.y..<area.maxY {
            for column in area.x..<area.maxX { self[column, row] = cell }
        }
        // Wide characters cut by the rectangle's edges lose their other half.
        for row in area.y..<area.maxY {
            if area.x > 0, TextWidth.columns(self[area.x - 1, row].character) == 2,
                !self[area.x - 1, row].isContinuation
            {
                self[area.x - 1, row].character = " "
            }
            if area.maxX < width, self[area.maxX, row].isContinuation {
                self[area.maxX, row] = Cell(character: " ", style: self[area.maxX, row].style)
            }
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

    /// Copies another canvas onto this one with its top left at `origin`, clipped.
    public mutating func draw(_ other: Canvas, at origin: Point) {
        for row in 0..<other.height where origin.y + row >= 0 && origin.y + row < height {
            for column in 0..<other.width where origin.x + column >= 0 && origin.x + column < width {
                self[origin.x + column, origin.y + row] = other[column, row]
            }
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
