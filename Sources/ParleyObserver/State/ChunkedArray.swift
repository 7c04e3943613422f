/// An array kept in chunks of ``chunkSize`` elements, so that copies share their chunks: a
/// copy that then grows copies only the list of chunks and its last chunk, not every element.
/// The timeline's checkpoints are copies of the debate as shown; with its panes' entries, notes
/// and summaries in chunked arrays, a checkpoint costs a little per chunk rather than a copy of
/// everything shown so far.
///
/// Appending and changing an element in place are as fast as an array's; any other change
/// (removing, replacing a range before the end) builds the chunks again, in time linear in the
/// length, as an array's removal at the front takes too.
public struct ChunkedArray<Element>: RandomAccessCollection, MutableCollection, RangeReplaceableCollection {
    /// How many elements a chunk holds.
    public static var chunkSize: Int { 1 << shift }
    private static var shift: Int { 8 }
    private static var mask: Int { chunkSize - 1 }

    /// The chunks: every one full but the last.
    private var chunks: [[Element]] = []
    /// How many elements there are.
    public private(set) var count = 0

    /// An empty array.
    public init() {}

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> Element {
        get { chunks[position >> Self.shift][position & Self.mask] }
        set { chunks[position >> Self.shift][position & Self.mask] = newValue }
    }

    /// Adds an element at the end.
    public mutating func append(_ element: Element) {
        if count & Self.mask == 0 {
            var chunk: [Element] = []
            chunk.reserveCapacity(Self.chunkSize)
            chunk.append(element)
            chunks.append(chunk)
        } else {
            chunks[chunks.count - 1].append(element)
        }
        count += 1
    }

    public mutating func replaceSubrange<C: Collection>(_ subrange: Range<Int>, with newElements: C) where C.Element == Element {
        if subrange.isEmpty, subrange.lowerBound == count {
            for element in newElements { append(element) }
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
