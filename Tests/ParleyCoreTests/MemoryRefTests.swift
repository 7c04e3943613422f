import Testing
@testable import ParleyCore

@Suite("Memory references")
struct MemoryRefTests {
    @Test("each reference is written as a short string and read back the same; anything else is no reference")
    func strings() {
        let refs: [MemoryRef] = [.message(MessageID(12)), .note(3), .fold(2), .summary(.round(4)), .summary(.final), .earlier(0..<57)]
        #expect(refs.map(\.description) == ["m12", "n3", "f2", "s4", "sfinal", "=0-57"])
        #expect(refs.map { MemoryRef($0.description) } == refs)
        for bad in ["", "x1", "m", "mx", "=5-2", "=1", "s", "sfin"] { #expect(MemoryRef(bad) == nil, "\(bad)") }
    }

    @Test("a memory that grew is one range and what was added; a folded one keeps what it can; expanding gives it back")
    func deltas() {
        let before: [MemoryRef] = [.message(MessageID(1)), .message(MessageID(2)), .note(1), .message(MessageID(3))]
        let grown = before + [.message(MessageID(4)), .note(2)]
        #expect(MemoryRef.delta(grown, against: before) == [.earlier(0..<4), .message(MessageID(4)), .note(2)])
        let folded: [MemoryRef] = [.fold(1), .note(1), .message(MessageID(3)), .message(MessageID(4))]
        let delta = MemoryRef.delta(folded, against: before)
        #expect(delta == [.fold(1), .earlier(2..<4), .message(MessageID(4))])
        #expect(MemoryRef.expand(delta, against: before) == folded)
        #expect(MemoryRef.expand(MemoryRef.delta(grown, against: before), against: before) == grown)
        #expect(MemoryRef.delta(grown, against: []) == grown)
        #expect(MemoryRef.expand([.earlier(0..<9)], against: before) == nil, "a range past the previous request")
    }
}
