import ParleyCore
import TerminalKit

/// The timeline strip above the prompt line: the debate's rounds and turns and where the view
/// is. `◇` is the start; each round is its number, then a mark per turn in its speaker's colour:
/// `●` up to the turn shown, `◆` on it (reversed), `·` after it; `✎` a turn being written now. Following the
/// debate, it ends `▸ now`; looking back, `End ▸ now`. When the turns do not fit, the strip
/// shows those around the turn shown, with `…` where it is cut.
enum TimelineStripView {
    /// One column of the strip.
    private struct Cell {
        var text: String
        var ink: Ink
        var attributes: TextAttributes = []
    }

    static func draw(_ state: ObserverState, rect: Rect, theme: Theme, agents: [Int: Style], into canvas: inout Canvas) {
        canvas.fill(rect, style: theme.base)
        guard rect.width > 8, state.debate.info != nil else { return }
        let (cells, here) = cells(state)
        let tail: StyledLine = state.viewed == nil
            ? [Span(" ▸ now", .role(.accent), .bold)]
            : [Span(" End", .role(.accent), .bold), Span(" ▸ now", .role(.muted))]
        let room = rect.width - 2 - PaneFrame.width(tail)
        guard room > 4 else { return }
        let line = window(cells, around: here, room: room).map { Span($0.text, $0.ink, $0.attributes) } + tail
        canvas.put(line, x: rect.x + 1, y: rect.y, theme: theme, agents: agents, clip: rect)
    }

    /// Every cell of the strip, and the index of the one the view is at.
    private static func cells(_ state: ObserverState) -> ([Cell], Int) {
        let timeline = state.timeline
        let shown = state.shownTurn
        // The start, before any turn, is the strip's first column.
        let atStart = state.viewed?.turn == 0
        var cells = [Cell(text: "◇", ink: .role(.accent), attributes: atStart ? [.bold, .reverse] : [])]
        var here = 0
        var round = 0
        for turn in 1..<max(1, timeline.stops.count) {
            if timeline.rounds[turn] != round {
                round = timeline.rounds[turn]
                cells += " \(round) ".map { Cell(text: String($0), ink: .role(.muted)) }
            }
            let ink = state.debate.pane(timeline.speakers[turn]).map { Ink.agent($0.index) } ?? .role(.muted)
            if turn == shown {
                here = cells.count
                cells.append(Cell(text: "◆", ink: ink, attributes: [.bold, .reverse]))
            } else {
                cells.append(turn < shown ? Cell(text: "●", ink: ink) : Cell(text: "·", ink: .role(.muted)))
            }
        }
        if state.debate.isTurnBeingWritten {
            if state.viewed == nil { here = cells.count }
            cells.append(Cell(text: "✎", ink: .role(.graphInFlight), attributes: state.viewed == nil ? [.bold] : []))
        }
        return (cells, here)
    }

    /// The cells that fit in `room` columns, around `here`: `…` where they are cut.
    private static func window(_ cells: [Cell], around here: Int, room: Int) -> [Cell] {
        guard cells.count > room else { return cells }
        let ellipsis = Cell(text: "…", ink: .role(.muted))
        let span = room - 2
        let start = min(max(0, here - span * 2 / 3), cells.count - span)
        let end = start + span
        return (start > 0 ? [ellipsis] : []) + cells[start..<end] + (end < cells.count ? [ellipsis] : [])
    }
}
