import TerminalKit

/// Maps keys to ``ObserverCommand``s, depending on the ``ObserverMode``. The bindings are read
/// from the help overlay's lines (``help``), so the help always lists every key, as it shows
/// it: related keys on one line.
public enum KeyMap {
    /// The help overlay's sections: every key of every mode.
    public static let help: [HelpSection] = [
        HelpSection(title: "Watching", mode: .normal, rows: [
            HelpRow("space", "pause / resume", [.character(" ")], .togglePause),
            HelpRow("n", "step one turn", [.character("n")], .stepTurn),
            HelpRow("r", "step one round", [.character("r")], .stepRound),
            HelpRow("x", "cancel the turn (asks first)", [.character("x")], .cancelTurn),
            HelpRow("i", "write to the debate", [.character("i")], .startCompose),
            HelpRow("/", "search the focused pane", [.character("/")], .startSearch),
            HelpRow("e", "one more round", [.character("e")], .addRound),
            HelpRow("f", "fork a new debate from here", [.character("f")], .fork),
            HelpRow("Enter", "choose a message to inspect", [.enter], .select(.latest)),
            HelpRow("d", "a fork beside its parent", [.character("d")], .compareWithParent),
            HelpRow("Tab S-Tab", "focus next / previous pane", [KeyBinding([.tab], .focusNext), KeyBinding([.backTab], .focusPrevious)]),
            HelpRow("↑ ↓ k j", "scroll a line", [
                KeyBinding([.up, .character("k")], .scroll(.up)), KeyBinding([.down, .character("j")], .scroll(.down)),
            ]),
            HelpRow("PgUp PgDn", "scroll a page", [KeyBinding([.pageUp], .scroll(.pageUp)), KeyBinding([.pageDown], .scroll(.pageDown))]),
            HelpRow("< >", "top / bottom (> follows)", [KeyBinding([.character("<")], .scroll(.home)), KeyBinding([.character(">")], .scroll(.end))]),
            HelpRow("← →", "timeline: turn back / on", [
                KeyBinding([.left], .timeline(.turnBack)), KeyBinding([.right], .timeline(.turnForward)),
            ]),
            HelpRow("[ ]", "timeline: round back / on", [
                KeyBinding([.character("[")], .timeline(.roundBack)), KeyBinding([.character("]")], .timeline(.roundForward)),
            ]),
            HelpRow("Home End", "timeline: start / now", [KeyBinding([.home], .timeline(.start)), KeyBinding([.end], .timeline(.now))]),
            HelpRow("z", "zoom the focused pane / back", [.character("z")], .toggleZoom),
            HelpRow("g", "graph → matrix → blackboard", [.character("g")], .toggleGraphView),
            HelpRow("v", "show / hide reasoning", [.character("v")], .toggleReasoning),
            HelpRow("t", "next colour theme", [.character("t")], .nextTheme),
            HelpRow("+ -", "faster / slower", [KeyBinding([.character("+"), .character("=")], .faster), KeyBinding([.character("-")], .slower)]),
            HelpRow("Esc", "close what is open, unzoom", [.escape], .cancel),
            HelpRow("?", "this help", [.character("?")], .showHelp),
            HelpRow("q ^C", "quit (asks while it runs)", [.character("q"), .control("c")], .requestQuit),
            HelpRow("mouse", "click focuses, wheel scrolls", []),
        ]),
        HelpSection(title: "After a failed turn", mode: .failurePrompt, rows: [
            HelpRow("r", "retry the turn", [.character("r")], .retryTurn),
            HelpRow("s", "skip the turn", [.character("s")], .skipTurn),
            HelpRow("q", "stop the debate and quit", [.character("q"), .control("c")], .confirmQuit),
        ]),
        HelpSection(title: "Writing (i)", mode: .composing, rows: [
            HelpRow("Enter", "send to each @id, or to all", [.enter], .compose(.submit)),
            HelpRow("Tab", "complete @id (again: next)", [.tab], .compose(.complete)),
            HelpRow("↑ ↓", "messages sent before", [
                KeyBinding([.up], .compose(.historyPrevious)), KeyBinding([.down], .compose(.historyNext)),
            ]),
            HelpRow("← → ^A ^E", "move", [
                KeyBinding([.left], .compose(.left)), KeyBinding([.right], .compose(.right)),
                KeyBinding([.home, .control("a")], .compose(.home)), KeyBinding([.end, .control("e")], .compose(.end)),
            ]),
            HelpRow("Bksp Del", "delete a character", [
                KeyBinding([.backspace, .control("h")], .compose(.backspace)),
                KeyBinding([.delete, .control("d")], .compose(.deleteForward)),
            ]),
            HelpRow("^W ^U", "delete word / line", [
                KeyBinding([.control("w")], .compose(.deleteWord)), KeyBinding([.control("u")], .compose(.clear)),
            ]),
            HelpRow("PgUp PgDn", "scroll the focused pane", [
                KeyBinding([.pageUp], .scroll(.pageUp)), KeyBinding([.pageDown], .scroll(.pageDown)),
            ]),
            HelpRow("Esc", "close without sending", [.escape, .control("c")], .cancel),
        ]),
        HelpSection(title: "Search (/)", mode: .searching, rows: [
            HelpRow("Enter", "find: to the latest match", [.enter], .search(.submit)),
            HelpRow("Bksp", "delete a character", [.backspace, .control("h")], .search(.backspace)),
            HelpRow("Esc", "leave the search", [.escape, .control("c")], .cancel),
        ]),
        HelpSection(title: "Found (in the pane searched)", mode: .searchResults, rows: [
            HelpRow("n N", "next / previous match", [
                KeyBinding([.character("n")], .search(.next)), KeyBinding([.character("N")], .search(.previous)),
            ]),
            HelpRow("Esc", "end it; n steps again", [.escape], .cancel),
        ]),
        HelpSection(title: "Choosing a message (Enter)", mode: .selecting, rows: [
            HelpRow("↑ ↓ k j", "the message before / after", [
                KeyBinding([.up, .character("k")], .select(.previous)), KeyBinding([.down, .character("j")], .select(.next)),
            ]),
            HelpRow("Enter", "inspect it: request, answer", [.enter], .inspect),
            HelpRow("Esc", "stop choosing", [.escape], .cancel),
        ]),
        HelpSection(title: "Inspector, fork beside parent", mode: .inspecting, rows: [
            HelpRow("↑ ↓ k j", "scroll a line", [
                KeyBinding([.up, .character("k")], .scroll(.up)), KeyBinding([.down, .character("j")], .scroll(.down)),
            ]),
            HelpRow("PgUp PgDn", "scroll a page", [KeyBinding([.pageUp], .scroll(.pageUp)), KeyBinding([.pageDown], .scroll(.pageDown))]),
            HelpRow("Home End", "top / bottom", [KeyBinding([.home], .scroll(.home)), KeyBinding([.end], .scroll(.end))]),
            HelpRow("Esc q", "close", [.escape, .character("q"), .control("c")], .cancel),
        ]),
        HelpSection(title: "This help (?)", mode: .help, rows: [
            HelpRow("↑ ↓ k j", "scroll a line", [
                KeyBinding([.up, .character("k")], .scroll(.up)), KeyBinding([.down, .character("j")], .scroll(.down)),
            ]),
            HelpRow("PgUp PgDn", "scroll a page", [KeyBinding([.pageUp], .scroll(.pageUp)), KeyBinding([.pageDown], .scroll(.pageDown))]),
            HelpRow("Home End", "top / bottom", [KeyBinding([.home], .scroll(.home)), KeyBinding([.end], .scroll(.end))]),
            HelpRow("any other", "close the help", []),
        ]),
        HelpSection(title: "Quit?", mode: .confirmingQuit, rows: [
            HelpRow("y", "stop the debate and quit", [.character("y"), .character("Y"), .character("q"), .enter, .control("c")], .confirmQuit),
            HelpRow("n  Esc", "keep watching", [.character("n"), .character("N"), .escape], .cancel),
        ]),
        HelpSection(title: "Cancel the turn? (x)", mode: .confirmingCancel, rows: [
            HelpRow("y  x", "cancel it: r retries, s skips", [.character("y"), .character("Y"), .character("x"), .enter], .confirmCancelTurn),
            HelpRow("n  Esc", "let the model finish", [.character("n"), .character("N"), .escape, .control("c")], .cancel),
        ]),
    ]

    /// The help's sections for a replay: without what a replay cannot do (write, cancel or
    /// retry turns, add a round).
    public static func help(isReplay: Bool) -> [HelpSection] {
        isReplay ? help.leaving(\.needsLiveDebate) : help
    }

    /// The help's sections for what `intake` shows: a replay's; an attached observer's, whose
    /// `q` leaves the debate running on its server; one that only watches, without the keys that
    /// steer.
    public static func help(for intake: Intake) -> [HelpSection] {
        var sections = help(isReplay: intake.isReplay)
        if intake.isReadOnly { sections = sections.leaving(\.steers) }
        guard intake.attachedTo != nil else { return sections }
        return sections.map { section in
            var section = section
            for index in section.rows.indices where section.rows[index].bindings.contains(where: { $0.command == .requestQuit }) {
                section.rows[index].summary = "leave (the debate goes on on its server)"
            }
            return section
        }
    }

    /// Keys while watching.
    public static let normal = bindings(of: .normal)
    /// Keys after a peer's turn failed; the other keys work as while watching.
    public static let failurePrompt = bindings(of: .failurePrompt)
    /// Keys while composing; printable characters are typed.
    public static let composing = bindings(of: .composing)
    /// Keys while typing a search; printable characters are typed.
    public static let searching = bindings(of: .searching)
    /// Keys while a search is active in the focused pane; the other keys work as while watching.
    public static let searchResults = bindings(of: .searchResults)
    /// Keys while a message is chosen in the focused pane; the other keys work as while watching.
    public static let selecting = bindings(of: .selecting)
    /// Keys while the inspector fills the screen.
    public static let inspecting = bindings(of: .inspecting)
    /// Keys that scroll the help; any other closes it.
    public static let helpKeys = bindings(of: .help)
    /// Keys while asking whether to quit.
    public static let confirmingQuit = bindings(of: .confirmingQuit)
    /// Keys while asking whether to cancel a model's turn.
    public static let confirmingCancel = bindings(of: .confirmingCancel)

    /// Every binding table, for checking them.
    public static let tables: [[KeyBinding]] = [
        normal, failurePrompt, composing, searching, searchResults, selecting, inspecting, helpKeys, confirmingQuit, confirmingCancel]

    /// The bindings the help lists for `mode`.
    static func bindings(of mode: ObserverMode) -> [KeyBinding] {
        help.filter { $0.mode == mode }.flatMap(\.bindings)
    }

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
        case .searching:
            if let command = lookup(key, in: searching) { return command }
            if case .character(let character) = key { return .search(.insert(String(character))) }
            return nil
        case .searchResults:
            return lookup(key, in: searchResults) ?? lookup(key, in: normal)
        case .selecting:
            return lookup(key, in: selecting) ?? lookup(key, in: normal)
        case .inspecting:
            return lookup(key, in: inspecting)
        case .help:
            return lookup(key, in: helpKeys) ?? (key == .resize ? nil : .showHelp)
        case .confirmingQuit:
            return lookup(key, in: confirmingQuit)
        case .confirmingCancel:
            return lookup(key, in: confirmingCancel)
        }
    }

    /// The first key that makes `command` in `mode`, as the help lists the keys; nil when no
    /// key does there.
    public static func key(for command: ObserverCommand, in mode: ObserverMode) -> Key? {
        let bindings = switch mode {
        case .failurePrompt: failurePrompt + normal
        case .searchResults: searchResults + normal
        case .selecting: selecting + normal
        default: bindings(of: mode)
        }
        return bindings.lazy.filter { $0.command == command }.flatMap(\.keys).first { self.command(for: $0, in: mode) == command }
    }

    static func command(for mouse: MouseEvent, in mode: ObserverMode) -> ObserverCommand? {
        switch mouse.kind {
        case .press(button: 1):
            switch mode {
            case .help: .showHelp
            case .inspecting: nil  // the panes are under the inspector
            default: .click(mouse.position)
            }
        case .wheelUp: .wheel(mouse.position, .up)
        case .wheelDown: .wheel(mouse.position, .down)
        default: nil
        }
    }

    static func lookup(_ key: Key, in bindings: [KeyBinding]) -> ObserverCommand? {
        bindings.first { $0.keys.contains(key) }?.command
    }
}

extension [HelpSection] {
    /// The sections without the rows whose every key does what `cannot` says this debate cannot,
    /// and without the modes only such keys lead to (writing, a failed turn, cancelling).
    func leaving(_ cannot: (ObserverCommand) -> Bool) -> [HelpSection] {
        filter { ![.composing, .failurePrompt, .confirmingCancel].contains($0.mode) }.map { section in
            var section = section
            section.rows.removeAll { row in !row.bindings.isEmpty && row.bindings.allSatisfy { cannot($0.command) } }
            return section
        }
    }
}
