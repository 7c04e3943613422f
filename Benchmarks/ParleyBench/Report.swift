import Foundation

/// Where the benchmark's figures go: stdout at once, complaints to stderr.
enum Report {
    /// Writes to stdout at once.
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes a line to stderr.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
