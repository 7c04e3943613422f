import TerminalKit

/// Maps keys to ``ObserverCommand``s, depending on the ``ObserverMode``. The same tables feed
/// the help overlay, so it always lists every key.
public enum KeyMap {
    /// Keys while watching.
    public static let normal: [KeyBinding] = [
        KeyBinding([.character(" ")], "space", "pause / resume the debate", .togglePause),
        KeyBinding([.character("n")], "n", "step one turn", .stepTurn),
        KeyBinding([.character("r")], "r", "step one round", .stepRound),
        KeyBinding([.character("x")], "x", "cancel the turn being written", .cancelTurn),
        KeyBinding([.character("i"), .character("/")], "i  /", "write to the debate", .startCompose),
        KeyBinding([.tab], "Tab", "focus the next pane", .focusNext),
        KeyBinding([.backTab], "S-Tab", "focus the previous pane", .focusPrevious),
        KeyBinding([.up, .character("k")], "↑  k", "scroll up a line", .scroll(.up)),
        KeyBinding([.down, .character("j")], "↓  j", "scroll down a line", .scroll(.down)),
        KeyBinding([.pageUp], "PgUp", "scroll up a page", .scroll(.pageUp)),
        KeyBinding([.pageDown], "PgDn", "scroll down a page", .scroll(.pageDown)),
        KeyBinding([.home], "Home", "scroll to the start", .scroll(.home)),
        KeyBinding([.end], "End", "scroll to the end and follow", .scroll(.end)),
        KeyBinding([.character("z")], "z", "zoom the focused pane / back", .toggleZoom),
        KeyBinding([.character("g")], "g", "graph / blackboard", .toggleGraphView),
        KeyBinding([.character("v")], "v", "show / hide reasoning", .toggleReasoning),
        KeyBinding([.character("t")], "t", "next colour theme", .nextTheme),
        KeyBinding([.character("+"), .character("=")], "+", "faster: less delay between turns", .faster),
        KeyBinding([.character("-")], "-", "slower: more delay between turns", .slower),
        KeyBinding([.escape], "Esc", "close / unzoom / dismiss; else cancel the turn being written", .cancel),
        KeyBinding([.character("?")], "?", "this help", .showHelp),
        KeyBinding([.character("q"), .control("c")], "q", "quit (asks while the debate runs)", .requestQuit),
    ]

    /// Keys after a peer's turn failed; the other keys work as while watching.
    public static let failurePrompt: [KeyBinding] = [
        KeyBinding([.character("r")], "r", "retry the failed turn", .retryTurn),
        KeyBinding([.character("s")], "s", "skip the failed turn", .skipTurn),
        KeyBinding([.character("q"), .control("c")], "q", "stop the debate and quit", .confirmQuit),
    ]

    /// Keys while composing; printable characters are typed.
    public static let composing: [KeyBinding] = [
        KeyBinding([.enter], "Enter", "send (@id @id … addresses peers, else all)", .compose(.submit)),
        KeyBinding([.tab], "Tab", "complete the @id at the cursor", .compose(.complete)),
        KeyBinding([.up], "↑", "previous message sent", .compose(.historyPrevious)),
        KeyBinding([.down], "↓", "next message sent", .compose(.historyNext)),
        KeyBinding([.left], "←", "cursor left", .compose(.left)),
        KeyBinding([.right], "→", "cursor right", .compose(.right)),
        KeyBinding([.home, .control("a")], "Home ^A", "start of line", .compose(.home)),
        KeyBinding([.end, .control("e")], "End ^E", "end of line", .compose(.end)),
        KeyBinding([.backspace, .control("h")], "Bksp", "delete before the cursor", .compose(.backspace)),
        KeyBinding([.delete, .control("d")], "Del", "delete at the cursor", .compose(.deleteForward)),
        KeyBinding([.control("w")], "^W", "delete the word before the cursor", .compose(.deleteWord)),
        KeyBinding([.control("u")], "^U", "clear the line", .compose(.clear)),
        KeyBinding([.pageUp], "PgUp", "scroll the focused pane up", .scroll(.pageUp)),
        KeyBinding([.pageDown], "PgDn", "scroll the focused pane down", .scroll(.pageDown)),
        KeyBinding([.escape, .control("c")], "Esc", "close the composer", .cancel),
    ]

    /// Keys while asking whether to quit.
    public static let confirmingQuit: [KeyBinding] = [
        KeyBinding([.character("y"), .character("Y"), .character("q"), .enter, .control("c")], "y", "stop the debate and quit", .confirmQuit),
        KeyBinding([.character("n"), .character("N"), .escape], "n", "keep watching", .cancel),
    ]

    /// The help overlay's sections: every key of every mode, related keys on one line.
    public static let help: [HelpSection] = [
        HelpSection(title: "Watching", rows: [
            HelpRow([.character(" ")], "space", "pause / resume"),
            HelpRow([.character("n")], "n", "step one turn"),
            HelpRow([.character("r")], "r", "step one round"),
            HelpRow([.character("x")], "x", "cancel the current turn"),
            HelpRow([.character("i"), .character("/")], "i  /", "write to the debate"),
            HelpRow([.tab, .backTab], "Tab S-Tab", "focus next / previous pane"),
            HelpRow([.up, .down, .character("k"), .character("j")], "↑ ↓ k j", "scroll a line"),
            HelpRow([.pageUp, .pageDown], "PgUp PgDn", "scroll a page"),
            HelpRow([.home, .end], "Home End", "start / end (End follows)"),
            HelpRow([.character("z")], "z", "zoom the focused pane / back"),
            HelpRow([.character("g")], "g", "graph / blackboard"),
            HelpRow([.character("v")], "v", "show / hide reasoning"),
            HelpRow([.character("t")], "t", "next colour theme"),
            HelpRow([.character("+"), .character("="), .character("-")], "+ -", "less / more turn delay"),
            HelpRow([.escape], "Esc", "close / unzoom / cancel turn"),
            HelpRow([.character("?")], "?", "this help"),
            HelpRow([.character("q"), .control("c")], "q ^C", "quit (asks while it runs)"),
            HelpRow([], "mouse", "click focuses, wheel scrolls"),
        ]),
        HelpSection(title: "After a failed turn", rows: [
            HelpRow([.character("r")], "r", "retry the turn"),
            HelpRow([.character("s")], "s", "skip the turn"),
            HelpRow([.character("q"), .control("c")], "q", "stop the debate and quit"),
        ]),
        HelpSection(title: "Writing (i)", rows: [
            HelpRow([.enter], "Enter", "send; @id @id first: to them"),
            HelpRow([.tab], "Tab", "complete @id (again: next)"),
            HelpRow([.up, .down], "↑ ↓", "messages sent before"),
            HelpRow([.left, .right, .home, .end, .control("a"), .control("e")], "← → ^A ^E", "move"),
            HelpRow([.backspace, .control("h"), .delete, .control("d")], "Bksp Del", "delete a character"),
            HelpRow([.control("w"), .control("u")], "^W ^U", "delete word / line"),
            HelpRow([.pageUp, .pageDown], "PgUp PgDn", "scroll the focused pane"),
            HelpRow([.escape, .control("c")], "Esc", "close without sending"),
        ]),
        HelpSection(title: "Quit?", rows: [
            HelpRow([.character("y"), .character("Y"), .character("q"), .enter, .control("c")], "y", "stop the debate and quit"),
            HelpRow([.character("n"), .character("N"), .escape], "n  Esc", "keep watching"),
        ]),
    ]

    /// Every binding table, for checking that the help lists them all.
    public static let tables: [[KeyBinding]] = [normal, failurePrompt, composing, confirmingQuit]

    /// The command `key` makes in `mode`, or nil when it means nothing there. Mouse clicks and
    /// the wheel become ``ObserverCommand/click(_:)`` and ``ObserverCommand/wheel(_:_:)``;
    /// a resize is left to the app, which knows the new size.
    public static func command(for key: Key, in mode: ObserverMode) -> ObserverCommand? {
        if case .mouse(let mouse) = key { return command(for: mouse, in: mode) }
        switch mode {
        case .normal:
            return lookup(key, in: normal)
        case .failurePrompt:
            return lookup(key, in: failurePrompt) ?? lookup(key, in: normal)
        case .composing:
            if let command = lookup(key, in: composing) { return command }
            if case .character(let character) = key { return .compose(.insert(String(character))) }
            return nil
        case .help:
            return key == .resize ? nil : .showHelp
        case .confirmingQuit:
            return lookup(key, in: confirmingQuit)
        }
    }

    static func command(for mouse: MouseEvent, in mode: ObserverMode) -> ObserverCommand? {
        switch mouse.kind {
        case .press(button: 1): mode == .help ? .showHelp : .click(mouse.position)
        case .wheelUp: .wheel(mouse.position, .up)
        case .wheelDown: .wheel(mouse.position, .down)
        default: nil
        }
    }

    static func lookup(_ key: Key, in bindings: [KeyBinding]) -> ObserverCommand? {
        bindings.first { $0.keys.contains(key) }?.command
    }
}
