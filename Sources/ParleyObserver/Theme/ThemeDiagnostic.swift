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
    /// Where the theme came from: a file path or `built-in NAME`.
    public var source: String
    /// 1-based line, when the problem has a place in the file.
    public var line: Int?
    /// 1-based column, when the problem has a place in the file.
    public var column: Int?
    /// What is wrong and what happens, for people.
    public var message: String

    /// Makes a diagnostic.
    public init(kind: Kind, source: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.kind = kind
        self.source = source
        self.line = line
        self.column = column
        self.message = message
    }

    /// `source:line:column: warning: message`.
    public var description: String {
        "\(place(source, line, column)): warning: \(message)"
    }
}

/// Why a theme could not be loaded.
public struct ThemeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the theme came from: a file path, a name, or `built-in NAME`.
    public var source: String
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column, when known.
    public var column: Int?
    /// What went wrong and what to do, for people.
    public var message: String

    /// Makes an error.
    public init(source: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.source = source
        self.line = line
        self.column = column
        self.message = message
    }

    /// `source:line:column: error: message`.
    public var description: String {
        "\(place(source, line, column)): error: \(message)"
    }
}

/// `source:line:column`, leaving out what is unknown.
func place(_ source: String, _ line: Int?, _ column: Int?) -> String {
    [source, line.map(String.init), column.map(String.init)].compactMap { $0 }.joined(separator: ":")
}
