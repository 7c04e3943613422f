import Foundation
import Testing
@testable import ParleyCore

@Suite("Event log")
struct EventLogTests {
    static let agents = [
        Agent(id: "pm", name: "Priya \"P\" Ng", role: "PM — user value", model: "scripted", colour: "cyan"),
        Agent(id: "cfo", name: "Dana", role: "CFO", model: "smollm2 @ 127.0.0.1:8571", showsReasoning: false),
    ]

    /// One event of every kind, with text that needs escaping.
    static let everyKind: [DebateEvent] = {
        let date = Date(timeIntervalSince1970: 1_790_000_000.123456)
        let message = Message(
            id: MessageID(7), sender: "pm", to: .peers(["cfo", "eng"]), round: 2,
            text: "Line one\nline \"two\"\t\\ \u{1B}[2J 世界 👍🏽", replyTo: MessageID(6),
            usage: Usage(promptTokens: 120, completionTokens: 48, cost: 0.000321), startedAt: date,
            completedAt: date.addingTimeInterval(1.5), reasoning: "thinking…")
        let human = Message(id: MessageID(8), sender: .human, to: .everyone, round: 2, text: "why not?", startedAt: date, completedAt: date)
        let info = DebateInfo(
            title: "Should we build feature X?", question: "Now?", floor: .mention, rounds: 3, agents: agents,
            facilitator: Agent(id: .facilitator, name: "Mo", role: "facilitator", model: "scripted"),
            pace: PaceState(mode: .step, delay: 0.25), tokenBudget: 5000, costBudget: 1.5,
            spec: .object([
                "title": .string("X \u{1B}[2J"), "rounds": .number(3), "ratio": .number(0.25), "on": .bool(true),
                "none": .null, "agents": .array([.object(["id": .string("pm"), "arguments": .array([.string("a\nb")])])]),
            ]))
        return [
            .debateStarted(info), .roundStarted(round: 1), .floorPassed(from: nil, to: "pm", round: 1),
            .floorPassed(from: "pm", to: "cfo", round: 1), .turnStarted(agent: "pm", round: 1, message: MessageID(7)),
            .textDelta(agent: "pm", message: MessageID(7), text: "Line \"one\"\n"),
            .reasoningDelta(agent: "pm", message: MessageID(7), text: "hmm"), .messageCompleted(message),
            .turnTraced(
                TurnTrace(
                    agent: "pm", message: MessageID(7), system: "You are \"Priya\".\n", memory: [
                        .earlier(0..<4), .message(MessageID(5)), .note(2), .fold(1), .summary(.round(1)), .summary(.final),
                    ], cue: "Priya, what do you say? (Round 2 of 3.)", backend: "local", finish: "length", firstToken: 0.25,
                    duration: 1.5, retries: 2,
                    choice: ArgumentChoice(argument: 1, reason: .peer, reactsTo: MessageID(6), matched: ["churn", "cost"]))),
            .turnTraced(TurnTrace(agent: .facilitator, summary: .final, system: nil, memory: [], cue: "Write it.", backend: "scripted")),
            .humanMessage(human),
            .blackboardNote(BlackboardNote(id: 1, author: "pm", kind: .question, text: "cost per seat?", round: 1, source: MessageID(7))),
            .blackboardNote(BlackboardNote(id: 2, author: "cfo", kind: .decision, text: "ship behind a flag", round: 2)),
            .roundEnded(round: 1), .summaryStarted(.round(1)), .summaryDelta(.round(1), text: "• Priya: "),
            .summaryCompleted(Summary(scope: .round(1), text: "• Priya: churn", usage: Usage(promptTokens: 9, completionTokens: 3))),
            .summaryStarted(.final), .summaryCompleted(Summary(scope: .final, text: "Tradeoffs")),
            .guardTripped(GuardTrip(kind: .repetition, agent: "cfo", detail: "cfo echoes pm (overlap 0.91)", stops: false)),
            .guardTripped(GuardTrip(kind: .tokenBudget, detail: "used 5000 tokens", stops: true)),
            .peerFailed(PeerFailure(agent: "cfo", round: 2, error: "model 'llama3' not found", retryable: false)),
            .peerFailed(PeerFailure(agent: "pm", round: 2, error: "the turn was cancelled by you", retryable: true, cancelled: true)),
            .turnRetrying(agent: "cfo", attempt: 2, delay: 1.5, reason: "HTTP 429"),
            .contextFolded(agent: "pm", turns: 4, note: "Earlier…"), .held(agent: "cfo", round: 2), .roundsChanged(rounds: 4), .unheard(peers: ["pm", "cfo"], message: MessageID(9)), .debateConcluded(round: 4),
            .paceChanged(PaceState(mode: .paused, delay: 0.5)), .debateFinished(.guardTripped(.tokenBudget), usage: Usage(promptTokens: 1, completionTokens: 2, cost: 0.5)),
            .debateFinished(.failed("cfo: bad key"), usage: .zero), .debateFinished(.completed, usage: .zero),
            .debateFinished(.stopped, usage: .zero),
        ]
    }()

    static var records: [EventRecord] {
        everyKind.enumerated().map { EventRecord(seq: $0.offset + 1, time: Double($0.offset) * 0.137, event: $0.element) }
    }

    @Test("every kind of event is written and read back as the same event")
    func roundTrip() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parley-\(UUID()).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try EventLogWriter(path: path, includesDeltas: true)
        for record in Self.records { writer.append(record) }
        writer.close()
        let read = try EventLogReader.read(path: path)
        #expect(read.truncated == false)
        #expect(read.records == Self.records)
        // Every event type appears in the fixture.
        #expect(Set(Self.everyKind.map(\.type)).count == 24)
    }

    @Test("each event is one line of JSON, the header first; escapes keep control characters out")
    func oneLinePerEvent() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parley-\(UUID()).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try EventLogWriter(path: path)
        for record in Self.records { writer.append(record) }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.first == #"{"parley":"event-log","version":2}"#)
        // Deltas are left out by default: messages and summaries are written whole.
        #expect(lines.count == 1 + Self.records.filter { !$0.event.isDelta }.count)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        for line in lines {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil)
        }
    }

    @Test("encoded lines reach the file at a flush, in order; announcements alone wait for the next event")
    func encodeThenFlush() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parley-\(UUID()).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try EventLogWriter(path: path)
        func written() throws -> [Int] {
            try EventLogReader.read(path: path).records.map(\.seq)
        }
        let records = Self.records
        // roundStarted and floorPassed (2–4) only announce; messageCompleted (8) does not.
        writer.encode(records[1])
        writer.encode(records[2])
        writer.flush()
        #expect(try written() == [], "announcements wait")
        writer.encode(records[7])
        #expect(try written() == [], "encoding writes nothing")
        writer.flush()
        #expect(try written() == [2, 3, 8])
        writer.encode(records[3])
        writer.close()
        #expect(try written() == [2, 3, 8, 4], "closing writes what waits")
        writer.encode(records[8])
        writer.flush()
        #expect(try written() == [2, 3, 8, 4], "nothing after closing")
    }

    @Test("a log cut short mid-line reads up to the last whole event")
    func truncated() throws {
        var writer = JSONWriter()
        var data = Data((EventLog.header + "\n").utf8)
        for record in Self.records.prefix(3) { data.append(contentsOf: EventLog.line(record, into: &writer)) }
        let partial = EventLog.line(Self.records[3], into: &writer)
        data.append(contentsOf: partial.prefix(partial.count / 2))
        let read = try EventLogReader.read(data: data, path: "cut.jsonl")
        #expect(read.truncated)
        #expect(read.records == Array(Self.records.prefix(3)))
    }

    @Test("a last line cut mid-JSON or mid-character, with or without a newline, or zeros after it, reads up to the last whole event")
    func truncatedShapes() throws {
        var writer = JSONWriter()
        var whole = Data((EventLog.header + "\n").utf8)
        for record in Self.records.prefix(7) { whole.append(contentsOf: EventLog.line(record, into: &writer)) }
        let last = EventLog.line(Self.records[7], into: &writer)  // messageCompleted, with 世界 👍🏽 in it
        let multibyte = try #require(last.firstIndex { $0 >= 0xC0 })
        let cuts: [(String, [UInt8])] = [
            ("mid-JSON, newline", Array(last.prefix(last.count / 2)) + [0x0A]),
            ("mid-character", Array(last.prefix(multibyte + 1))),
            ("mid-character, newline", Array(last.prefix(multibyte + 1)) + [0x0A]),
            ("mid-JSON, blank lines", Array(last.prefix(last.count / 2)) + [0x0A, 0x0A]),
            ("zeros", [0, 0, 0, 0]),
            ("whole line, then zeros", last + [0, 0, 0]),
        ]
        for (shape, tail) in cuts {
            let read = try EventLogReader.read(data: whole + tail, path: "cut.jsonl")
            #expect(read.truncated, "\(shape)")
            let expected = Array(Self.records.prefix(shape == "whole line, then zeros" ? 8 : 7))
            #expect(read.records == expected, "\(shape)")
        }
        let blankAfter = try EventLogReader.read(data: whole + last + [0x0A, 0x0A], path: "blank.jsonl")
        #expect(!blankAfter.truncated, "a blank line after the last event cuts nothing")
        #expect(blankAfter.records.count == 8)
        let notAnEvent = whole + Array(#"{"seq":9,"t":0,"type":"turnStarted","agent":"pm"}"#.utf8)
        #expect(throws: EventLogError.self, "a whole last line that is no event is an error, not a cut") {
            try EventLogReader.read(data: notAnEvent, path: "bad.jsonl")
        }
    }

    @Test("a line that is not an event names the file and line")
    func badLine() throws {
        let data = Data((EventLog.header + "\n" + #"{"seq":1,"t":0,"type":"turnStarted","agent":"pm"}"# + "\n").utf8)
        #expect {
            try EventLogReader.read(data: data, path: "bad.jsonl")
        } throws: { error in
            "\(error)".hasPrefix("bad.jsonl:2: not an event: missing 'round'")
        }
        let newer = Data(#"{"parley":"event-log","version":99}"#.utf8 + [0x0A])
        #expect(throws: EventLogError.self) { try EventLogReader.read(data: newer, path: "new.jsonl") }
    }
}

@Suite("JSON writer")
struct JSONWriterTests {
    @Test("strings keep no raw control character: C0, DEL and C1 are escaped, and read back the same")
    func controlsEscaped() throws {
        let text = "a\u{1B}[2J b\u{7F} c\u{9B}2J d\u{85} é 世 \"q\" \\ \n\t"
        var writer = JSONWriter()
        writer.object { $0.field("text", text) }
        let json = String(decoding: writer.bytes, as: UTF8.self)
        #expect(!json.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(json.contains(#"\u001b[2J"#) && json.contains(#"\u009b2J"#) && json.contains(#"\u007f"#))
        let decoded = try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [String: String]
        #expect(decoded?["text"] == text)
    }
}
