import TerminalKit

/// A key hint, as the prompt line shows it (`space pause`, `↑↓ scroll`): keys that the
/// ``KeyMap`` binds in a mode, and what they do there. Made from commands, never from the keys'
/// names typed out, so that a hint cannot name a key the map does not have.
struct KeyHint: Sendable, Hashable {
    /// The keys shown, in order: `↑↓` is two.
    let keys: [Key]
    /// The command each key makes in ``mode``, in the order of ``keys``.
    let commands: [ObserverCommand]
    /// The mode the keys make their commands in.
    let mode: ObserverMode
    /// What they do, as the hint says it.
    let what: String

    /// The hint for `commands` in `mode`: the first key of each that the key map binds to it
    /// there; nil when one of them has no key in `mode`.
    init?(_ commands: [ObserverCommand], _ what: String, in mode: ObserverMode) {
        var keys: [Key] = []
        for command in commands {
            guard let key = KeyMap.key(for: command, in: mode) else { return nil }
            keys.append(key)
        }
        self.keys = keys
        self.commands = commands
        self.mode = mode
        self.what = what
    }

    /// The keys as the hint shows them: `space`, `Tab`, `↑↓`, `+-`, `^C`.
    var label: String { keys.map(Self.label(of:)).joined() }

    /// A key's short name on the prompt line.
    static func label(of key: Key) -> String {
        switch key {
        case .character(" "): "space"
        case .character(let character): String(character)
        case .control(let character): "^\(character.uppercased())"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .backspace: "Bksp"
        case .delete: "Del"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .insert: "Ins"
        case .function(let number): "F\(number)"
        case .mouse, .resize, .stopSignal: key.description
        }
    }
}
