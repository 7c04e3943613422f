/// Wraps text into lines that fit a number of terminal columns.
public enum TextWrap {
    /// Splits `text` into lines of at most `width` terminal columns.
    ///
    /// - Lines break at spaces; the spaces at a break are dropped, spaces inside a line are kept,
    ///   and leading spaces of a paragraph (indentation) are kept when they fit.
    /// - A word longer than `width` starts on a line of its own and is split between characters,
    ///   never inside a wide character (so CJK text with no spaces wraps at any character).
    /// - Explicit newlines are kept: each one starts a new line, and an empty line stays an empty
    ///   line. The result has at least one line.
    /// - A single character wider than `width` (a wide character when `width` is 1) gets a line
    ///   of its own, which is then wider than `width`; a canvas clips it.
    ///
    /// Text should be sanitized first (``Sanitizer``): control characters take no columns.
    /// - Parameter width: columns per line; less than 1 counts as 1.
    public static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var paragraphLines = Paragraph(width: width)
            paragraphLines.add(paragraph)
            lines.append(contentsOf: paragraphLines.finish())
        }
        return lines
    }

    /// The lines of one paragraph (text without newlines), built word by word.
    private struct Paragraph {
        let width: Int
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        /// Spaces seen since the last word, placed only if another word follows on this line.
        var pendingSpaces = 0

        init(width: Int) { self.width = width }

        mutating func add(_ paragraph: Substring) {
            var word = ""
            var wordWidth = 0
            for character in paragraph {
                if character == " " {
                    if !word.isEmpty { place(word, width: wordWidth) }
                    word = ""
                    wordWidth = 0
                    pendingSpaces += 1
                } else {
                    word.append(character)
                    wordWidth += TextWidth.columns(character)
                }
            }
            if !word.isEmpty { place(word, width: wordWidth) }
        }

        mutating func finish() -> [String] {
            lines.append(current)
            return lines
        }

        private mutating func place(_ word: String, width wordWidth: Int) {
            defer { pendingSpaces = 0 }
            if currentWidth + pendingSpaces + wordWidth <= width {
                current += String(repeating: " ", count: pendingSpaces) + word
                currentWidth += pendingSpaces + wordWidth
                return
            }
            if !current.isEmpty { breakLine() }
            if wordWidth <= width {
                current = word
                currentWidth = wordWidth
                return
            }
            for character in word {
                let columns = TextWidth.columns(character)
                if currentWidth + columns > width, currentWidth > 0 { breakLine() }
                current.append(character)
                currentWidth += columns
            }
        }

        private mutating func breakLine() {
            lines.append(current)
            current = ""
            currentWidth = 0
        }
    }
}
