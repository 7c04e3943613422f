import TerminalKit

/// A key (or keys) bound to a command.
public struct KeyBinding: Sendable, Hashable {
    /// The keys that do it.
    public var keys: [Key]
    /// The command the keys make.
    public var command: ObserverCommand

    /// Makes a binding.
    public init(_ keys: [Key], _ command: ObserverCommand) {
        self.keys = keys
        self.command = command
    }
}

/// A line of the help overlay: keys, what they do, and the bindings that make them do it
/// (related keys share a line: `↑ ↓ k j  scroll a line`).
public struct HelpRow: Sendable, Hashable {
    /// How the help shows the keys, e.g. `space` or `Tab S-Tab`.
    public var label: String
    /// What they do.
    public var summary: String
    /// The bindings the line is about; none for what is not a key (the mouse).
    public var bindings: [KeyBinding]

    /// Makes a line of several bindings.
    public init(_ label: String, _ summary: String, _ bindings: [KeyBinding]) {
        self.label = label
        self.summary = summary
        self.bindings = bindings
    }

    /// Makes a line of keys that all make one command.
    public init(_ label: String, _ summary: String, _ keys: [Key], _ command: ObserverCommand) {
        self.init(label, summary, [KeyBinding(keys, command)])
    }

    /// The keys the line is about.
    public var keys: [Key] { bindings.flatMap(\.keys) }
}

/// A titled group of lines of the help overlay: the keys of one mode.
public struct HelpSection: Sendable, Hashable {
    /// The group's title.
    public var title: String
    /// The mode whose keys these are.
    public var mode: ObserverMode
    /// Its lines.
    public var rows: [HelpRow]

    /// The bindings of its lines, in order.
    public var bindings: [KeyBinding] { rows.flatMap(\.bindings) }
}
