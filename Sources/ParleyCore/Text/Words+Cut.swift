extension Words {
    /// `text` shortened to at most `limit` characters without cutting a word: at the last
    /// sentence end that keeps at least half of it, else at the last word boundary, with `…`
    /// after a cut. Text that fits is returned whole.
    public static func cut(_ text: String, to limit: Int) -> String {
        guard text.count > limit, limit > 1 else { return text }
        let room = text.prefix(limit - 1)
        if let end = room.lastIndex(where: { ".!?".contains($0) }), room.distance(from: room.startIndex, to: end) >= limit / 2,
            room.index(after: end) == room.endIndex || room[room.index(after: end)].isWhitespace
        {
            return String(room[...end])
        }
        guard let space = room.lastIndex(where: \.isWhitespace), space > room.startIndex else {
            return String(room) + "…"
        }
        var kept = room[..<space]
        while let last = kept.last, ",;:—–-".contains(last) || last.isWhitespace { kept = kept.dropLast() }
        return String(kept) + "…"
    }
}
