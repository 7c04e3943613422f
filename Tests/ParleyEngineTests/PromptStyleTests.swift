import ParleyCore
import ParleyModels
import Testing
@testable import ParleyEngine

@Suite("Prompt styles")
struct PromptStyleTests {
    @Test("a compact prompt keeps persona, question and points, and drops the debate's mechanics")
    func compact() async throws {
        var spec = Fixtures.spec(rounds: 1, facilitator: false)
        spec.agents[1].promptStyle = .compact
        spec.agents[1].systemPrompt = "You are Sam, a careful engineer."
        let model = TestModel { _ in "Two quarters, at least." }
        let debate = try TestDebate.make(spec, models: ["eng": model, "pm": TestModel { _ in "Ship it." }])
        _ = await debate.run()
        let system = try #require(model.requests.first).system
        #expect(system.hasPrefix("You are Sam, a careful engineer."))
        #expect(system.contains("Should we build feature X?"))
        #expect(system.contains("A sync engine with conflict resolution takes two quarters to build."))
        for mechanic in ["@", "CLAIM:", "QUESTION:", "blackboard", "facilitator", "round", "Nobody chairs"] {
            #expect(!system.contains(mechanic), "the compact prompt mentions \(mechanic)")
        }
        #expect(system.split(separator: "\n").count <= 4)
    }

    @Test("the full prompt, the default, still tells the mechanics")
    func full() async throws {
        let model = TestModel { _ in "Two quarters, at least." }
        let debate = try TestDebate.make(Fixtures.spec(rounds: 1, facilitator: false), models: ["eng": model])
        _ = await debate.run()
        let system = try #require(model.requests.first).system
        #expect(system.contains("CLAIM:"))
        #expect(system.contains("@pm"))
    }
}
