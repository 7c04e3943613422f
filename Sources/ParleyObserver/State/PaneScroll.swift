/// Where a pane is scrolled to: an intent, kept as the person set it and clamped where the pane
/// is drawn (so it survives a resize and new text), and the moves asked for since the pane was
/// last drawn, which need its lines to know where they lead.
public struct PaneScroll: Sendable, Hashable {
    /// What the pane shows.
    public enum Intent: Sendable, Hashable {
        /// The last page, following new text.
        case follow
        /// From this line, from 0, whatever comes after it; the last page when there are
        /// fewer lines.
        case line(Int)
    }

    /// What the pane shows.
    public var intent: Intent
    /// Moves asked for that no drawing has carried out yet, oldest first.
    public var moves: [ScrollMove]

    /// Makes a scroll: following new text unless told otherwise.
    public init(intent: Intent = .follow, moves: [ScrollMove] = []) {
        self.intent = intent
        self.moves = moves
    }

    /// Whether the pane follows new text, with no move waiting to be carried out.
    public var follows: Bool { intent == .follow && moves.isEmpty }

    /// Asks for a move. `End` needs no lines to know where it leads, nor does a move down
    /// while following; the others wait for the pane to be drawn.
    mutating func ask(_ move: ScrollMove) {
        switch move {
        case .end: self = PaneScroll()
        case .home: moves = [.home]
        case .down, .pageDown, .lines(0...): if !follows { moves.append(move) }
        default: moves.append(move)
        }
    }

    /// The first line shown of `lineCount` lines in `rows` rows, the moves carried out.
    public func firstLine(lineCount: Int, rows: Int) -> Int {
        let last = max(0, lineCount - rows)
        let page = max(1, rows - 1)
        var top: Int
        switch intent {
        case .follow: top = last
        case .line(let line): top = min(max(0, line), last)
        }
        for move in moves {
            let target = switch move {
            case .up: top - 1
            case .down: top + 1
            case .pageUp: top - page
            case .pageDown: top + page
            case .home: 0
            case .end: last
            case .lines(let count): top + count
            }
            top = min(last, max(0, target))
        }
        return top
    }

    /// The intent once the moves are carried out on `lineCount` lines in `rows` rows: reaching
    /// the last page follows new text again.
    public func settled(lineCount: Int, rows: Int) -> Intent {
        guard !moves.isEmpty else { return intent }
        let top = firstLine(lineCount: lineCount, rows: rows)
        return top >= max(0, lineCount - rows) ? .follow : .line(top)
    }
}
