import ParleyCore

/// The line the human writes into the debate with: its text and cursor, the messages sent
/// before (↑/↓), and Tab completion of `@id` mentions.
public struct Composer: Sendable, Hashable {
    /// Whether it is open (the observer is in composing mode).
    public var isOpen = false
    /// The text, as characters, so the cursor moves by what people see as characters.
    public private(set) var characters: [Character] = []
    /// The cursor: the number of characters before it.
    public private(set) var cursor = 0
    /// Why Enter refused the line (`no peer @ceo — did you mean @cfo?`), shown until the next
    /// edit; the text stays to be fixed.
    public var refusal: String?
    /// Messages sent before, oldest first.
    public private(set) var history: [String] = []
    /// The history entry shown, while browsing it; nil while editing a new line.
    private var historyIndex: Int?
    /// The new line being written, kept while browsing the history.
    private var draft: [Character] = []
    /// The completion being cycled by repeated Tabs.
    private var completion: Completion?

    /// How many messages the history keeps.
    public static let historyLimit = 100

    struct Completion: Sendable, Hashable {
        /// Where the `@` of the word being completed is.
        var start: Int
        /// The ids that fit what was typed, in ring order.
        var candidates: [AgentID]
        /// The candidate shown now.
        var index: Int
    }

    /// Makes an empty, closed composer.
    public init() {}

    /// Makes a closed composer that remembers `history`.
    init(history: [String]) {
        self.history = history
    }

    /// The text typed.
    public var text: String { String(characters) }

    /// Opens the composer on an empty line (the history stays).
    public mutating func open() {
        isOpen = true
        refusal = nil
        replace(with: [])
        historyIndex = nil
    }

    /// Closes it, dropping the line.
    public mutating func close() {
        isOpen = false
        refusal = nil
        replace(with: [])
        historyIndex = nil
    }

    /// Applies an edit; `peers` are the ids Tab completes, in ring order.
    /// - Returns: the line when the edit is ``ComposerEdit/submit`` and the line is not blank;
    ///   it is then added to the history and the composer closes.
    /// What of a typed text goes on a line: no line breaks and no control characters.
    static func typable(_ text: String) -> String {
        text.filter { !$0.isNewline && !($0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false) }
    }

    public mutating func apply(_ edit: ComposerEdit, peers: [AgentID]) -> String? {
        if edit != .complete { completion = nil }
        refusal = nil
        switch edit {
        case .insert(let text):
            let typed = Self.typable(text)
            characters.insert(contentsOf: typed, at: cursor)
            cursor += typed.count
        case .backspace:
            guard cursor > 0 else { break }
            cursor -= 1
            characters.remove(at: cursor)
        case .deleteForward:
            if cursor < characters.count { characters.remove(at: cursor) }
        case .deleteWord:
            var start = cursor
            while start > 0, characters[start - 1].isWhitespace { start -= 1 }
            while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .clear: replace(with: [])
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = characters.count
        case .historyPrevious: recall(by: -1)
        case .historyNext: recall(by: 1)
        case .complete: complete(peers: peers)
        case .submit: return submit()
        }
        return nil
    }

    private mutating func replace(with text: [Character]) {
        characters = text
        cursor = text.count
    }

    private mutating func recall(by step: Int) {
        guard !history.isEmpty else { return }
        let current = historyIndex ?? history.count
        let next = min(history.count, max(0, current + step))
        guard next != current else { return }
        if historyIndex == nil { draft = characters }
        if next == history.count {
            historyIndex = nil
            replace(with: draft)
        } else {
            historyIndex = next
            replace(with: Array(history[next]))
        }
    }

    private mutating func complete(peers: [AgentID]) {
        if var cycling = completion, !cycling.candidates.isEmpty {
            cycling.index = (cycling.index + 1) % cycling.candidates.count
            completion = cycling
            insert(cycling.candidates[cycling.index], at: cycling.start)
            return
        }
        var start = cursor
        while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
        guard start < cursor, characters[start] == "@" else { return }
        let typed = String(characters[(start + 1)..<cursor]).lowercased()
        let candidates = peers.filter { $0.rawValue.lowercased().hasPrefix(typed) }
        guard !candidates.isEmpty else { return }
        if candidates.count > 1 { completion = Completion(start: start, candidates: candidates, index: 0) }
        insert(candidates[0], at: start)
    }

    /// Replaces the word from `start` to the cursor with `@id ` (keeping one space after it).
    private mutating func insert(_ id: AgentID, at start: Int) {
        var end = cursor
        if end < characters.count, characters[end] == " " { end += 1 }
        let word = Array("@\(id.rawValue) ")
        characters.replaceSubrange(start..<end, with: word)
        cursor = start + word.count
    }

    private mutating func submit() -> String? {
        let line = text.trimmingWhitespace()
        guard !line.isEmpty else {
            close()
            return nil
        }
        if history.last != line { history.append(line) }
        if history.count > Self.historyLimit { history.removeFirst(history.count - Self.historyLimit) }
        close()
        return line
    }
}
