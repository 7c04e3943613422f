import Foundation
import ParleyCore
import ParleyModels
import Testing
@testable import ParleyEngine

@Suite("Event log v2: the debate's spec in the first event")
struct RecordedSpecTests {
    /// A spec with every setting given a value that is not its default.
    static let full: DebateSpec = {
        let sampling = Sampling(
            temperature: 0.3, maxTokens: 200, seed: 7, topP: 0.9, frequencyPenalty: 0.5, presencePenalty: -0.5,
            stop: ["\n\n", "END"], repeatPenalty: 1.1)
        let http = HTTPSettings(headers: ["X-Trace": "t-1"], maxAttempts: 2, idleTimeout: 45, connectTimeout: 3)
        return DebateSpec(
            title: "Pricing \"tiers\"", question: "Raise prices?\nBy how much?", rounds: 5, floor: .mention,
            pace: PaceState(mode: .step, delay: 0.5),
            guards: GuardSpec(tokenBudget: 9000, costBudget: 1.25, turnTimeout: 30, repetition: RepetitionSpec(threshold: 0.7, stops: true)),
            backends: [
                "local": .openai(
                    OpenAIConfig(
                        baseURL: "http://127.0.0.1:8571/v1?api-version=2024-10-21", model: "smollm2", apiKeyEnv: "LOCAL_KEY",
                        sampling: sampling, contextTokens: 4096, price: Price(promptPerMillion: 1, completionPerMillion: 2),
                        showReasoning: false, http: http)),
                "claude": .anthropic(AnthropicConfig(model: "claude-sonnet-4-5", apiKeyEnv: "MY_ANTHROPIC", version: "2024-01-01")),
                "slow": .scripted(ScriptedConfig(wordsPerSecond: 3)),
            ],
            agents: [
                AgentSpec(
                    id: "cfo", name: "Dana", role: "CFO", backend: "local", colour: "#ff8800", systemPrompt: "You are Dana.",
                    arguments: ["Margins first.", "Churn costs."], promptStyle: .compact),
                AgentSpec(id: "pm", name: "Priya", role: "PM", backend: "claude"),
                AgentSpec(id: "eng", name: "Sam", role: "Engineer", backend: "slow", arguments: ["Two quarters."]),
            ],
            facilitator: FacilitatorSpec(name: "Mo", backend: "local", systemPrompt: "Summarize fairly."))
    }()

    /// The spec as the first line of a log holds it, read back through the log reader.
    static func throughLog(_ spec: DebateSpec, repetitionOff: Bool = false) throws -> DebateSpec {
        let info = DebateInfo(
            title: spec.title, question: spec.question, floor: spec.floor, rounds: spec.rounds, agents: [], facilitator: nil,
            pace: spec.pace, spec: spec.recorded)
        var writer = JSONWriter()
        let line = EventLog.line(EventRecord(seq: 1, time: 0, event: .debateStarted(info)), into: &writer)
        let log = Data((EventLog.header + "\n").utf8 + line)
        return try DebateSpec(recording: try EventLogReader.read(data: log, path: "test.jsonl").records)
    }

    @Test("every setting of the debate file reads back from the log as the same, runnable spec")
    func roundTrip() throws {
        #expect(try Self.throughLog(Self.full) == Self.full)
        var plain = Fixtures.spec()
        plain.guards.repetition = nil
        plain.facilitator = nil
        #expect(try Self.throughLog(plain) == plain)
        // Runnable: a debate builds from it.
        _ = try Debate(spec: try Self.throughLog(Fixtures.spec()), models: ModelProvider(scriptedPace: 0))
    }

    @Test("a recording of a live debate holds its spec; a spec missing a field names it")
    func fromARecording() async throws {
        let spec = Fixtures.spec(["pm", "eng"], rounds: 1)
        let records = try await RecordedTurnTests.recorded(try Fixtures.debate(spec))
        #expect(try DebateSpec(recording: records) == spec)
        var broken = spec.recorded.object!
        broken["agents"] = .array([.object(["id": .string("pm")])])
        let error = #expect(throws: RecordedSpecError.self) { try DebateSpec(recorded: JSONValue.object(broken)) }
        #expect(error?.field == "debate.spec.agents[0].prompt_style" || error?.field == "debate.spec.agents[0].name")
    }

    @Test("no secret reaches the log: base_url credentials and key-like headers are cut, the key's variable kept by name")
    func noSecrets() async throws {
        let key = "sk-live-0123456789abcdefXYZ"
        setenv("PARLEY_RECORDED_KEY", key, 1)
        defer { unsetenv("PARLEY_RECORDED_KEY") }
        var spec = Fixtures.spec(["pm", "eng"], rounds: 1)
        spec.backends["remote"] = .openai(
            OpenAIConfig(
                baseURL: "http://dana:hunter2pw@127.0.0.1:9/v1?api_key=\(key)&api-version=2024-10-21#\(key)", model: "m",
                apiKeyEnv: "PARLEY_RECORDED_KEY",
                http: HTTPSettings(headers: ["X-Api-Key": "plain-value", "X-Team": "ghp_abcdefghijklmnop0123", "X-Trace": "t-1"])))
        spec.agents[0].backend = "remote"
        let model = TestModel { _ in "Costs matter." }
        let debate = try Debate(spec: spec, models: ModelProvider(http: { _ in model }, scriptedPace: 0))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parley-secrets-\(UUID()).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try EventLogWriter(path: path)
        debate.record(to: writer)
        await debate.run()
        writer.close()
        let log = try String(contentsOfFile: path, encoding: .utf8)
        for secret in [key, "hunter2pw", "dana", "plain-value", "ghp_abcdefghijklmnop0123"] {
            #expect(!log.contains(secret), "\(secret) in the log")
        }
        let recorded = try DebateSpec(recording: try EventLogReader.read(path: path).records)
        guard case .openai(let config)? = recorded.backends["remote"] else {
            Issue.record("the remote backend was not recorded")
            return
        }
        #expect(config.apiKeyEnv == "PARLEY_RECORDED_KEY")
        #expect(config.baseURL == "http://127.0.0.1:9/v1?api-version=2024-10-21")
        #expect(config.http.headers == ["X-Trace": "t-1"])
    }
}
