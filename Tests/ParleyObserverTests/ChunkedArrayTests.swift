import Testing
@testable import ParleyObserver

@Suite("Chunked arrays")
struct ChunkedArrayTests {
    @Test("a chunked array reads, changes, removes and replaces as an array does, across chunks")
    func behavesAsAnArray() {
        let size = ChunkedArray<Int>.chunkSize
        var array = Array(0..<(size * 3 + 7))
        var chunked = ChunkedArray(array)
        #expect(Array(chunked) == array)
        chunked[size + 1] = -1
        array[size + 1] = -1
        chunked.remove(at: 3)
        array.remove(at: 3)
        chunked.replaceSubrange(0..<(size + 2), with: [42])
        array.replaceSubrange(0..<(size + 2), with: [42])
        chunked.append(contentsOf: [7, 8, 9])
        array.append(contentsOf: [7, 8, 9])
        #expect(Array(chunked) == array)
        #expect(chunked.count == array.count)
        #expect(chunked.lastIndex(of: 8) == array.lastIndex(of: 8))
        #expect(chunked == ChunkedArray(array))
        #expect(chunked.hashValue == ChunkedArray(array).hashValue)
    }

    @Test("a copy that grows leaves the original as it was")
    func copiesAreValues() {
        let original = ChunkedArray(0..<600)
        var copy = original
        copy.append(600)
        copy[0] = -1
        #expect(Array(original) == Array(0..<600))
        #expect(copy.count == 601 && copy[0] == -1 && copy[600] == 600)
    }

    @Test("removing from the front drops whole chunks and keeps the rest shared; it reads as an array does")
    func removeFirst() {
        let size = ChunkedArray<Int>.chunkSize
        var array = Array(0..<(size * 4 + 3))
        var chunked = ChunkedArray(array)
        let copy = chunked
        for k in [1, size - 1, size + 5, 2] {
            chunked.removeFirst(k)
            array.removeFirst(k)
            #expect(Array(chunked) == array)
            chunked.append(-k)
            array.append(-k)
            chunked[0] = 1000 + k
            array[0] = 1000 + k
            #expect(Array(chunked) == array && chunked.count == array.count)
        }
        chunked.replaceSubrange(0..<3, with: [])
        array.removeFirst(3)
        #expect(Array(chunked) == array)

        // Dropping a whole chunk keeps the chunks after it: the same storage as the copy's.
        var sharing = copy
        sharing.removeFirst(size + 1)
        let kept = sharing.chunks.map { $0.withUnsafeBufferPointer { $0.baseAddress } }
        let original = copy.chunks.dropFirst().map { $0.withUnsafeBufferPointer { $0.baseAddress } }
        #expect(kept == Array(original))
        #expect(Array(copy) == Array(0..<(size * 4 + 3)), "the copy made before is unchanged")
        chunked.removeFirst(chunked.count)
        #expect(chunked.isEmpty)
        chunked.append(7)
        #expect(Array(chunked) == [7])
    }
}
