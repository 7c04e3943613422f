import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a debate's events to a JSONL file as they happen, with `write(2)` straight to the file
/// (no buffer in user space that a crash could lose). Events that only announce what follows — a
/// round or a turn starting, the floor passing, a hold — go out in the same write as the event
/// after them; every other event is written at once. So a crash of the program loses at most
/// the message in flight.
///
/// Writing has two steps, so that the debate's event lock is not held during a system call:
/// ``encode(_:)`` adds the event's line to the lines waiting, in the order of the calls (the
/// event bus calls it under its lock), and ``flush()`` writes the lines waiting, in order (the
/// bus calls it after letting go of its lock, before `emit` returns). ``append(_:)`` does both.
///
/// Streamed deltas (``DebateEvent/isDelta``) are left out unless asked for: every message and
/// summary is written whole when it completes.
public final class EventLogWriter: Sendable {
    /// Where the log goes.
    public let path: String
    /// Whether text deltas are written too.
    public let includesDeltas: Bool
    /// The lines encoded and not yet written.
    private let lines: Mutex<Lines>
    /// The file, held while writing so that lines go out in the order they were encoded; -1 once closed.
    private let file: Mutex<Int32>
    /// Told once of the first write error (``onFailure(_:)``).
    private let failureReport = Mutex<(@Sendable (String) -> Void)?>(nil)

    private struct Lines: ~Copyable {
        var writer = JSONWriter(capacity: 1024)
        var pending: [UInt8] = []
        /// Whether a line waiting is more than an announcement: the lines are due to be written.
        var due = false
        var failure: String?
        var closed = false
    }

    /// Creates (or truncates) the file and writes the header line.
    /// - Throws: ``EventLogError`` naming the path when the file cannot be created.
    public init(path: String, includesDeltas: Bool = false) throws {
        self.path = path
        self.includesDeltas = includesDeltas
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw EventLogError(
                path: path, line: 0,
                reason: "cannot write the recording: \(String(cString: strerror(errno))); check the folder exists and is writable")
        }
        file = Mutex(fd)
        lines = Mutex(Lines(failure: Self.writeAll(fd, Array((EventLog.header + "\n").utf8))))
    }

    /// Appends one event, unless it is a delta this writer leaves out: ``encode(_:)`` and ``flush()``.
    public func append(_ record: EventRecord) {
        encode(record)
        flush()
    }

    /// Adds the event's line to the lines waiting to be written (unless it is a delta this writer
    /// leaves out). Nothing is written yet.
    public func encode(_ record: EventRecord) {
        if record.event.isDelta && !includesDeltas { return }
        lines.withLock { lines in
            guard !lines.closed, lines.failure == nil else { return }
            lines.writer.reset()
            record.write(to: &lines.writer)
            lines.pending.append(contentsOf: lines.writer.bytes)
            lines.pending.append(0x0A)
            if !record.event.announces { lines.due = true }
        }
    }

    /// Writes the lines waiting, unless they only announce what follows.
    public func flush() {
        let failed: Bool = file.withLock { fd in
            guard fd >= 0, let bytes = takeLines(force: false), let failure = Self.writeAll(fd, bytes) else { return false }
            lines.withLock { $0.failure = $0.failure ?? failure }
            return true
        }
        if failed { reportFailure() }
    }

    /// Has `report` called once with the first write error (`strerror`'s words: "No space left
    /// on device"): at once when a write failed already, else when one fails; on the thread that
    /// wrote, with no lock of the writer held.
    public func onFailure(_ report: @escaping @Sendable (String) -> Void) {
        failureReport.withLock { $0 = report }
        reportFailure()
    }

    /// Hands the first write error to the report, once.
    private func reportFailure() {
        guard let failure else { return }
        let report = failureReport.withLock { report in
            defer { report = nil }
            return report
        }
        report?(failure)
    }

    /// The lines waiting, taken out, when they are due (or `force`d) and writing has not failed.
    private func takeLines(force: Bool) -> [UInt8]? {
        lines.withLock { lines in
            guard lines.due || force, lines.failure == nil, !lines.pending.isEmpty else { return nil }
            lines.due = false
            defer { lines.pending.removeAll(keepingCapacity: true) }
            return lines.pending
        }
    }

    /// The file descriptor written to, so that a crash handler can fsync and close it; -1 once closed.
    public var descriptor: Int32 { file.withLock { $0 } }

    /// The first write error, if any write failed (a full disk, say); later events are not written.
    public var failure: String? { lines.withLock { $0.failure } }

    /// Writes what is waiting and closes the file. Later events are ignored.
    public func close() {
        file.withLock { fd in
            guard fd >= 0 else { return }
            if let bytes = takeLines(force: true), let failure = Self.writeAll(fd, bytes) {
                lines.withLock { $0.failure = $0.failure ?? failure }
            }
            lines.withLock { $0.closed = true }
            closeFile(fd)
            fd = -1
        }
    }

    deinit { close() }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += written
            }
            return nil
        }
    }
}

private func closeFile(_ fd: Int32) {
    #if canImport(Glibc)
    _ = Glibc.close(fd)
    #else
    _ = Darwin.close(fd)
    #endif
}

extension DebateEvent {
    /// Whether the event only announces what follows (a round or turn starting, the floor
    /// passing, a hold), so that a log may write it together with the next event.
    var announces: Bool {
        switch self {
        case .roundStarted, .turnStarted, .floorPassed, .held, .summaryStarted: true
        default: false
        }
    }
}
