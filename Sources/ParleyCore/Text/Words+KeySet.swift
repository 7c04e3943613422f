extension Words {
    /// A set of word keys, looked up without hashing again: a key is already a good hash, so
    /// it indexes an open-addressing table directly. Several times faster than `Set<Key>` on the
    /// scripted personas' hot path.
    public struct KeySet: Sendable, Hashable {
        private var slots: [Key]
        private var mask: Int
        /// How many keys it holds.
        public private(set) var count = 0

        /// Makes a set of `keys`.
        public init(_ keys: some Sequence<Key>) {
            let keys = Array(keys)
            var capacity = 16
            while capacity < keys.count * 2 { capacity *= 2 }
            slots = Array(repeating: 0, count: capacity)
            mask = capacity - 1
            for key in keys { insert(key) }
        }

        /// Whether the set holds `key`.
        public func contains(_ key: Key) -> Bool {
            let key = key == 0 ? 1 : key
            var index = Int(truncatingIfNeeded: key) & mask
            while true {
                let slot = slots[index]
                if slot == key { return true }
                if slot == 0 { return false }
                index = (index + 1) & mask
            }
        }

        private mutating func insert(_ key: Key) {
            // 0 marks an empty slot; the one key that hashes to 0 is stored as 1.
            let key = key == 0 ? 1 : key
            var index = Int(truncatingIfNeeded: key) & mask
            while slots[index] != 0 {
                if slots[index] == key { return }
                index = (index + 1) & mask
            }
            slots[index] = key
            count += 1
        }
    }
}
