import TerminalKit

/// A key (or keys) bound to a command in one mode, with the words the help overlay shows.
public struct KeyBinding: Sendable, Hashable {
    /// The keys that do it.
    public var keys: [Key]
    /// How the help shows the keys, e.g. `space` or `Tab S-Tab`.
    public var label: String
    /// What it does, for the help.
    public var summary: String
    /// The command the keys make.
    public var command: ObserverCommand

    /// Makes a binding.
    public init(_ keys: [Key], _ label: String, _ summary: String, _ command: ObserverCommand) {
        self.keys = keys
        self.label = label
        self.summary = summary
        self.command = command
    }
}

/// A line of the help overlay: keys and what they do.
public struct HelpRow: Sendable, Hashable {
    /// The keys the line is about.
    public var keys: [Key]
    /// How the help shows them.
    public var label: String
    /// What they do.
    public var summary: String

    /// Makes a line.
    public init(_ keys: [Key], _ label: String, _ summary: String) {
        self.keys = keys
        self.label = label
        self.summary = summary
    }
}

/// A titled group of lines of the help overlay.
public struct HelpSection: Sendable, Hashable {
    /// The group's title.
    public var title: String
    /// Its lines.
    public var rows: [HelpRow]
}
