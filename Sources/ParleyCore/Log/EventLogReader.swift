import Foundation

/// Reads an event log back into the events that were written.
public enum EventLogReader {
    /// What a log holds.
    public struct Contents: Sendable {
        /// The records, in order.
        public var records: [EventRecord]
        /// Whether the recording was cut short: its last line is not whole JSON (the writing
        /// program died mid-line, mid-character, with or without a newline after it) or is bytes
        /// a file system filled with zeros. What was cut is left out; everything before it is read.
        public var truncated: Bool
    }

    /// Reads the log at `path`.
    /// - Throws: ``EventLogError`` naming the file and line when the file is missing, is not a
    ///   Parley event log, is from a newer version, or holds a line that is not an event.
    public static func read(path: String) throws -> Contents {
        let data: Data
        do {
            data = try RegularFile.read(path)
        } catch {
            let what = error.suggestion.map { "\(error.reason); \($0)" } ?? error.reason
            throw EventLogError(path: path, line: 0, reason: "cannot read the recording: \(what)")
        }
        return try read(data: data, path: path)
    }

    /// Reads a log from its bytes; `path` is only for error messages.
    /// - Throws: ``EventLogError`` as ``read(path:)`` does.
    public static func read(data: Data, path: String) throws -> Contents {
        let decoder = EventLog.makeDecoder()
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        // What a crash can leave after the last line: nothing, a blank line, or zeros.
        var truncated = false
        while let last = lines.last, last.allSatisfy({ [0x00, 0x09, 0x0D, 0x20].contains($0) }) {
            if last.contains(0x00) { truncated = true }
            lines.removeLast()
        }
        guard let headerLine = lines.first,
            let header = try? JSONSerialization.jsonObject(with: Data(headerLine)) as? [String: Any],
            header["parley"] as? String == "event-log"
        else {
            throw EventLogError(path: path, line: 1, reason: "not a Parley event log (no header line)")
        }
        let version = header["version"] as? Int ?? 0
        guard version >= 1, version <= EventLog.version else {
            throw EventLogError(
                path: path, line: 1,
                reason: "event log version \(version) is not one this Parley reads (1...\(EventLog.version)); upgrade Parley")
        }
        var records: [EventRecord] = []
        records.reserveCapacity(lines.count)
        for (index, line) in lines.enumerated().dropFirst() {
            do {
                records.append(try decoder.decode(EventRecord.self, from: Data(line)))
            } catch {
                // The last line cut short, as a crash leaves it; a whole line that is no event is an error.
                if index == lines.count - 1, !isWholeJSON(line) {
                    truncated = true
                    break
                }
                throw EventLogError(path: path, line: index + 1, reason: "not an event: \(describe(error))")
            }
        }
        return Contents(records: records, truncated: truncated)
    }

    /// Whether a line is complete JSON, in UTF-8: a line cut short (mid-value, mid-character) is not.
    private static func isWholeJSON(_ line: Data.SubSequence) -> Bool {
        (try? JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed])) != nil
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            "missing '\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
            DecodingError.dataCorrupted(let context):
            "\(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        default: "\(error)"
        }
    }
}
