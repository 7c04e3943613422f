#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A file that log lines are appended to, shared by every logger writing there. Writes are
/// serialized, so lines from concurrent tasks never interleave.
public final class LogFile: Sendable {
    /// Where the lines go.
    public let path: String
    private let descriptor: Mutex<Int32>

    /// Opens (creating it if needed) the file at `path` for appending.
    /// - Throws: ``LogFileError`` when the file cannot be opened.
    public init(path: String) throws(LogFileError) {
        let opened = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard opened >= 0 else {
            let reason = String(cString: strerror(errno))
            throw LogFileError(message: "cannot open the log file \(path): \(reason) — check that its directory exists and is writable")
        }
        self.path = path
        descriptor = Mutex(opened)
    }

    deinit {
        close()
    }

    /// Appends one line (a line feed is added).
    public func write(line: String) {
        var bytes = Array(line.utf8)
        bytes.append(UInt8(ascii: "\n"))
        descriptor.withLock { fd in
            guard fd >= 0 else { return }
            bytes.withUnsafeBytes { writeAll(fd, $0) }
        }
    }

    /// Closes the file; later lines are dropped. Safe to call more than once.
    public func close() {
        descriptor.withLock { fd in
            if fd >= 0 { closeDescriptor(fd) }
            fd = -1
        }
    }
}

/// A log file could not be opened.
public struct LogFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong and what to do.
    public var message: String
    /// The message.
    public var description: String { message }
}

/// Writes every byte, going on after interruptions; gives up on any other error.
private func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) {
    guard var next = buffer.baseAddress else { return }
    var left = buffer.count
    while left > 0 {
        let written = write(fd, next, left)
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { return }
        next += written
        left -= written
    }
}

private func closeDescriptor(_ fd: Int32) {
    _ = close(fd)
}
