import ParleyCore
import TerminalKit

/// The prompt line while the person writes: `› ` and the text, each `@id` in it highlighted as
/// a peer's (in its colour) or as naming no peer (in the error colour), and, at the right, whom
/// the line goes to (`→ @cfo`, `→ everyone`), or why Enter refused it.
enum ComposerLineView {
    /// What the composer shows before anything is typed, its keys from the key map.
    static var composerHint: String {
        let key = { (command: ObserverCommand) in KeyHint([command], "", in: .composing)?.label ?? "?" }
        return "@id anywhere writes to that peer (\(key(.compose(.complete))) completes), none to all · "
            + "\(key(.compose(.submit))) sends · \(key(.cancel)) cancels"
    }

    static let prompt = "› "

    /// What the right of the line says: why Enter refused the line, else whom it goes to.
    static func tag(_ state: ObserverState) -> Span {
        let composer = state.view.composer
        if let refusal = composer.refusal { return Span("✗ \(refusal)", .role(.error), .bold) }
        let address = Mentions.addressing(ofTyped: composer.text, known: Set(state.debate.peerIDs)).address
        return Span("→ \(address)", .role(.accent))
    }

    /// The columns the tag takes, with a space before it: at most a third of the line (two
    /// thirds for a refusal, which must be read), none before anything is typed.
    static func tagColumns(_ state: ObserverState, width: Int) -> Int {
        guard !state.view.composer.characters.isEmpty else { return 0 }
        let most = state.view.composer.refusal == nil ? width / 3 : width * 2 / 3
        return min(TextWidth.columns(tag(state).text) + 1, most)
    }

    /// The composer's text as shown: each character sanitized on its own, so the cursor keeps
    /// its place, and the columns each takes.
    static func shownCharacters(_ composer: Composer) -> [(text: String, columns: Int)] {
        composer.characters.map { character in
            let text = Sanitizer.clean(String(character)).replacingNewlines()
            return (text, TextWidth.columns(text))
        }
    }

    /// The composer's text window in `width` columns (the tag's left out): the first character
    /// shown and the cursor's column from where the text starts on screen, so that the cursor is
    /// always in view. When the start of the line is out of view, a `…` takes the first column.
    static func window(_ composer: Composer, width: Int) -> (first: Int, cursorColumn: Int) {
        let shown = shownCharacters(composer)
        let room = max(2, width - TextWidth.columns(prompt) - 2)
        var first = 0
        var cursorColumn = shown.prefix(composer.cursor).reduce(0) { $0 + $1.columns }
        guard cursorColumn > room - 1 else { return (0, cursorColumn) }
        cursorColumn += 1
        while cursorColumn > room - 1, first < composer.cursor {
            cursorColumn -= shown[first].columns
            first += 1
        }
        return (first, cursorColumn)
    }

    /// The ink of each character: a mention of a peer in the peer's colour, one of no peer in
    /// the error colour, the rest in the composer's.
    static func inks(_ state: ObserverState) -> [(Ink, TextAttributes)] {
        let composer = state.view.composer
        var inks = Array(repeating: (Ink.role(.composer), TextAttributes()), count: composer.characters.count)
        for mention in Mentions.mentions(inTyped: composer.characters) {
            let ink: (Ink, TextAttributes) = if let pane = state.debate.pane(mention.id) {
                (.agent(pane.index), .bold)
            } else if Mentions.everyoneWords.contains(mention.name) {
                (.role(.accent), .bold)
            } else {
                (.role(.error), .underline)
            }
            for index in mention.range { inks[index] = ink }
        }
        return inks
    }

    static func draw(_ state: ObserverState, rect: Rect, theme: Theme, agents: [Int: Style], into canvas: inout Canvas) {
        let composer = state.view.composer
        var x = canvas.put(prompt, x: rect.x + 1, y: rect.y, style: theme.style(.accent).adding(.bold), clip: rect)
        guard !composer.characters.isEmpty else {
            canvas.put(composerHint, x: x, y: rect.y, style: theme.style(.muted), clip: rect)
            return
        }
        let tagColumns = tagColumns(state, width: rect.width)
        let textRect = Rect(x: rect.x, y: rect.y, width: rect.width - tagColumns, height: 1)
        let (first, _) = window(composer, width: textRect.width)
        if first > 0 { x = canvas.put("…", x: x, y: rect.y, style: theme.style(.muted), clip: rect) }
        let inks = inks(state)
        let line: StyledLine = shownCharacters(composer).enumerated().dropFirst(first).map { index, shown in
            Span(shown.text, inks[index].0, inks[index].1)
        }
        canvas.put(line, x: x, y: rect.y, theme: theme, agents: agents, clip: Rect(x: rect.x, y: rect.y, width: textRect.width - 1, height: 1))
        guard tagColumns > 1 else { return }
        let tag = PaneFrame.ellipsized([tag(state)], width: tagColumns - 1)
        canvas.put(tag, x: rect.maxX - PaneFrame.width(tag) - 1, y: rect.y, theme: theme, agents: agents, clip: rect)
    }

    /// Where the terminal's cursor goes while composing.
    static func cursor(_ state: ObserverState, rect: Rect) -> Point? {
        guard state.view.composer.isOpen, !state.view.isConfirmingQuit, !state.view.showsHelp else { return nil }
        let width = rect.width - tagColumns(state, width: rect.width)
        let (_, column) = window(state.view.composer, width: width)
        return Point(x: min(rect.maxX - 1, rect.x + 1 + TextWidth.columns(prompt) + column), y: rect.y)
    }
}
