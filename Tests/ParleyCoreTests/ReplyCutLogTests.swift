import Foundation
import Testing
@testable import ParleyCore

@Suite("Cut replies in the event log")
struct ReplyCutLogTests {
    private static let date = Date(timeIntervalSince1970: 1_790_000_000.5)

    @Test("a cut reply is recorded with why, and read back", arguments: [ReplyCut.length, .repetition])
    func roundTrip(cut: ReplyCut) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parley-\(UUID()).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let message = Message(
            id: MessageID(3), sender: "eng", to: .everyone, round: 1, text: "We should", startedAt: Self.date,
            completedAt: Self.date, cut: cut)
        let writer = try EventLogWriter(path: path)
        writer.append(EventRecord(seq: 1, time: 0.5, event: .messageCompleted(message)))
        writer.close()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(#""cut":"\#(cut.rawValue)""#))
        let read = try EventLogReader.read(path: path)
        #expect(read.records.map(\.event) == [.messageCompleted(message)])
    }

    @Test("a message recorded before replies were marked reads as not cut; a reply not cut writes no key")
    func olderLogs() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parley-\(UUID()).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let old = """
            {"parley":"event-log","version":1}
            {"seq":1,"t":0.5,"type":"messageCompleted","message":{"id":3,"from":"eng","to":"everyone","round":1,"text":"Fine.","usage":{"prompt":1,"completion":2},"started":1790000000.5,"completed":1790000000.5}}

            """
        try old.write(toFile: path, atomically: true, encoding: .utf8)
        let read = try EventLogReader.read(path: path)
        guard case .messageCompleted(let message)? = read.records.first?.event else {
            Issue.record("the message was not read")
            return
        }
        #expect(message.cut == nil)
        #expect(message.text == "Fine.")
        var writer = JSONWriter()
        message.write(to: &writer)
        #expect(!String(decoding: writer.bytes, as: UTF8.self).contains("cut"))
    }
}
