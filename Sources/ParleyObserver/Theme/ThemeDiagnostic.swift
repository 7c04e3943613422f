import ParleyFiles

/// Where in a theme something is: its file (or `built-in NAME`), and the line and column when
/// known.
public struct ThemeLocation: Sendable, Hashable, CustomStringConvertible {
    /// A file path, a `--theme` argument, or `built-in NAME`.
    public var source: String
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column, when known.
    public var column: Int?

    /// Makes a location.
    public init(source: String, line: Int? = nil, column: Int? = nil) {
        self.source = source
        self.line = line
        self.column = column
    }

    /// `source:line:column`, leaving out what is unknown.
    public var description: String {
        [source, line.map(String.init), column.map(String.init)].compactMap { $0 }.joined(separator: ":")
    }

    /// A problem here, in the shape every Parley file's problems take.
    func problem(_ message: String, sourceLine: String?, severity: FileProblem.Severity) -> FileProblem {
        FileProblem(
            file: source, line: line ?? 0, column: column ?? 0, keyPath: "", message: message,
            sourceLine: sourceLine, severity: severity)
    }
}

/// Something worth telling the user about a theme that still loaded: a missing key taken from
/// the default theme, or a key the observer does not know.
public struct ThemeDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem.
    public enum Kind: Sendable, Hashable {
        /// A role the theme does not set; the default theme's style is used.
        case missingKey
        /// A key the observer does not know; it is ignored.
        case unknownKey
    }

    /// What kind of problem.
    public var kind: Kind
    /// Where it is.
    public var location: ThemeLocation
    /// What is wrong and what happens, for people.
    public var message: String
    /// The theme's line it is on (made safe to show), for the excerpt; nil when not known.
    public var sourceLine: String?

    /// Makes a diagnostic.
    public init(kind: Kind, location: ThemeLocation, message: String, sourceLine: String? = nil) {
        self.kind = kind
        self.location = location
        self.message = message
        self.sourceLine = sourceLine
    }

    /// `source:line:column: warning: message`, then the line and a caret, as every Parley file's
    /// problems read.
    public var description: String { location.problem(message, sourceLine: sourceLine, severity: .warning).description }
}

/// Why a theme could not be loaded.
public struct ThemeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where it went wrong.
    public var location: ThemeLocation
    /// What went wrong and what to do, for people.
    public var message: String
    /// The theme's line it is on (made safe to show), for the excerpt; nil when not known.
    public var sourceLine: String?

    /// Makes an error.
    public init(_ location: ThemeLocation, _ message: String, sourceLine: String? = nil) {
        self.location = location
        self.message = message
        self.sourceLine = sourceLine
    }

    /// `source:line:column: error: message`, then the line and a caret, as every Parley file's
    /// problems read.
    public var description: String { location.problem(message, sourceLine: sourceLine, severity: .error).description }
}
