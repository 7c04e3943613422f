import TerminalKit

/// A search of one pane's text (`/`): the words typed, and which match is the current one.
/// While it is active in the focused pane, `n` and `N` go to the next and previous match
/// (elsewhere `n` steps a turn, as always).
public struct PaneSearch: Sendable, Hashable {
    /// The pane searched.
    public var pane: PaneID
    /// What is searched for, as typed.
    public var query: [Character] = []
    /// Whether the words are still being typed (Enter ends the typing).
    public var isTyping = true
    /// The current match, counted from the first in the pane; kept within the matches there
    /// are where the pane is drawn.
    public var current = 0

    /// Makes a search of `pane`, its words still to be typed.
    public init(pane: PaneID) {
        self.pane = pane
    }

    /// The words searched for.
    public var text: String { String(query) }
}

/// Where a search matches in a pane's lines as drawn.
struct SearchMatch: Sendable, Hashable {
    /// The line, from 0.
    var line: Int
    /// The first character matched in the line.
    var start: Int
    /// How many characters match.
    var length: Int

    /// Every place `query` is in `lines`, ignoring case, in reading order.
    static func all(of query: [Character], in lines: [StyledLine]) -> [SearchMatch] {
        let wanted = query.map { $0.lowercased() }
        guard !wanted.isEmpty else { return [] }
        var matches: [SearchMatch] = []
        for (index, line) in lines.enumerated() {
            let characters = line.map(\.text).joined().map { $0.lowercased() }
            guard characters.count >= wanted.count else { continue }
            var start = 0
            while start + wanted.count <= characters.count {
                if characters[start..<(start + wanted.count)].elementsEqual(wanted) {
                    matches.append(SearchMatch(line: index, start: start, length: wanted.count))
                    start += wanted.count
                } else {
                    start += 1
                }
            }
        }
        return matches
    }
}
