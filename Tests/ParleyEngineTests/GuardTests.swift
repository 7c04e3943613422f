import ParleyCore
import ParleyModels
import Testing
@testable import ParleyEngine

@Suite("Guards")
struct GuardTests {
    @Test("the round limit ends the debate after exactly its rounds, with a final summary")
    func roundLimit() async throws {
        let debate = try Fixtures.debate(Fixtures.spec(rounds: 2))
        let (events, task) = EventCollector.start(debate)
        #expect(await debate.run() == .completed)
        await task.value
        let all = await events.events
        #expect(Set(all.messages.map(\.round)) == [1, 2])
        let scopes = all.compactMap { event -> SummaryScope? in
            if case .summaryCompleted(let summary) = event { summary.scope } else { nil }
        }
        #expect(scopes == [.round(1), .round(2), .final])
    }

    @Test("the token budget stops the debate after the turn that reached it")
    func tokenBudget() async throws {
        let model = TestModel { _, onChunk in
            onChunk(.text("A costly thought."))
            onChunk(.usage(Usage(promptTokens: 60, completionTokens: 40)))
        }
        var guards = GuardSpec(repetition: nil)
        guards.tokenBudget = 250
        let spec = Fixtures.spec(rounds: 3, guards: guards)
        let debate = try TestDebate.make(spec, models: ["pm": model, "eng": model, "cfo": model])
        let (events, task) = EventCollector.start(debate)
        #expect(await debate.run() == .guardTripped(.tokenBudget))
        await task.value
        let all = await events.events
        // 100 tokens a turn: the third turn reaches 300 ≥ 250; no turn starts after it.
        #expect(all.turns == ["pm", "eng", "cfo"])
        let trips = all.compactMap { event -> GuardTrip? in if case .guardTripped(let trip) = event { trip } else { nil } }
        #expect(trips.map(\.kind) == [.tokenBudget])
        #expect(trips.first?.stops == true)
        #expect(all.contains { if case .summaryCompleted(let summary) = $0 { summary.scope == .final } else { false } })
    }

    @Test("the cost budget stops the debate when the estimated cost reaches it")
    func costBudget() async throws {
        let model = TestModel { _, onChunk in
            onChunk(.text("Spend."))
            onChunk(.usage(Usage(promptTokens: 1, completionTokens: 1, cost: 0.25)))
        }
        var guards = GuardSpec(repetition: nil)
        guards.costBudget = 0.5
        let debate = try TestDebate.make(
            Fixtures.spec(rounds: 3, guards: guards, facilitator: false), models: ["pm": model, "eng": model, "cfo": model])
        let (events, task) = EventCollector.start(debate)
        #expect(await debate.run() == .guardTripped(.costBudget))
        await task.value
        #expect(await events.events.turns == ["pm", "eng"])
    }

    @Test("a turn over the timeout is cancelled, flagged, and fails like any other")
    func turnTimeout() async throws {
        let stuck = TestModel { _, _ in
            // A server that never answers: waits until cancelled.
            try await Latch().wait()
        }
        var guards = GuardSpec(repetition: nil)
        guards.turnTimeout = 2  // the scripted peers answer at once, well inside it, however loaded the machine
        let debate = try TestDebate.make(
            Fixtures.spec(rounds: 1, guards: guards, facilitator: false), models: ["eng": stuck], policy: .skip)
        let (events, task) = EventCollector.start(debate)
        #expect(await debate.run() == .completed)
        await task.value
        let all = await events.events
        #expect(all.contains { if case .guardTripped(let trip) = $0 { trip.kind == .turnTimeout && trip.agent == "eng" } else { false } })
        #expect(all.contains { if case .peerFailed(let failure) = $0 { failure.agent == "eng" } else { false } })
        #expect(all.messages.map(\.sender) == ["pm", "cfo"])
        #expect(stuck.cancelled == 1)
        #expect(stuck.running == 0)
    }

    @Test("the repetition detector flags a peer that repeats itself, and can stop the debate")
    func repetition() async throws {
        let arguments: [AgentID: [String]] = [
            "pm": ["Users churn because collaboration is missing and feature X closes that gap for good."],
            "eng": ["A sync engine takes two quarters.", "A migration doubles the write load.", "Support lasts years."],
        ]
        let flagged = try Fixtures.debate(
            Fixtures.spec(["pm", "eng"], rounds: 3, guards: GuardSpec(repetition: RepetitionSpec(threshold: 0.8, stops: false)), arguments: arguments, facilitator: false))
        let (events, task) = EventCollector.start(flagged)
        #expect(await flagged.run() == .completed)
        await task.value
        let trips = await events.events.compactMap { event -> GuardTrip? in if case .guardTripped(let trip) = event { trip } else { nil } }
        #expect(trips.map(\.agent) == ["pm", "pm"])
        #expect(trips.allSatisfy { $0.kind == .repetition && !$0.stops && $0.detail.contains("repeats") })

        let stopping = try Fixtures.debate(
            Fixtures.spec(["pm", "eng"], rounds: 3, guards: GuardSpec(repetition: RepetitionSpec(threshold: 0.8, stops: true)), arguments: arguments, facilitator: false))
        let (stopEvents, stopTask) = EventCollector.start(stopping)
        #expect(await stopping.run() == .guardTripped(.repetition))
        await stopTask.value
        #expect(await stopEvents.events.turns == ["pm", "eng", "pm"])
    }

    @Test("an echo of another peer's message is flagged as an echo")
    func echo() async throws {
        let text = "We should ship a narrow slice behind a flag and measure churn for a quarter."
        let pm = TestModel { _ in text }
        let eng = TestModel { _ in "Agreed: " + text }
        let debate = try TestDebate.make(
            Fixtures.spec(["pm", "eng"], rounds: 1, guards: GuardSpec(repetition: RepetitionSpec()), facilitator: false),
            models: ["pm": pm, "eng": eng])
        let (events, task) = EventCollector.start(debate)
        await debate.run()
        await task.value
        let trips = await events.events.compactMap { event -> GuardTrip? in if case .guardTripped(let trip) = event { trip } else { nil } }
        #expect(trips.count == 1)
        #expect(trips.first?.detail.contains("echoes PM") == true)
    }
}
