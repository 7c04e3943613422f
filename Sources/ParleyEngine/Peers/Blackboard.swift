import ParleyCore
import Synchronization

/// The shared board where peers post notes — claims, open questions, decisions — and read
/// the ones posted since they last looked. Every note is an event too.
public final class Blackboard: Sendable {
    private let notes = Mutex<[BlackboardNote]>([])
    private let bus: EventBus

    init(bus: EventBus) {
        self.bus = bus
    }

    /// Posts a note and emits it as an event.
    @discardableResult
    func post(author: AgentID, kind: BlackboardNote.Kind, text: String, round: Int, source: MessageID?) -> BlackboardNote {
        let note = notes.withLock { notes in
            let note = BlackboardNote(id: notes.count + 1, author: author, kind: kind, text: text, round: round, source: source)
            notes.append(note)
            bus.emit(.blackboardNote(note))
            return note
        }
        return note
    }

    /// The notes with ids above `id`, oldest first.
    func notes(after id: Int) -> [BlackboardNote] {
        notes.withLock { notes in id < notes.count ? Array(notes[id...]) : [] }
    }

    /// Every note so far.
    public var all: [BlackboardNote] { notes.withLock { $0 } }
}

extension BlackboardNote {
    /// The notes a message posts: its lines that begin with `CLAIM:`, `QUESTION:` or
    /// `DECISION:` (any case, after an optional list marker or bold markers).
    static func marked(in text: String) -> [(kind: Kind, text: String)] {
        guard text.contains(":") else { return [] }
        var found: [(Kind, String)] = []
        for line in text.split(whereSeparator: \.isNewline) {
            var rest = line.drop { $0.isWhitespace || $0 == "-" || $0 == "*" || $0 == "•" || $0 == "#" }
            guard let first = rest.first, "cqdCQD".contains(first) else { continue }
            for kind in Kind.allCases {
                let label = kind.rawValue
                guard rest.count > label.count,
                    rest.prefix(label.count).lowercased() == label
                else { continue }
                rest = rest.dropFirst(label.count).drop { $0 == "*" || $0 == " " }
                guard rest.first == ":" else { break }
                let note = rest.dropFirst().trimmingWhitespace().trimmingCharacters(in: "*")
                if !note.isEmpty { found.append((kind, note)) }
                break
            }
        }
        return found
    }
}

extension String {
    func trimmingCharacters(in characters: String) -> String {
        var text = Substring(self)
        while let first = text.first, characters.contains(first) { text = text.dropFirst() }
        while let last = text.last, characters.contains(last) { text = text.dropLast() }
        return String(text).trimmingWhitespace()
    }
}
