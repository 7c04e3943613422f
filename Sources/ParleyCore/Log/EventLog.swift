import Foundation

/// The versioned JSONL event log: a header line, then one ``EventRecord`` a line.
///
/// Version 2 adds the debate's whole spec to the first event (`debate.spec`, secrets left out)
/// and a `turnTraced` event before each message and summary; version 1 logs still read.
///
/// ```
/// {"parley":"event-log","version":2}
/// {"seq":1,"t":0,"type":"debateStarted","debate":{...}}
/// {"seq":2,"t":0.0004,"type":"roundStarted","round":1}
/// ```
public enum EventLog {
    /// The version this build writes and the newest it reads.
    public static let version = 2

    /// The header line, without its newline.
    public static var header: String { #"{"parley":"event-log","version":\#(version)}"# }

    /// One record as a line of JSON, newline included.
    public static func line(_ record: EventRecord, into writer: inout JSONWriter) -> [UInt8] {
        writer.reset()
        record.write(to: &writer)
        var bytes = writer.bytes
        bytes.append(0x0A)
        return bytes
    }

    /// The decoder that reads records (dates as seconds since 1970).
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return decoder
    }
}

/// What went wrong reading an event log, with the file and line.
public struct EventLogError: Error, CustomStringConvertible, Sendable {
    /// The file read.
    public var path: String
    /// The line (1-based), 0 for the file as a whole.
    public var line: Int
    /// What is wrong and what to do.
    public var reason: String

    public var description: String {
        line > 0 ? "\(path):\(line): \(reason)" : "\(path): \(reason)"
    }
}
