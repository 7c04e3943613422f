import ParleyCore
import ParleyModels
import Synchronization

/// The shared board where peers post notes — claims, open questions, decisions — and read
/// the ones posted since they last looked. Every note is an event too.
public final class Blackboard: Sendable {
    /// The notes, each with the entry it makes in its readers' memory: made once, shared by
    /// every peer that reads it (a long debate posts tens of thousands of notes).
    private let notes = Mutex<[(note: BlackboardNote, entry: ChatMessage)]>([])
    private let bus: EventBus
    private let entry: @Sendable (BlackboardNote) -> ChatMessage

    /// Makes an empty board; `entry` is how a note reads in a peer's memory.
    init(bus: EventBus, entry: @escaping @Sendable (BlackboardNote) -> ChatMessage) {
        self.bus = bus
        self.entry = entry
    }

    /// Posts a note and emits it as an event.
    @discardableResult
    func post(author: AgentID, kind: BlackboardNote.Kind, text: String, round: Int, source: MessageID?) -> BlackboardNote {
        let note = notes.withLock { notes in
            let note = BlackboardNote(id: notes.count + 1, author: author, kind: kind, text: text, round: round, source: source)
            notes.append((note, entry(note)))
            bus.emit(.blackboardNote(note))
            return note
        }
        return note
    }

    /// The notes with ids above `id`, oldest first, each with its memory entry.
    func notes(after id: Int) -> ArraySlice<(note: BlackboardNote, entry: ChatMessage)> {
        notes.withLock { notes in id < notes.count ? notes[id...] : [] }
    }

    /// Puts back the notes of a debate's recorded history (a fork), without events.
    func recall(_ recorded: [BlackboardNote]) {
        notes.withLock { $0 = recorded.map { ($0, entry($0)) } }
    }

    /// Every note so far.
    public var all: [BlackboardNote] { notes.withLock { $0.map(\.note) } }
}

extension BlackboardNote {
    /// The notes a message posts: its lines that begin with `CLAIM:`, `QUESTION:` or
    /// `DECISION:` (any case, after an optional list marker or bold markers).
    static func marked(in text: String) -> [(kind: Kind, text: String)] {
        var found: [(Kind, String)] = []
        for line in text.utf8.split(separator: 0x0A).map(Substring.init) where Self.mayBeMarked(line) {
            var rest = line.drop { $0.isWhitespace || $0 == "-" || $0 == "*" || $0 == "•" || $0 == "#" }
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

    /// Whether a line could be a marker: after blanks and list or bold markers, it starts with
    /// the letter of a kind and holds a colon. Checked on the bytes, since most lines are not.
    private static func mayBeMarked(_ line: Substring) -> Bool {
        let bytes = line.utf8
        guard let first = bytes.first(where: { !" \t-*#".utf8.contains($0) && $0 < 0x80 || $0 >= 0x80 }),
            "cqdCQD".utf8.contains(first) || first >= 0x80
        else { return false }
        return bytes.contains(UInt8(ascii: ":"))
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
