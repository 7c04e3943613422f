import ParleyCore
import TerminalKit

/// Where everything goes on a terminal of a given size: the facilitator's summary on top, the
/// peers' panes in a grid, the graph (or blackboard) beside them, the prompt line and the status
/// bar at the bottom, the timeline strip above them. A zoomed pane takes the whole area above
/// the timeline strip.
public struct Layout: Sendable, Hashable {
    /// Terminal columns.
    public let columns: Int
    /// Terminal rows.
    public let rows: Int
    /// The fewest columns the observer needs.
    public let minimumColumns: Int
    /// The fewest rows the observer needs for this many peers.
    public let minimumRows: Int
    /// The facilitator's summary pane, unless another pane is zoomed.
    public let summary: Rect?
    /// The peers, in ring order, with their panes (absent while another pane is zoomed).
    public let peers: [AgentID]
    /// The peers' panes, in the order of ``peers``; empty while another pane is zoomed.
    public let peerRects: [Rect]
    /// The graph or blackboard pane, unless another pane is zoomed.
    public let side: Rect?
    /// The timeline strip, above the prompt line: rounds, turns and where the view is.
    public let timeline: Rect
    /// The line above the status bar: the composer, a prompt, or a notice.
    public let prompt: Rect
    /// The status bar, on the last row.
    public let status: Rect

    /// The fewest columns the observer is laid out for.
    public static let minimumColumns = 60
    /// From this width on the graph gets a column of its own on the right.
    public static let sideColumnWidth = 100

    /// The fewest rows each row of peer panes keeps when the summary pane grows.
    public static let keptPaneHeight = 5

    /// Lays out a terminal of `columns` × `rows` for `peers` (ring order), with `zoomed` taking
    /// the whole area when it is given. `summaryLines`, given the summary pane's text width,
    /// says how many lines of text it wants shown whole (the final tradeoffs); the pane grows
    /// to fit them as far as the peers' panes keep ``keptPaneHeight`` rows each.
    public init(columns: Int, rows: Int, peers: [AgentID], zoomed: PaneID? = nil, summaryLines: ((Int) -> Int)? = nil) {
        self.columns = columns
        self.rows = rows
        self.peers = peers
        minimumColumns = Self.minimumColumns
        let gridRows = PeerGrid.rows(
            peers.count, columns: PeerGrid.columns(peers.count, in: Rect(x: 0, y: 0, width: Self.minimumColumns, height: 0)))
        minimumRows = max(12, 3 + 4 + gridRows * PeerGrid.minimumPaneHeight)
        timeline = Rect(x: 0, y: rows - 3, width: columns, height: 1)
        prompt = Rect(x: 0, y: rows - 2, width: columns, height: 1)
        status = Rect(x: 0, y: rows - 1, width: columns, height: 1)
        guard columns >= minimumColumns, rows >= minimumRows else {
            summary = nil
            side = nil
            peerRects = []
            return
        }
        let body = Rect(x: 0, y: 0, width: columns, height: rows - 3)
        if let zoomed, zoomed == .summary || zoomed == .side || peers.contains(where: { .peer($0) == zoomed }) {
            summary = zoomed == .summary ? body : nil
            side = zoomed == .side ? body : nil
            peerRects = peers.map { .peer($0) == zoomed ? body : Rect(x: 0, y: 0, width: 0, height: 0) }
            return
        }
        let grid: Rect
        if columns >= Self.sideColumnWidth {
            let sideWidth = min(56, max(30, columns * 3 / 10))
            side = Rect(x: columns - sideWidth, y: 0, width: sideWidth, height: body.height)
            let main = Rect(x: 0, y: 0, width: columns - sideWidth, height: body.height)
            let top = Self.grown(
                Self.bandHeight(main, peers: peers.count, share: 4, cap: 10), main, peers: peers.count,
                wanted: summaryLines?(main.width - 4))
            summary = Rect(x: 0, y: 0, width: main.width, height: top)
            grid = Rect(x: 0, y: top, width: main.width, height: main.height - top)
        } else {
            let sideWidth = min(44, max(24, columns * 2 / 5))
            let top = Self.grown(
                Self.bandHeight(body, peers: peers.count, share: 3, cap: 12), body, peers: peers.count,
                wanted: summaryLines?(columns - sideWidth - 4))
            summary = Rect(x: 0, y: 0, width: columns - sideWidth, height: top)
            side = Rect(x: columns - sideWidth, y: 0, width: sideWidth, height: top)
            grid = Rect(x: 0, y: top, width: columns, height: body.height - top)
        }
        peerRects = PeerGrid.place(peers.count, in: grid)
    }

    /// The height of the band on top: a share of `area`, between 4 rows and `cap`, leaving the
    /// peers' grid at least one line of text per pane.
    static func bandHeight(_ area: Rect, peers: Int, share: Int, cap: Int) -> Int {
        let gridRows = PeerGrid.rows(peers, columns: PeerGrid.columns(peers, in: Rect(x: 0, y: 0, width: area.width, height: 0)))
        let wanted = min(cap, max(4, area.height / share))
        return max(4, min(wanted, area.height - gridRows * PeerGrid.minimumPaneHeight))
    }

    /// The band's `height`, grown to show `wanted` lines of text (and the pane's borders) while
    /// every row of the peers' grid in `area` keeps ``keptPaneHeight`` rows; never shrunk.
    static func grown(_ height: Int, _ area: Rect, peers: Int, wanted: Int?) -> Int {
        guard let wanted else { return height }
        let gridRows = PeerGrid.rows(peers, columns: PeerGrid.columns(peers, in: Rect(x: 0, y: 0, width: area.width, height: 0)))
        return max(height, min(wanted + 2, area.height - gridRows * keptPaneHeight))
    }

    /// Whether the terminal is too small for the observer; it then shows only a message.
    public var isTooSmall: Bool { columns < minimumColumns || rows < minimumRows }

    /// A pane's rectangle, if it is shown.
    public func rect(of pane: PaneID) -> Rect? {
        let rect: Rect?
        switch pane {
        case .summary: rect = summary
        case .side: rect = side
        case .peer(let id): rect = peers.firstIndex(of: id).flatMap { peerRects.indices.contains($0) ? peerRects[$0] : nil }
        }
        return rect.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Every pane shown, peers first (in ring order), then the summary and the side pane.
    public var panes: [PaneID] {
        (peers.map(PaneID.peer) + [.summary, .side]).filter { rect(of: $0) != nil }
    }

    /// The pane under a cell, for mouse clicks and the wheel.
    public func pane(at point: Point) -> PaneID? {
        panes.first { rect(of: $0)?.contains(point) ?? false }
    }
}
