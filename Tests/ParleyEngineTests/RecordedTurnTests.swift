import Foundation
import ParleyCore
import ParleyModels
import Testing
@testable import ParleyEngine

@Suite("Event log v2: traces of every turn")
struct RecordedTurnTests {
    /// Runs a debate recorded to a fresh log and reads the log back.
    static func recorded(_ debate: Debate, before: (Debate) -> Void = { _ in }) async throws -> [EventRecord] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parley-v2-\(UUID()).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try EventLogWriter(path: path)
        debate.record(to: writer)
        before(debate)
        await debate.run()
        writer.close()
        let contents = try EventLogReader.read(path: path)
        #expect(contents.truncated == false)
        return contents.records
    }

    /// What a model is sent of a request: the system prompt, then each entry's role and content.
    static func wire(_ request: ChatRequest) -> [String] {
        [request.system] + request.messages.map { "\($0.role.rawValue): \($0.content)" }
    }

    @Test("every turn's request, peers' and facilitator's, rebuilds from the log exactly as the model got it (person, notes, folds), and event by event as a live trace reads them")
    func requestsRebuild() async throws {
        let peers: [AgentID] = ["pm", "eng", "cfo"]
        // Small contexts, so memories fold; replies post notes and name peers.
        let models = Dictionary(uniqueKeysWithValues: peers.map { id in
            (id, TestModel(contextTokens: 900) { request, onChunk in
                onChunk(.text("As \(id), round \(request.purpose) — @\(id == "pm" ? "eng" : "pm") I hold that costs matter and the plan should ship in a slice.\nCLAIM: \(id) claims point \(request.messages.count)."))
                onChunk(.usage(Usage(promptTokens: 10, completionTokens: 5)))
            })
        })
        let facilitator = TestModel(contextTokens: 1200) { request, onChunk in
            onChunk(.text("Summary of \(request.purpose): they disagree."))
        }
        var spec = Fixtures.spec(peers, rounds: 4)
        spec.facilitator?.backend = "test-facilitator"
        spec.backends["test-facilitator"] = .openai(OpenAIConfig(model: "facilitator"))
        for index in spec.agents.indices {
            spec.agents[index].backend = "test-\(spec.agents[index].id)"
            spec.backends["test-\(spec.agents[index].id)"] = .openai(OpenAIConfig(model: spec.agents[index].id.rawValue))
        }
        let provider = ModelProvider(http: { config in
            guard case .openai(let openai) = config else { throw DebateSetupError(message: "no test model") }
            if openai.model == "facilitator" { return facilitator }
            guard let model = models[AgentID(openai.model)] else { throw DebateSetupError(message: "no test model") }
            return model
        })
        let debate = try Debate(spec: spec, models: provider)
        let records = try await Self.recorded(debate) { debate in
            debate.send(.inject(text: "What does it cost? \u{1B}[2J", to: .peers(["cfo"])))
        }
        let turns = try RecordedTurns(records: records)
        let events = records.map(\.event)
        #expect(events.contains { if case .contextFolded = $0 { true } else { false } }, "memories folded")
        #expect(events.contains { if case .blackboardNote = $0 { true } else { false } })

        for id in peers {
            let sent = models[id]!.requests
            let traced = turns.traces.filter { $0.agent == id }
            #expect(sent.count == 4 && traced.count == 4)
            for (request, trace) in zip(sent, traced) {
                let turn = try turns.turn(.message(trace.message!))
                #expect(Self.wire(turn.request) == Self.wire(request))
            }
        }
        let summaries = turns.traces.filter { $0.agent == .facilitator }
        #expect(summaries.count == 5 && facilitator.requests.count == 5)
        for (request, trace) in zip(facilitator.requests, summaries) {
            #expect(Self.wire(try turns.turn(.summary(trace.summary!)).request) == Self.wire(request))
        }
        // Event by event (TurnRequests, for --otlp-content), the same requests come out in order.
        var live = try TurnRequests(info: turns.info)
        let rebuilt = events.compactMap { live.take($0) }
        #expect(rebuilt.count == turns.traces.count)
        for (request, key) in zip(rebuilt, turns.keys) {
            let recorded = try turns.turn(key).request
            #expect(Self.wire(request) == Self.wire(recorded))
            #expect("\(request.purpose)" == "\(recorded.purpose)")
        }
        // The memory holds each of these at least once.
        let refs = turns.traces.flatMap { (trace: TurnTrace) in trace.memory }
        #expect(refs.contains { if case .note = $0 { true } else { false } })
        #expect(refs.contains { if case .fold = $0 { true } else { false } })
        #expect(refs.contains { if case .summary = $0 { true } else { false } })
        // Each trace comes just before its message.
        for (index, event) in events.enumerated() {
            guard case .turnTraced(let trace) = event, let id = trace.message else { continue }
            guard case .messageCompleted(let message) = events[index + 1] else {
                Issue.record("trace of \(id) not followed by its message")
                continue
            }
            #expect(message.id == id)
        }
    }

    @Test("a trace keeps the system prompt once per peer, memory by reference, and the answer's finish, timing and retries")
    func traceShape() async throws {
        let spec = Fixtures.spec(["pm", "eng", "cfo"], rounds: 3)
        let records = try await Self.recorded(try Fixtures.debate(spec))
        let traces = records.compactMap { record -> TurnTrace? in if case .turnTraced(let trace) = record.event { trace } else { nil } }
        let pm = traces.filter { $0.agent == "pm" }
        #expect(pm.count == 3)
        #expect(pm[0].system != nil && pm[1].system == nil && pm[2].system == nil, "the system prompt is stored once")
        guard case .earlier(let kept)? = pm[2].memory.first else {
            Issue.record("the memory does not refer to the previous request: \(pm[2].memory)")
            return
        }
        #expect(kept.lowerBound == 0 && kept.count >= 2, "the memory refers to the previous request")
        #expect(pm.allSatisfy { $0.backend == "scripted" && $0.finish == "stop" && $0.retries == 0 && $0.firstToken != nil })
        let choice = try #require(pm[1].choice)
        #expect(choice.reason == .peer && choice.reactsTo == MessageID(3))
        // Matched words are the argument's, and the message's it reacted to.
        let messages = records.compactMap { record -> Message? in if case .messageCompleted(let m) = record.event { m } else { nil } }
        let matching = traces.filter { !($0.choice?.matched.isEmpty ?? true) }
        #expect(!matching.isEmpty)
        for trace in matching {
            let choice = trace.choice!
            let argument = spec.agents.first { $0.id == trace.agent }!.arguments[choice.argument].lowercased()
            let heard = messages.first { $0.id == choice.reactsTo }!.text.lowercased()
            #expect(choice.matched.allSatisfy { argument.contains($0.lowercased()) && heard.contains($0.lowercased()) })
        }
        let turns = try RecordedTurns(records: records)
        let opened = try turns.turn(.message(pm[1].message!))
        #expect(opened.trace.memory.count == opened.memory.count)
        #expect(opened.cue.content.contains("PM, what do you say to that? (Round 2 of 3.)"))
        #expect(opened.backend == .scripted(ScriptedConfig()))
    }

    @Test("a retried call cut at max_tokens is traced with its retries, its finish and the time of its first token")
    func retriesAndFinish() async throws {
        let model = TestModel { _, onChunk in
            onChunk(.retrying(attempt: 2, delay: 0, reason: "HTTP 503"))
            onChunk(.retrying(attempt: 3, delay: 0, reason: "HTTP 503"))
            onChunk(.text("Costs matter"))
            onChunk(.truncated)
        }
        let spec = Fixtures.spec(["pm", "eng"], rounds: 1, facilitator: false)
        let records = try await Self.recorded(try TestDebate.make(spec, models: ["pm": model]))
        let traces = records.compactMap { record -> TurnTrace? in if case .turnTraced(let trace) = record.event { trace } else { nil } }
        let pm = try #require(traces.first { $0.agent == "pm" })
        #expect(pm.retries == 2 && pm.finish == "length" && pm.backend == "test-pm")
        let firstToken = try #require(pm.firstToken)
        #expect(firstToken >= 0 && firstToken <= pm.duration)
        #expect(pm.choice == nil, "only scripted personas choose arguments")
        let eng = try #require(traces.first { $0.agent == "eng" })
        #expect(eng.retries == 0 && eng.finish == "stop" && eng.choice != nil)
    }

    @Test("a turn that is not in the log says which are near and how to list them; the person's message says no model was asked")
    func missingTurns() async throws {
        let debate = try Fixtures.debate(Fixtures.spec(["pm", "eng"], rounds: 2))
        let records = try await Self.recorded(debate) { $0.send(.inject(text: "hello", to: .everyone)) }
        let turns = try RecordedTurns(records: records)
        let error = #expect(throws: RecordedTurnError.self) { try turns.turn(.message(MessageID(99))) }
        #expect(error?.description.contains("no model turn #99 (nearest: #3, #4, #5)") == true)
        #expect(error?.description.contains("`parley inspect LOG` lists the turns") == true)
        let person = #expect(throws: RecordedTurnError.self) { try turns.turn(.message(MessageID(1))) }
        #expect(person?.description.contains("#1 is the person's message") == true)
        #expect(RecordedTurns.Key("#12") == .message(MessageID(12)) && RecordedTurns.Key("s3") == .summary(.round(3)))
        #expect(RecordedTurns.Key("sfinal") == .summary(.final) && RecordedTurns.Key("x") == nil)
    }

    @Test("a trace that refers to more than its agent's previous request had is an error saying the log may be damaged")
    func damagedTrace() async throws {
        let records = try await Self.recorded(try Fixtures.debate(Fixtures.spec(["pm", "eng"], rounds: 2)))
        let damaged = records.map { record -> EventRecord in
            guard case .turnTraced(var trace) = record.event, trace.message == MessageID(4) else { return record }
            trace.memory = [.earlier(0..<999)]
            return EventRecord(seq: record.seq, time: record.time, event: .turnTraced(trace))
        }
        let turns = try RecordedTurns(records: damaged)
        _ = try turns.turn(.message(MessageID(3)))
        let error = #expect(throws: RecordedTurnError.self) { try turns.turn(.message(MessageID(4))) }
        #expect(error?.description.contains("the recording may be damaged") == true)
    }

    @Test("an 8-peer scripted debate's v2 log is at most twice the size of the same log without v2's additions")
    func sizeStaysLinear() async throws {
        let ids = (0..<8).map { AgentID(rawValue: "p\($0)") }
        let spec = Fixtures.spec(ids, rounds: 150)
        let records = try await Self.recorded(try Fixtures.debate(spec))
        var writer = JSONWriter(capacity: 4096)
        func size(_ records: [EventRecord]) -> Int { records.reduce(0) { $0 + EventLog.line($1, into: &writer).count } }
        let v2 = size(records)
        // Today's (version 1) log: no traces, no spec.
        let v1 = size(records.compactMap { record in
            switch record.event {
            case .turnTraced: return nil
            case .debateStarted(var info):
                info.spec = nil
                return EventRecord(seq: record.seq, time: record.time, event: .debateStarted(info))
            default: return record
            }
        })
        print("8 peers × 150 rounds, scripted: version 1 log \(v1) bytes, version 2 log \(v2) bytes, ratio \(Double(v2) / Double(v1))")
        #expect(records.count(where: { if case .turnTraced = $0.event { true } else { false } }) == 8 * 150 + 151)
        #expect(Double(v2) <= 2 * Double(v1))
    }

    @Test("a version 1 recording still reads and replays to its end; it has no spec to inspect")
    func versionOneReplays() async throws {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let records = try EventLogReader.read(path: here.appendingPathComponent("Recordings/v1-demo.jsonl").path).records
        #expect(records.count == 32)
        let replay = Replay(records: records, speed: 0)
        let collector = EventCollector()
        let stream = replay.events()
        let done = Task { for await record in stream { await collector.add(record) } }
        #expect(await replay.run() == .completed)
        await done.value
        let replayed = await collector.events
        func completed(_ events: [DebateEvent]) -> [DebateEvent] {
            events.filter { if case .messageCompleted = $0 { true } else if case .summaryCompleted = $0 { true } else { false } }
        }
        #expect(completed(replayed) == completed(records.map(\.event)))
        #expect(completed(replayed).count == 9)
        #expect(replayed.last == records.last?.event)
        #expect(throws: RecordedTurnError.self) { try RecordedTurns(records: records) }
    }
}
