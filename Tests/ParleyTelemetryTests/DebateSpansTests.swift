import Foundation
import InMemoryTracing
import ParleyCore
import ParleyEngine
import ParleyModels
import Testing
import Tracing
@testable import ParleyTelemetry

@Suite("A debate's events become spans")
struct DebateSpansTests {
    @Test("a scripted debate is one invoke_workflow span, an invoke_agent span per turn under it, a chat span under each")
    func scriptedDebate() async throws {
        let (tracer, events) = try await Samples.traced(conversation: "run-7", content: false)
        #expect(events.last == .debateFinished(.completed, usage: events.usage))
        let turns = events.filter {
            switch $0 {
            case .messageCompleted, .summaryCompleted: true
            default: false
            }
        }

        let finished = tracer.finishedSpans
        let workflows = finished.filter { $0.operationName.hasPrefix("invoke_workflow") }
        try #require(workflows.count == 1)
        let workflow = workflows[0]
        #expect(workflow.operationName == "invoke_workflow Test debate")
        #expect(workflow.parentSpanID == nil)
        #expect(workflow.attributes["gen_ai.operation.name"]?.toSpanAttribute() == "invoke_workflow")
        #expect(workflow.attributes["gen_ai.conversation.id"]?.toSpanAttribute() == "run-7")
        #expect(workflow.attributes["parley.protocol"]?.toSpanAttribute() == "round-robin")
        #expect(workflow.attributes["parley.finish"]?.toSpanAttribute() == "completed")

        let agents = finished.filter { $0.operationName.hasPrefix("invoke_agent ") }
        #expect(agents.count == turns.count)
        #expect(agents.count == 2 * 2 + 3)  // two peers for two rounds; two round summaries and the final one
        #expect(agents.allSatisfy { $0.parentSpanID == workflow.spanID && $0.traceID == workflow.traceID })
        #expect(Set(agents.map(\.operationName)) == ["invoke_agent PM", "invoke_agent ENG", "invoke_agent Mo"])
        let pm = try #require(agents.first { $0.operationName == "invoke_agent PM" })
        #expect(pm.attributes["gen_ai.agent.id"]?.toSpanAttribute() == "pm")
        #expect(pm.attributes["parley.round"]?.toSpanAttribute() == 1)
        #expect(pm.attributes["parley.message.to"]?.toSpanAttribute() == .stringArray(["everyone"]))
        #expect(pm.attributes["gen_ai.provider.name"]?.toSpanAttribute() == "parley.scripted")
        #expect(agents.allSatisfy { $0.status == nil })

        let chats = finished.filter { $0.operationName.hasPrefix("chat ") }
        #expect(chats.count == agents.count)
        #expect(Set(chats.compactMap(\.parentSpanID)) == Set(agents.map(\.spanID)))
        for chat in chats {
            #expect(chat.operationName == "chat scripted")
            #expect(chat.kind == .client)
            #expect(chat.attributes["gen_ai.request.model"]?.toSpanAttribute() == "scripted")
            #expect(chat.attributes["gen_ai.response.finish_reasons"]?.toSpanAttribute() == .stringArray(["stop"]))
            #expect(chat.attributes["gen_ai.conversation.id"]?.toSpanAttribute() == "run-7")
            #expect(chat.attributes["gen_ai.usage.output_tokens"] != nil)
            #expect(chat.attributes["gen_ai.input.messages"] == nil)
            #expect(chat.attributes["gen_ai.output.messages"] == nil)
            let parent = try #require(agents.first { $0.spanID == chat.parentSpanID })
            #expect(chat.startInstant.nanosecondsSinceEpoch >= parent.startInstant.nanosecondsSinceEpoch)
            #expect(chat.endInstant.nanosecondsSinceEpoch <= parent.endInstant.nanosecondsSinceEpoch)
        }
        #expect(finished.allSatisfy { $0.endInstant.nanosecondsSinceEpoch >= $0.startInstant.nanosecondsSinceEpoch })
    }

    @Test("with contents, a chat span holds the whole request its model was sent: system prompt, memory, cue; and the answer")
    func wholeRequests() async throws {
        let (tracer, events) = try await Samples.traced(conversation: "c", content: true)
        let messages = events.compactMap { event -> Message? in
            if case .messageCompleted(let message) = event { message } else { nil }
        }
        try #require(messages.count == 4)
        let chats = tracer.finishedSpans.filter { $0.operationName.hasPrefix("chat ") }
        let answers = try chats.map { chat -> (input: [[String: Any]], output: String) in
            let input = try #require(chat.attributes["gen_ai.input.messages"]?.toSpanAttribute())
            let output = try #require(chat.attributes["gen_ai.output.messages"]?.toSpanAttribute())
            guard case .string(let inputJSON) = input, case .string(let outputJSON) = output else { throw SpanContentError() }
            let parsed = try JSONSerialization.jsonObject(with: Data(inputJSON.utf8)) as? [[String: Any]] ?? []
            return (parsed, outputJSON)
        }
        // ENG's first turn: it heard PM's first message, then was cued.
        let eng = try #require(answers.first { $0.output.contains(Self.json(messages[1].text)) })
        #expect(eng.input.count >= 2)
        let contents = eng.input.compactMap { ($0["parts"] as? [[String: Any]])?.first?["content"] as? String }
        #expect(contents.contains { $0.contains(messages[0].text) })
        #expect(eng.input.last?["role"] as? String == "user")
        #expect(eng.input.allSatisfy { ["user", "assistant", "system"].contains($0["role"] as? String) })
        // PM's second turn remembers its own first message as the assistant's.
        let pmAgain = try #require(answers.first { $0.output.contains(Self.json(messages[2].text)) })
        #expect(pmAgain.input.contains { $0["role"] as? String == "assistant" })
        #expect(chats.allSatisfy { $0.attributes["gen_ai.system_instructions"] != nil })
    }

    /// `text` as it stands inside a JSON string.
    static func json(_ text: String) -> String {
        var writer = JSONWriter()
        writer.element(text)
        return String(String(decoding: writer.bytes, as: UTF8.self).dropFirst().dropLast())
    }

    struct SpanContentError: Error {}

    @Test("message contents go into the chat spans only when asked")
    func contents() throws {
        let tracer = InMemoryTracer()
        let spans = DebateSpans(tracer: tracer, conversation: "c", content: true, now: { 1_000 })
        for record in Samples.oneTurn(text: "Ship the narrow slice.") { spans.take(record) }
        let chat = try #require(tracer.finishedSpans.first { $0.operationName == "chat qwen3" })
        let input = try #require(chat.attributes["gen_ai.input.messages"]?.toSpanAttribute())
        #expect("\(input)".contains("Your turn, PM."))
        let output = try #require(chat.attributes["gen_ai.output.messages"]?.toSpanAttribute())
        #expect("\(output)".contains("Ship the narrow slice."))
        #expect(chat.attributes["gen_ai.system_instructions"]?.toSpanAttribute() == .string(#"[{"type":"text","content":"You are PM."}]"#))

        let quiet = InMemoryTracer()
        let without = DebateSpans(tracer: quiet, conversation: "c", content: false, now: { 1_000 })
        for record in Samples.oneTurn(text: "Ship the narrow slice.") { without.take(record) }
        #expect(quiet.finishedSpans.count == 3)
        for span in quiet.finishedSpans {
            for key in ["gen_ai.input.messages", "gen_ai.output.messages", "gen_ai.system_instructions", "parley.question"] {
                #expect(span.attributes[key] == nil)
            }
        }
    }

    @Test("spans start and end at the events' instants, on an OpenAI-compatible backend")
    func instants() throws {
        let tracer = InMemoryTracer()
        let spans = DebateSpans(tracer: tracer, conversation: "c", content: false, now: { 1_000 })
        for record in Samples.oneTurn(text: "Yes.") { spans.take(record) }
        let finished = tracer.finishedSpans
        let workflow = try #require(finished.first { $0.operationName.hasPrefix("invoke_workflow") })
        let turn = try #require(finished.first { $0.operationName == "invoke_agent PM" })
        let chat = try #require(finished.first { $0.operationName == "chat qwen3" })
        // The debate's time 0 is the wall clock's 1000 s (debateStarted at 0.0 s).
        #expect(workflow.startInstant.nanosecondsSinceEpoch == 1_000_000_000_000)
        #expect(workflow.endInstant.nanosecondsSinceEpoch == 1_004_000_000_000)
        #expect(turn.startInstant.nanosecondsSinceEpoch == 1_001_000_000_000)
        #expect(turn.endInstant.nanosecondsSinceEpoch == 1_003_500_000_000)
        // The call took 1.5 s and was traced at 3.0 s.
        #expect(chat.startInstant.nanosecondsSinceEpoch == 1_001_500_000_000)
        #expect(chat.endInstant.nanosecondsSinceEpoch == 1_003_000_000_000)
        #expect(chat.attributes["gen_ai.provider.name"]?.toSpanAttribute() == "openai")
        #expect(chat.attributes["gen_ai.usage.input_tokens"]?.toSpanAttribute() == 120)
        #expect(chat.attributes["gen_ai.usage.output_tokens"]?.toSpanAttribute() == 30)
        #expect(chat.attributes["gen_ai.response.time_to_first_chunk"]?.toSpanAttribute() == 0.25)
        #expect(chat.attributes["parley.backend"]?.toSpanAttribute() == "local")
        #expect(chat.attributes["gen_ai.request.temperature"]?.toSpanAttribute() == 0.7)
        #expect(chat.attributes["gen_ai.request.max_tokens"]?.toSpanAttribute() == 400)
        #expect(chat.attributes["server.address"]?.toSpanAttribute() == "127.0.0.1")
        #expect(chat.attributes["server.port"]?.toSpanAttribute() == 9)
        #expect(workflow.attributes["gen_ai.usage.input_tokens"]?.toSpanAttribute() == 120)
    }

    @Test("a retried call and a failed turn are spans with status error")
    func failures() throws {
        let tracer = InMemoryTracer()
        let spans = DebateSpans(tracer: tracer, conversation: "c", content: false, now: { 1_000 })
        let info = Samples.info()
        let records: [DebateEvent] = [
            .debateStarted(info),
            .turnStarted(agent: "pm", round: 1, message: MessageID(1)),
            .turnRetrying(agent: "pm", attempt: 1, delay: 0.5, reason: "HTTP 503 from http://127.0.0.1:9/v1"),
            .peerFailed(PeerFailure(agent: "pm", round: 1, error: "connection refused", retryable: true)),
            .turnStarted(agent: "pm", round: 1, message: MessageID(1)),
            .turnStarted(agent: "eng", round: 1, message: MessageID(2)),
            .debateFinished(.stopped, usage: .zero),
        ]
        for (index, event) in records.enumerated() {
            spans.take(EventRecord(seq: index + 1, time: Double(index), event: event))
        }
        let finished = tracer.finishedSpans
        let chats = finished.filter { $0.operationName == "chat qwen3" }
        #expect(chats.count == 2)
        #expect(chats.allSatisfy { $0.status?.code == .error })
        #expect(chats.map { $0.attributes["error.type"]?.toSpanAttribute() } == ["retried", "failed"])
        #expect(chats[0].status?.message == "HTTP 503 from http://127.0.0.1:9/v1")
        // The second attempt began after the retry's delay.
        #expect(chats[1].startInstant.nanosecondsSinceEpoch == 1_002_500_000_000)
        let turns = finished.filter { $0.operationName.hasPrefix("invoke_agent") }
        #expect(turns.count == 3)
        #expect(turns.allSatisfy { $0.status?.code == .error })
        #expect(turns[0].status?.message == "connection refused")
        #expect(turns[0].attributes["parley.retries"]?.toSpanAttribute() == 1)
        #expect(turns.dropFirst().allSatisfy { $0.attributes["error.type"]?.toSpanAttribute() == "cancelled" })
        let workflow = try #require(finished.first { $0.operationName.hasPrefix("invoke_workflow") })
        #expect(workflow.attributes["parley.finish"]?.toSpanAttribute() == "stopped")
        #expect(tracer.activeSpans.isEmpty)
    }

    @Test("a fork's shared history is not traced again")
    func forkHistory() {
        let tracer = InMemoryTracer()
        let spans = DebateSpans(tracer: tracer, conversation: "c", content: false, now: { 1_000 })
        var info = Samples.info()
        info.fork = ForkOrigin(parent: "run.jsonl", message: MessageID(2), sharedThrough: 3)
        let turn = Samples.oneTurn(text: "Again.")
        spans.take(EventRecord(seq: 1, time: 0, event: .debateStarted(info)))
        // The parent's turn, shown again as seq 2 and 3, then the branch's own turn.
        spans.take(EventRecord(seq: 2, time: 1, event: turn[1].event))
        spans.take(EventRecord(seq: 3, time: 2, event: turn[3].event))
        spans.take(EventRecord(seq: 4, time: 3, event: .turnStarted(agent: "eng", round: 1, message: MessageID(2))))
        spans.take(EventRecord(seq: 5, time: 4, event: .debateFinished(.completed, usage: .zero)))
        let names = tracer.finishedSpans.map(\.operationName)
        #expect(names.filter { $0.hasPrefix("invoke_agent") } == ["invoke_agent ENG"])
        let workflow = tracer.finishedSpans.first { $0.operationName.hasPrefix("invoke_workflow") }
        #expect(workflow?.attributes["parley.fork.parent"]?.toSpanAttribute() == "run.jsonl")
    }
}

/// Debates and events for the tests.
enum Samples {
    /// Runs a scripted debate of two rounds with its spans on an in-memory tracer.
    static func traced(conversation: String, content: Bool) async throws -> (InMemoryTracer, [DebateEvent]) {
        let tracer = InMemoryTracer()
        let debate = try Debate(spec: spec(rounds: 2), models: ModelProvider(scriptedPace: 0))
        let spans = DebateSpans(tracer: tracer, conversation: conversation, content: content)
        debate.bus.addSink { spans.take($0) }
        let feed = debate.events()
        let collected = Task { await feed.reduce(into: [DebateEvent]()) { $0.append($1.event) } }
        await debate.run()
        return (tracer, await collected.value)
    }

    static func spec(rounds: Int = 3) -> DebateSpec {
        DebateSpec(
            title: "Test debate", question: "Should we build feature X?", rounds: rounds,
            backends: [
                "local": .openai(
                    OpenAIConfig(baseURL: "http://127.0.0.1:9/v1", model: "qwen3", sampling: Sampling(temperature: 0.7, maxTokens: 400)))
            ],
            agents: [
                AgentSpec(id: "pm", name: "PM", role: "pm role", arguments: ["Users churn without it."]),
                AgentSpec(id: "eng", name: "ENG", role: "eng role", arguments: ["It takes two quarters."]),
            ],
            facilitator: FacilitatorSpec(name: "Mo"))
    }

    /// A debate whose peers are on an OpenAI-compatible backend named `local`, model `qwen3`.
    static func info() -> DebateInfo {
        var spec = spec()
        for index in spec.agents.indices { spec.agents[index].backend = "local" }
        return DebateInfo(
            title: spec.title, question: spec.question, floor: .roundRobin, rounds: spec.rounds,
            agents: spec.agents.map { Agent(id: $0.id, name: $0.name, role: $0.role, model: "qwen3") },
            facilitator: Agent(id: .facilitator, name: "Mo", role: "facilitator", model: "scripted"),
            pace: PaceState(mode: .live), spec: spec.recorded)
    }

    /// PM's one turn (1.0 s to 3.5 s, its model call 1.5 s long ending at 3.0 s), then the end at 4.0 s.
    static func oneTurn(text: String) -> [EventRecord] {
        let start = Date(timeIntervalSince1970: 1_001)
        let message = Message(
            id: MessageID(1), sender: "pm", to: .everyone, round: 1, text: text,
            usage: Usage(promptTokens: 120, completionTokens: 30), startedAt: start, completedAt: start + 2.5)
        let trace = TurnTrace(
            agent: "pm", message: MessageID(1), system: "You are PM.", memory: [], cue: "Your turn, PM.", backend: "local",
            firstToken: 0.25, duration: 1.5)
        let events: [(Double, DebateEvent)] = [
            (0, .debateStarted(info())),
            (1, .turnStarted(agent: "pm", round: 1, message: MessageID(1))),
            (3, .turnTraced(trace)),
            (3.5, .messageCompleted(message)),
            (4, .debateFinished(.completed, usage: Usage(promptTokens: 120, completionTokens: 30))),
        ]
        return events.enumerated().map { EventRecord(seq: $0.offset + 1, time: $0.element.0, event: $0.element.1) }
    }
}

extension [DebateEvent] {
    /// The whole debate's usage, as its last event says.
    var usage: Usage {
        if case .debateFinished(_, let usage)? = last { usage } else { .zero }
    }
}
