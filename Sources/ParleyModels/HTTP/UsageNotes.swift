import ParleyCore

/// The token counts a reader took from a server, checked (``TokenCount/checked``), with a note
/// for each one that was out of range, for the diagnostic log.
struct UsageNotes: Sendable {
    private var notes: [String] = []

    /// The count to use for the field `name`; 0 when the server did not state it.
    mutating func tokens(_ count: TokenCount?, named name: String) -> Int {
        guard let checked = count?.checked else { return 0 }
        if let problem = checked.problem { notes.append("the server's usage \(name): \(problem)") }
        return checked.tokens
    }

    /// The notes so far; forgets them.
    mutating func take() -> [String] {
        defer { notes.removeAll() }
        return notes
    }
}
