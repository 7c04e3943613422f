/// An array kept in chunks of ``chunkSize`` elements, so that copies share their chunks: a
/// copy that then grows copies only the list of chunks and its last chunk, not every element.
/// The timeline's checkpoints are copies of the debate as shown; with its panes' entries, notes
/// and summaries in chunked arrays, a checkpoint costs a little per chunk rather than a copy of
/// everything shown so far.
///
/// Appending, changing an element in place and removing from the front (``removeFirst(_:)``,
/// which drops whole chunks and keeps sharing the rest) are as fast as an array's appending; any
/// other change (removing or replacing a range elsewhere) builds the chunks again, in time
/// linear in the length.
public struct ChunkedArray<Element>: RandomAccessCollection, MutableCollection, RangeReplaceableCollection {
    /// How many elements a chunk holds.
    public static var chunkSize: Int { 1 << shift }
    private static var shift: Int { 8 }
    private static var mask: Int { chunkSize - 1 }

    /// The chunks: every one full but the last (the first's first ``start`` elements are gone).
    private(set) var chunks: [[Element]] = []
    /// How many elements of the first chunk were removed from the front.
    private var start = 0
    /// How many elements there are.
    public private(set) var count = 0

    /// An empty array.
    public init() {}

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> Element {
        get {
            let place = position + start
            return chunks[place >> Self.shift][place & Self.mask]
        }
        set {
            let place = position + start
            chunks[place >> Self.shift][place & Self.mask] = newValue
        }
    }

    /// Adds an element at the end.
    public mutating func append(_ element: Element) {
        if (start + count) & Self.mask == 0 {
            var chunk: [Element] = []
            chunk.reserveCapacity(Self.chunkSize)
            chunk.append(element)
            chunks.append(chunk)
        } else {
            chunks[chunks.count - 1].append(element)
        }
        count += 1
    }

    /// Removes the first `k` elements, dropping the chunks they leave empty: copies keep sharing
    /// the chunks that remain.
    public mutating func removeFirst(_ k: Int) {
        precondition(k >= 0 && k <= count, "can't remove more elements than there are")
        start += k
        count -= k
        let emptied = Swift.min(start >> Self.shift, chunks.count)
        chunks.removeFirst(emptied)
        start -= emptied << Self.shift
        if count == 0 {
            chunks = []
            start = 0
        }
    }

    public mutating func replaceSubrange<C: Collection>(_ subrange: Range<Int>, with newElements: C) where C.Element == Element {
        if subrange.isEmpty, subrange.lowerBound == count {
            for element in newElements { append(element) }
            return
        }
        if newElements.isEmpty, subrange.lowerBound == 0 {
            removeFirst(subrange.count)
            return
        }
        var all = Array(self)
        all.replaceSubrange(subrange, with: newElements)
        self = ChunkedArray()
        for element in all { append(element) }
    }
}

extension ChunkedArray: Sendable where Element: Sendable {}

extension ChunkedArray: Equatable where Element: Equatable {
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.count == rhs.count && lhs.elementsEqual(rhs)
    }
}

extension ChunkedArray: Hashable where Element: Hashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for element in self { hasher.combine(element) }
    }
}

extension ChunkedArray: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Element...) {
        self.init(elements)
    }
}
