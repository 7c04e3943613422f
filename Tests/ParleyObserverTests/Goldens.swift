import ParleyTestSupport
import TerminalKit
import Testing

/// The observer's views as golden files, in `Golden/` beside this file.
enum Goldens {
    static let files = GoldenFile("Golden", besides: #filePath)

    /// Checks a canvas's text against `Golden/NAME.txt`.
    static func check(_ canvas: Canvas, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try files.check(canvas.lines.joined(separator: "\n") + "\n", name, sourceLocation: sourceLocation)
    }
}
