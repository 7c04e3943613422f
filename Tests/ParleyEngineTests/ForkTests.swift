import ParleyCore
import ParleyModels
import Testing
@testable import ParleyEngine

@Suite("Forks")
struct ForkTests {
    /// A scripted debate that names peers (the mention floor follows them), posts on the
    /// blackboard and repeats itself in its last round (the repetition guard flags it).
    static func spec(_ floor: FloorProtocol) -> DebateSpec {
        var arguments = Fixtures.arguments
        arguments["pm"]![1] = "A narrow first slice lets us learn; @cfo could fund it.\nCLAIM: a narrow slice costs less"
        arguments["eng"]![0] = "A sync engine takes two quarters to build; @pm should weigh that.\nQUESTION: can we buy sync instead?"
        return Fixtures.spec(
            floor: floor, rounds: 3, pace: PaceState(mode: .step), guards: GuardSpec(tokenBudget: 1_000_000),
            arguments: arguments)
    }

    /// The original: two turns stepped, the person asks the engineer, then it runs to its end.
    static func original(_ spec: DebateSpec) async throws -> [EventRecord] {
        try await Recorded.run(try Fixtures.debate(spec)) { debate, events in
            for turn in 1...2 {
                debate.send(.stepTurn)
                await events.wait(forCount: turn) { $0.completedMessage != nil }
            }
            debate.send(.inject(text: "what does the sync engine cost?", to: .peers(["eng"])))
            await events.wait(forCount: 1) { if case .humanMessage = $0 { true } else { false } }
            debate.send(.resume)
        }
    }

    /// What must be the same in a fork's message: under simultaneous, who went first in a round
    /// is the executor's choice, so ids (and the ids replies point to) are left out there.
    static func said(_ message: Message, _ floor: FloorProtocol) -> String {
        let what = "\(message.sender) r\(message.round) \(message.to) \(message.text)"
        guard floor != .simultaneous else { return what }
        return "#\(message.id) ↩\(message.replyTo.map(String.init(describing:)) ?? "-") " + what
    }

    @Test("a scripted debate forked at any turn with its own file says what the original said from there on", arguments: FloorProtocol.allCases)
    func reproduces(floor: FloorProtocol) async throws {
        var spec = Self.spec(floor)
        let original = try await Self.original(spec)
        let person = original.compactMap { if case .humanMessage(let said) = $0.event { said.id } else { nil } }.first!
        spec.pace = PaceState(mode: .live)
        let turns = original.messages.filter { $0.id > person }
        #expect(turns.count == 7)
        for turn in turns {
            let point = try ForkPoint(records: original, at: turn.id, parent: "original.jsonl")
            let records = try await Recorded.run(try Debate(forking: point, spec: spec, models: ModelProvider(scriptedPace: 0)))
            let (shared, branch) = try #require(records.forkParts)
            let before = original.messages.filter { !point.records.messages.map(\.id).contains($0.id) }
            let sort = { (messages: [Message]) in
                messages.map { Self.said($0, floor) }.sorted { floor == .simultaneous ? $0 < $1 : false }
            }
            #expect(sort(Array(branch).messages) == sort(before), "forked at \(turn.id)")
            #expect(Array(shared).messages == point.records.messages, "forked at \(turn.id)")
            // Under simultaneous a summary lists a round's messages in the order they came.
            guard floor != .simultaneous else { continue }
            let summaries = Array(branch).summaries
            #expect(summaries[.final] == original.summaries[.final], "forked at \(turn.id)")
            for (scope, text) in summaries { #expect(original.summaries[scope] == text, "forked at \(turn.id): \(scope)") }
        }
    }

    @Test("the fork's recording names its parent and fork point, and holds the shared history before its branch")
    func namesItsParent() async throws {
        var spec = Self.spec(.roundRobin)
        let original = try await Self.original(spec)
        spec.pace = PaceState(mode: .live)
        let at = original.messages[4].id
        let point = try ForkPoint(records: original, at: at, parent: "runs/original.jsonl")
        let records = try await Recorded.run(try Debate(forking: point, spec: spec, models: ModelProvider(scriptedPace: 0)))
        guard case .debateStarted(let info) = records.first?.event else { throw Failure("no debateStarted") }
        #expect(info.fork?.parent == "runs/original.jsonl")
        #expect(info.fork?.message == at)
        let (shared, branch) = try #require(records.forkParts)
        #expect(Array(shared).messages.map(\.id) == original.messages.prefix(4).map(\.id))
        #expect(branch.first?.event.turnAgent == original.messages[4].sender)
        // The branch goes on from the parent's clock.
        #expect(branch.first!.time >= shared.last!.time)
    }

    @Test("a fork that changes the set of agents is refused, naming those added and left out")
    func agentsChanged() async throws {
        let original = try await Self.original(Self.spec(.roundRobin))
        let point = try ForkPoint(records: original, at: original.messages[3].id)
        var spec = Self.spec(.roundRobin)
        spec.agents[2].id = "cto"
        #expect(throws: ForkError.agentsChanged(added: ["cto"], removed: ["cfo"])) {
            try Debate(forking: point, spec: spec)
        }
        #expect(String(describing: ForkError.agentsChanged(added: ["cto"], removed: ["cfo"])).hasPrefix(
            "the debate file adds @cto and leaves out @cfo; a fork keeps the original's agents"))
    }

    @Test("a fork point must be a peer's turn: the person's message and unknown ids are refused, saying which turns there are")
    func forkPointErrors() async throws {
        let original = try await Self.original(Self.spec(.roundRobin))
        let person = original.compactMap { if case .humanMessage(let said) = $0.event { said.id } else { nil } }.first!
        let turns = original.messages.map(\.id)
        #expect(throws: ForkError.personsMessage(person, turns: turns)) { try ForkPoint(records: original, at: person) }
        #expect(throws: ForkError.noSuchTurn(MessageID(999), turns: turns)) { try ForkPoint(records: original, at: MessageID(999)) }
        #expect(throws: ForkError.notADebate) { try ForkPoint(records: Array(original.dropFirst()), at: turns[0]) }
    }

    @Test("an edited persona says something else from the fork on, while the shared history stays the original's")
    func editedArguments() async throws {
        var spec = Self.spec(.roundRobin)
        let original = try await Self.original(spec)
        spec.pace = PaceState(mode: .live)
        let turn = original.messages[5]
        let index = spec.agents.firstIndex { $0.id == turn.sender }!
        spec.agents[index].arguments = ["Something nobody argued in the original."]
        let point = try ForkPoint(records: original, at: turn.id)
        let records = try await Recorded.run(try Debate(forking: point, spec: spec, models: ModelProvider(scriptedPace: 0)))
        let (shared, branch) = try #require(records.forkParts)
        #expect(Array(shared).messages == Array(original.messages.prefix(5)))
        #expect(Array(branch).messages.first?.text.hasSuffix("Something nobody argued in the original.") == true)
    }

    @Test("at every turn, a fork's first request to the speaker's model is the one the original sent: folded memories, notes and the person's message included", arguments: FloorProtocol.allCases)
    func firstRequestIsTheOriginals(floor: FloorProtocol) async throws {
        // Models with a small context, so that memories fold; each message posts a claim.
        func models() -> [AgentID: TestModel] {
            Dictionary(uniqueKeysWithValues: ["pm", "eng", "cfo"].map { id in
                (AgentID(id), TestModel(contextTokens: 400) { request, onChunk in
                    let round = if case .turn(let round) = request.purpose { round } else { 0 }
                    let heard = request.messages.filter { $0.kind == .peer || $0.kind == .human }.count
                    onChunk(.text("\(id) in round \(round) heard \(heard) messages and answers them at some length, so that memories grow.\nCLAIM: \(id) holds point \(round)"))
                    onChunk(.usage(Usage(promptTokens: 10, completionTokens: 5)))
                })
            })
        }
        var spec = Fixtures.spec(floor: floor, rounds: 4, pace: PaceState(mode: .step))
        let first = models()
        let (wired, provider) = TestDebate.wired(spec, models: first)
        let original = try await Recorded.run(try Debate(spec: wired, models: provider)) { debate, events in
            debate.send(.stepTurn)
            await events.wait(forCount: 1) { $0.completedMessage != nil }
            debate.send(.inject(text: "@eng what does it cost?", to: .peers(["eng"])))
            await events.wait(forCount: 1) { if case .humanMessage = $0 { true } else { false } }
            debate.send(.resume)
        }
        #expect(original.contains { if case .contextFolded = $0.event { true } else { false } }, "memories folded")
        spec.pace = PaceState(mode: .live)
        for turn in original.messages {
            let again = models()
            let (wired, provider) = TestDebate.wired(spec, models: again)
            let point = try ForkPoint(records: original, at: turn.id)
            _ = try await Recorded.run(try Debate(forking: point, spec: wired, models: provider))
            let asked = first[turn.sender]!.requests.first { $0.purpose == .turn(round: turn.round) }
            let askedAgain = again[turn.sender]!.requests.first
            #expect(askedAgain?.messages == asked?.messages, "forked at \(turn.id) (\(turn.sender), round \(turn.round))")
            #expect(askedAgain?.system == asked?.system)
        }
    }
}

/// A test's own failure.
struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
