import Foundation
import Testing
import TerminalKit

/// Compares a canvas's text with a golden file in `Golden/`. With `PARLEY_UPDATE_GOLDEN=1` the
/// golden is written instead; on a mismatch the actual text goes to `NAME.actual` beside it.
enum GoldenFile {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ canvas: Canvas, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let actual = canvas.lines.joined(separator: "\n") + "\n"
        let golden = folder.appendingPathComponent("\(name).txt")
        let actualFile = folder.appendingPathComponent("\(name).actual")
        if ProcessInfo.processInfo.environment["PARLEY_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try actual.write(to: golden, atomically: true, encoding: .utf8)
            try? FileManager.default.removeItem(at: actualFile)
            return
        }
        let expected = try? String(contentsOf: golden, encoding: .utf8)
        if expected == actual {
            try? FileManager.default.removeItem(at: actualFile)
        } else {
            try actual.write(to: actualFile, atomically: true, encoding: .utf8)
            Issue.record(
                "\(name): the canvas differs from Golden/\(name).txt; see Golden/\(name).actual (PARLEY_UPDATE_GOLDEN=1 accepts it)",
                sourceLocation: sourceLocation)
        }
    }
}
