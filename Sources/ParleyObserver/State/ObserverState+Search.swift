import TerminalKit

extension ObserverState {
    /// `/`: starts a search of the focused pane, if it has text to search.
    mutating func startSearch() {
        guard ObserverView.scrollContent(view.focus, of: self, in: layout) != nil else {
            debate.notice = Notice(text: "This pane cannot be searched: Tab to a pane with text, then /.", tone: .info)
            return
        }
        view.search = PaneSearch(pane: view.focus)
    }

    /// Types the search's words, or goes from match to match, scrolling the pane to show the
    /// match (a few lines above it in view).
    mutating func search(_ edit: SearchEdit) {
        guard var search = view.search else { return }
        switch edit {
        case .insert(let text):
            search.query += Composer.typable(text)
        case .backspace:
            if !search.query.isEmpty { search.query.removeLast() }
        case .submit, .next, .previous:
            guard !search.query.isEmpty else {
                view.search = nil
                return
            }
            search.isTyping = false
            guard let (lines, rows) = ObserverView.scrollContent(search.pane, of: self, in: layout) else { return }
            let matches = SearchMatch.all(of: search.query, in: lines)
            guard !matches.isEmpty else {
                view.search = search
                debate.notice = Notice(text: "No match for “\(Sanitizer.clean(search.text))” in this pane.", tone: .info)
                return
            }
            let count = matches.count
            search.current = switch edit {
            case .next: (search.current + 1) % count
            case .previous: (search.current - 1 + count) % count
            default: count - 1
            }
            let line = matches[search.current].line
            view.scrolls[search.pane] = PaneScroll(intent: .line(max(0, min(line - rows / 3, lines.count - rows))))
        }
        view.search = search
    }
}
