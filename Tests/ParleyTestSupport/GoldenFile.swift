import Foundation
import Testing

/// Compares text with a golden file. With `PARLEY_UPDATE_GOLDEN=1` the golden is written
/// instead; on a mismatch the actual text goes to `NAME.actual` beside it, and the test fails
/// naming both.
public struct GoldenFile: Sendable {
    /// The folder the golden files are in.
    public let folder: URL

    /// Golden files in `folder`.
    public init(folder: URL) {
        self.folder = folder
    }

    /// Golden files in the folder `name` beside the source file `filePath` (pass `#filePath`).
    public init(_ name: String, besides filePath: String) {
        folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent(name)
    }

    /// Checks `actual` against `NAME.txt`.
    /// - Throws: when the golden or the actual text cannot be written.
    public func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
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
                "\(name): the text differs from \(golden.lastPathComponent); see \(actualFile.lastPathComponent) (PARLEY_UPDATE_GOLDEN=1 accepts it)",
                sourceLocation: sourceLocation)
        }
    }
}
