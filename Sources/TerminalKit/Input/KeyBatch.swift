/// Tidying a batch of keys read at once.
enum KeyBatch {
    /// `keys` with only the first of several `.resize`s kept: one repaint is enough.
    static func mergingResizes(_ keys: [Key]) -> [Key] {
        var seenResize = false
        return keys.filter { key in
            guard key == .resize else { return true }
            defer { seenResize = true }
            return !seenResize
        }
    }
}
