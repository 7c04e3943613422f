import Foundation
import Logging

/// A swift-log handler that writes one line per message to a ``LogFile``, for `parley --log FILE`
/// (the terminal belongs to the observer):
///
/// `2025-11-24T23:10:00.123Z info parley.models: POST http://127.0.0.1:8571/v1/chat/completions → 200 agent=pm headers_ms=4.2 model=smollm2`
///
/// Control characters in messages and metadata are escaped, so a line stays one line.
public struct FileLogHandler: LogHandler {
    /// The logger's label.
    public let label: String
    /// Where lines go.
    public let file: LogFile
    /// The lowest level written.
    public var logLevel: Logger.Level
    /// Metadata added to every line.
    public var metadata: Logger.Metadata = [:]
    /// Metadata looked up at each line.
    public var metadataProvider: Logger.MetadataProvider?

    /// Makes a handler writing to `file` at `level` and above.
    public init(label: String, file: LogFile, level: Logger.Level = .info, metadataProvider: Logger.MetadataProvider? = nil) {
        self.label = label
        self.file = file
        self.logLevel = level
        self.metadataProvider = metadataProvider
    }

    /// Sends every logger of the process to the file at `path`, from `level` up, and returns the
    /// file (close it at exit); with no path, silences every logger, since swift-log would
    /// otherwise print to the terminal the observer draws on. Call once, before any logger is made.
    /// - Throws: ``LogFileError`` when the file cannot be opened.
    @discardableResult
    public static func bootstrap(path: String?, level: Logger.Level = .info) throws(LogFileError) -> LogFile? {
        guard let path else {
            LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
            return nil
        }
        let file = try LogFile(path: path)
        LoggingSystem.bootstrap { label in FileLogHandler(label: label, file: file, level: level) }
        return file
    }

    /// One metadata entry added to every line.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes the event as one line: time, level, label, message, then metadata sorted by key.
    public func log(event: LogEvent) {
        var fields = metadata
        if let provided = metadataProvider?.get() { fields.merge(provided) { _, new in new } }
        if let extra = event.metadata { fields.merge(extra) { _, new in new } }
        var line = "\(Date.now.formatted(Self.timestamp)) \(event.level) \(label): \(Self.escaped(event.message.description))"
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            line += " \(key)=\(Self.escaped("\(value)"))"
        }
        file.write(line: line)
    }

    private static let timestamp = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// The text with line breaks and other control characters written as escapes.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.properties.generalCategory == .control:
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
