import ParleyCore
import TerminalKit

/// What fills the screen over the panes: a turn opened in the inspector, or a fork beside its
/// parent. Its lines are made for the width it is drawn at; it scrolls.
public struct InspectorPage: Sendable {
    /// What it shows.
    public enum Content: Sendable {
        /// Lines of text, sanitized (a ``TurnInspection``).
        case text([String])
        /// A fork beside its parent: the comparison, and the two recordings' names.
        case comparison(DebateDiff, parent: String, fork: String)
    }

    /// The title on its frame (sanitized).
    public var title: String
    /// What it shows.
    public var content: Content
    /// The first line shown, from 0; clamped to the lines there are where it is drawn.
    public var top = 0

    /// Makes a page showing `content` from its first line.
    public init(title: String, content: Content) {
        self.title = title
        self.content = content
    }

    /// Its lines at `width` columns: text wrapped (an indented line's rest stays indented), the
    /// comparison side by side.
    public func lines(width: Int) -> [String] {
        let width = max(1, width)
        switch content {
        case .text(let lines):
            return lines.flatMap { line -> [String] in
                let indent = String(line.prefix { $0 == " " }.prefix(max(0, width / 2)))
                let wrapped = TextWrap.wrap(String(line.dropFirst(indent.count)), width: width - indent.count)
                return wrapped.map { indent + $0 }
            }
        case .comparison(let diff, let parent, let fork):
            return diff.sideBySide(nameA: parent, nameB: fork, width: width).split(separator: "\n", omittingEmptySubsequences: false)
                .dropLast().flatMap { TextWrap.wrap(String($0), width: width) }
        }
    }
}
