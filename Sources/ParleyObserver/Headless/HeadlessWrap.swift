import TerminalKit

/// Wraps the headless transcript at words for a terminal `width` columns wide: a word that
/// would run past the edge starts a new line, indented as its line was (the leading spaces and
/// the summary's `▌` bar, and under a `• ` bullet). A word is held until the space or line end
/// after it, so streamed text wraps as it comes. The printer's own escape sequences (colours)
/// take no columns.
struct HeadlessWrap: Sendable {
    /// The terminal's columns.
    let width: Int
    /// Visible columns written on the current line.
    private var column = 0
    /// Whether the current line is still in its indent.
    private var inIndent = true
    /// What a continuation of the current line starts with, and its columns.
    private var indent = ""
    private var indentColumns = 0
    /// The word being gathered, its columns, and whether a space came before it.
    private var word = ""
    private var wordColumns = 0
    private var spaceBefore = false
    /// Whether an escape sequence is being copied.
    private var inEscape = false

    init(width: Int) {
        self.width = max(20, width)
    }

    /// The text to write for `text`, wrapped; part of its last word may wait for more.
    mutating func feed(_ text: String) -> String {
        var out = ""
        for character in text {
            if inEscape {
                append(character, into: &out)
                if character.isLetter { inEscape = false }
                continue
            }
            switch character {
            case "\u{1B}":
                inEscape = true
                append(character, into: &out)
            case "\n":
                out += flushWord()
                out += "\n"
                column = 0
                inIndent = true
                indent = ""
                indentColumns = 0
                spaceBefore = false
            case " " where inIndent, "▌" where inIndent:
                indent.append(character)
                indentColumns += 1
                column += 1
                out.append(character)
            case "•" where inIndent:
                indent += " "
                indentColumns += 1
                column += 1
                out.append(character)
            case " ":
                inIndent = false
                out += flushWord()
                spaceBefore = true
            default:
                inIndent = false
                word.append(character)
                wordColumns += TextWidth.columns(String(character))
            }
        }
        return out
    }

    /// The word still held, written out (at the end of the output).
    mutating func flush() -> String {
        flushWord()
    }

    /// An escape sequence's character (no columns) goes with the word being gathered, or to the indent.
    private mutating func append(_ character: Character, into out: inout String) {
        if inIndent {
            indent.append(character)
            out.append(character)
        } else {
            word.append(character)
        }
    }

    /// Writes the gathered word, on a new indented line when it would not fit on this one.
    private mutating func flushWord() -> String {
        guard !word.isEmpty || spaceBefore else { return "" }
        defer {
            word = ""
            wordColumns = 0
            spaceBefore = false
        }
        let space = spaceBefore ? 1 : 0
        if column + space + wordColumns > width, column > indentColumns, !word.isEmpty {
            column = indentColumns + wordColumns
            return "\n" + indent + word
        }
        column += space + wordColumns
        return (spaceBefore ? " " : "") + word
    }
}
