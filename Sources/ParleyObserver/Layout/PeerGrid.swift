import TerminalKit

/// Places 2–9 peer panes in a grid that fits their area: 2 → 2×1, 3 → 3×1 (2+1 when narrow),
/// 4 → 2×2, 5–6 → 3×2, 7–9 → 3×3; fewer columns when the panes would be too narrow.
enum PeerGrid {
    /// Panes narrower than this are never made when fewer columns can be used.
    static let minimumPaneWidth = 20
    /// Below this width a pane prefers fewer columns when there is height to spare.
    static let comfortablePaneWidth = 30
    /// The height a row of panes wants before fewer columns are worth it.
    static let comfortablePaneHeight = 10
    /// Border, one line of text, border.
    static let minimumPaneHeight = 3

    /// The columns a grid of `count` panes prefers with room enough.
    static func preferredColumns(_ count: Int) -> Int {
        switch count {
        case ...1: 1
        case 2: 2
        case 3: 3
        case 4: 2
        default: 3
        }
    }

    /// The columns for `count` panes in `area`.
    static func columns(_ count: Int, in area: Rect) -> Int {
        var columns = min(preferredColumns(count), max(1, count))
        while columns > 1 {
            let width = area.width / columns
            let fewerRows = rows(count, columns: columns - 1)
            let roomy = area.height / fewerRows >= comfortablePaneHeight
            if width < minimumPaneWidth || (width < comfortablePaneWidth && roomy) { columns -= 1 } else { break }
        }
        return columns
    }

    /// Rows for `count` panes in `columns` columns.
    static func rows(_ count: Int, columns: Int) -> Int {
        max(1, (count + columns - 1) / max(1, columns))
    }

    /// The rectangles of `count` panes filling `area` row by row; the last row's panes share its
    /// whole width.
    static func place(_ count: Int, in area: Rect) -> [Rect] {
        guard count > 0 else { return [] }
        let columns = columns(count, in: area)
        let rowCount = rows(count, columns: columns)
        var rects: [Rect] = []
        let rowHeights = split(area.height, into: rowCount)
        var y = area.y
        for (row, height) in rowHeights.enumerated() {
            let inRow = min(columns, count - row * columns)
            var x = area.x
            for width in split(area.width, into: inRow) {
                rects.append(Rect(x: x, y: y, width: width, height: height))
                x += width
            }
            y += height
        }
        return rects
    }

    /// `total` split into `parts` near-equal sizes, the larger ones first.
    static func split(_ total: Int, into parts: Int) -> [Int] {
        guard parts > 0 else { return [] }
        return (0..<parts).map { total / parts + ($0 < total % parts ? 1 : 0) }
    }
}
