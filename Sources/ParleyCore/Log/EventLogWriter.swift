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
/// Streamed deltas (``DebateEvent/isDelta``) are left out unless asked for: every message and
/// summary is written whole when it completes.
public final class EventLogWriter: Sendable {
    /// Where the log goes.
    public let path: String
    /// Whether text deltas are written too.
    public let includesDeltas: Bool
    private let state: Mutex<State>

    private struct State: ~Copyable {
        var fd: Int32
        var writer = JSONWriter(capacity: 1024)
        /// Lines encoded and not yet written: announcements waiting for the next event.
        var pending: [UInt8] = []
        var failure: String?
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
        state = Mutex(State(fd: fd))
        let header = Array((EventLog.header + "\n").utf8)
        state.withLock { $0.failure = Self.writeAll(fd, header) }
    }

    /// Appends one event, unless it is a delta this writer leaves out.
    public func append(_ record: EventRecord) {
        if record.event.isDelta && !includesDeltas { return }
        state.withLock { state in
            guard state.fd >= 0, state.failure == nil else { return }
            state.writer.reset()
            record.write(to: &state.writer)
            state.pending.append(contentsOf: state.writer.bytes)
            state.pending.append(0x0A)
            guard !record.event.announces else { return }
            state.failure = Self.writeAll(state.fd, state.pending)
            state.pending.removeAll(keepingCapacity: true)
        }
    }

    /// The file descriptor written to, so that a crash handler can fsync and close it; -1 once closed.
    public var descriptor: Int32 { state.withLock { $0.fd } }

    /// The first write error, if any write failed (a full disk, say); later events are not written.
    public var failure: String? { state.withLock { $0.failure } }

    /// Closes the file. Later appends are ignored.
    public func close() {
        state.withLock { state in
            if state.fd >= 0 {
                if !state.pending.isEmpty, state.failure == nil { state.failure = Self.writeAll(state.fd, state.pending) }
                closeFile(state.fd)
            }
            state.fd = -1
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
