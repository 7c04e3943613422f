import Testing
@testable import ParleyModels

@Suite("SSE decoder")
struct SSEDecoderTests {
    private func decodeWhole(_ bytes: [UInt8]) -> [ServerSentEvent] {
        var decoder = SSEDecoder()
        return decoder.feed(bytes) + decoder.finish()
    }

    private func decode(_ pieces: [ArraySlice<UInt8>]) -> [ServerSentEvent] {
        var decoder = SSEDecoder()
        return pieces.flatMap { decoder.feed($0) } + decoder.finish()
    }

    @Test("every capture decodes the same whatever byte it is split at", arguments: Captures.streams)
    func everySplitPoint(capture: String) {
        let bytes = Captures.bytes(capture)
        #expect(!bytes.isEmpty, "capture \(capture) is missing")
        let whole = decodeWhole(bytes)
        #expect(!whole.isEmpty)
        #expect(!whole.contains { $0.data.contains("\u{FFFD}") }, "a split character was not decoded whole")
        for split in 0...bytes.count {
            let pieces = decode([bytes[..<split], bytes[split...]])
            #expect(pieces == whole, "split at byte \(split) of \(capture)")
            if pieces != whole { return }
        }
    }

    @Test("every capture decodes the same fed one byte at a time", arguments: Captures.streams)
    func byteByByte(capture: String) {
        let bytes = Captures.bytes(capture)
        #expect(decode(bytes.indices.map { bytes[$0...$0] }) == decodeWhole(bytes))
    }

    @Test("CRLF, comments, ids, multi-line data and empty frames follow the event-stream rules")
    func framing() throws {
        let events = decodeWhole(Captures.bytes("framing-crlf.sse"))
        try #require(events.count == 3)
        #expect(events[0].data == "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"multi\"},\n\"finish_reason\":null}]}")
        #expect(events[1].data.hasPrefix("{\"choices\""), "data: without a space keeps its value whole")
        #expect(events[1].data.contains("-line ✓"))
        #expect(events[2].data == "[DONE]")
        #expect(events.allSatisfy { $0.type == "message" })
    }

    @Test("LF, CR and CRLF line ends give the same events", arguments: ["anthropic.sse", "openai.sse", "llamacpp.sse"])
    func lineEnds(capture: String) {
        let lf = Captures.bytes(capture)
        let crlf = lf.flatMap { $0 == 10 ? [13, 10] : [$0] }
        let cr = lf.map { $0 == 10 ? 13 : $0 }
        let expected = decodeWhole(lf)
        #expect(decodeWhole(crlf) == expected)
        #expect(decodeWhole(cr) == expected)
        // A CR at the end of one chunk and its LF at the start of the next is one line end.
        if let firstCR = crlf.firstIndex(of: 13) {
            #expect(decode([crlf[...firstCR], crlf[(firstCR + 1)...]]) == expected)
        }
    }

    @Test("a multi-byte character split between chunks decodes whole", arguments: ["é", "☕", "日本", "🙂"])
    func splitCharacter(text: String) {
        let bytes = Array("data: a\(text)b\n\n".utf8)
        let start = 7
        for split in start...(start + text.utf8.count) {
            let events = decode([bytes[..<split], bytes[split...]])
            #expect(events.map(\.data) == ["a\(text)b"], "split at byte \(split)")
        }
    }

    @Test("comments and empty frames dispatch nothing; a BOM at the start is dropped")
    func commentsAndEmptyFrames() {
        let bytes = [0xEF, 0xBB, 0xBF] + Array(": hello\n\n\n\nevent: ping\n\n: keep-alive\ndata: x\n\n".utf8)
        let events = decodeWhole(bytes)
        #expect(events == [ServerSentEvent(type: "message", data: "x")], "the typed frame without data dispatches nothing and its type does not leak")
    }

    @Test("an `error:` line, as older llama.cpp sends, is an error event")
    func errorField() {
        let events = decodeWhole(Captures.bytes("llamacpp-error.sse"))
        #expect(events.first?.type == "error")
        #expect(events.first?.data.contains("Input prompt is too big") == true)
        #expect(events.last?.data == "[DONE]")
    }

    @Test("a bare JSON line, as Ollama writes after a stream has started, is data")
    func bareJSONLine() {
        let events = decodeWhole(Captures.bytes("ollama-error.sse"))
        #expect(events.count == 2)
        #expect(events.last?.data.hasPrefix("{\"error\":") == true)
    }

    @Test("a last event without a closing blank line is dispatched at the end of the stream")
    func unterminatedLastEvent() {
        var decoder = SSEDecoder()
        #expect(decoder.feed(Array("data: [DONE]".utf8)).isEmpty)
        #expect(decoder.finish().map(\.data) == ["[DONE]"])
    }

    @Test("named events keep their type and the type resets after each event")
    func eventTypes() {
        let events = decodeWhole(Array("event: message_stop\ndata: {}\n\ndata: plain\n\n".utf8))
        #expect(events.map(\.type) == ["message_stop", "message"])
    }
}
