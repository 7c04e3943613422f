import ParleyCore
import ParleyEngine
import ParleyModels
import Testing
@testable import ParleyDebateFile

@Suite("Sampling settings and prompt styles in debate files")
struct DebateFileSamplingTests {
    private func debate(_ backends: String, agentBackend: String = "local") -> String {
        DebateFileBackendTests.debate(backends: backends, agentBackend: agentBackend)
    }

    @Test("an openai backend reads top_p, the penalties, stop (a text or a list) and repeat_penalty")
    func openAI() throws {
        let spec = try DebateFile.parse(debate("""
            backends:
              local:
                type: openai
                model: smollm2
                top_p: 0.9
                frequency_penalty: 0.5
                presence_penalty: -0.5
                stop: ["\\n\\n", "User:"]
                repeat_penalty: 1.2
              other: { type: openai, model: m, stop: "###" }
            """), path: "x.yaml")
        let sampling = try #require(spec.backends["local"]?.openAI).sampling
        #expect(sampling.topP == 0.9)
        #expect(sampling.frequencyPenalty == 0.5)
        #expect(sampling.presencePenalty == -0.5)
        #expect(sampling.stop == ["\n\n", "User:"])
        #expect(sampling.repeatPenalty == 1.2)
        #expect(spec.backends["other"]?.openAI?.sampling.stop == ["###"])
    }

    @Test("an anthropic backend reads top_p and stop")
    func anthropic() throws {
        let spec = try DebateFile.parse(debate("""
            backends:
              claude: { type: anthropic, model: claude-sonnet-4-5, top_p: 0.8, stop: [END] }
            """, agentBackend: "claude"), path: "x.yaml")
        let sampling = try #require(spec.backends["claude"]?.anthropic).sampling
        #expect(sampling.topP == 0.8)
        #expect(sampling.stop == ["END"])
    }

    @Test("settings out of range are refused at their line and column",
          arguments: [
            ("top_p: 1.5", "backends.local.top_p", "expected a probability from 0 to 1 (like 0.9), found '1.5'"),
            ("frequency_penalty: 3", "backends.local.frequency_penalty", "expected a penalty from -2 to 2 (0 is none), found '3'"),
            ("presence_penalty: -2.5", "backends.local.presence_penalty", "expected a penalty from -2 to 2 (0 is none), found '-2.5'"),
            ("repeat_penalty: 5", "backends.local.repeat_penalty", "found '5'"),
            ("stop: \"\"", "backends.local.stop", "expected a stop text that is not empty"),
            ("stop: { a: b }", "backends.local.stop", "expected a stop text or a list of them"),
          ])
    func ranges(line: String, keyPath: String, message: String) throws {
        let problem = DebateFileFixture.problem(debate("backends:\n  local:\n    type: openai\n    model: m\n    \(line)"))
        #expect(problem?.keyPath == keyPath)
        #expect(problem?.line == 7)
        // At the value: after the four spaces of indent and `key: `.
        let valueColumn = line.firstIndex(of: ":").map { 4 + line.distance(from: line.startIndex, to: $0) + 2 + 1 }
        #expect(problem?.column == valueColumn)
        #expect(problem?.message.contains(message) == true, "\(problem?.message ?? "no problem")")
    }

    @Test("the OpenAI-only penalties are refused on an anthropic backend, saying whose they are")
    func penaltiesOnAnthropic() {
        let problem = DebateFileFixture.problem(debate("""
            backends:
              claude:
                type: anthropic
                model: m
                repeat_penalty: 1.1
            """, agentBackend: "claude"))
        #expect(problem?.keyPath == "backends.claude.repeat_penalty")
        #expect(problem?.line == 7)
        #expect(problem?.suggestion == "'repeat_penalty' is a setting of openai backends, not of anthropic ones")
    }

    @Test("an unknown backend key lists only the keys of that backend's type")
    func unknownKeyListsItsType() throws {
        let problem = try #require(DebateFileFixture.problem(debate("""
            backends:
              local:
                type: openai
                model: m
                zzzzzz: 1
            """)))
        #expect(problem.message == "unknown key 'zzzzzz' at backends.local")
        let suggestion = try #require(problem.suggestion)
        #expect(suggestion.hasPrefix("the keys here are: type, base_url"))
        #expect(suggestion.contains("repeat_penalty"))
        #expect(!suggestion.contains("version"), "version is an anthropic setting")
        #expect(!suggestion.contains("words_per_second"), "words_per_second is a scripted setting")
        let scripted = try #require(DebateFileFixture.problem(DebateFileFixture.debate("backends:\n  slow: { type: scripted, zzzzzz: 1 }")))
        #expect(scripted.suggestion == "the keys here are: type, words_per_second")
    }

    @Test("an unknown key on a backend whose type is merged in lists that type's keys")
    func unknownKeyWithMergedType() throws {
        let problem = try #require(DebateFileFixture.problem(debate("""
            backends:
              base: &base { type: anthropic, model: m }
              local:
                <<: *base
                zzzzzz: 1
            """)))
        #expect(problem.suggestion?.contains("version") == true)
        #expect(problem.suggestion?.contains("seed") == false)
    }

    @Test("prompt_style on a backend applies to its agents; on an agent it wins")
    func promptStyle() throws {
        let yaml = debate("""
            backends:
              local: { type: openai, model: smollm2, prompt_style: compact }
            """).replacingOccurrences(of: "role: Engineering\n", with: "role: Engineering\n    backend: local\n    prompt_style: full\n")
        let spec = try DebateFile.parse(yaml, path: "x.yaml")
        #expect(spec.agents.map(\.promptStyle) == [.compact, .full])
        let plain = try DebateFile.parse(DebateFileFixture.debate(), path: "x.yaml")
        #expect(plain.agents.map(\.promptStyle) == [.full, .full])
    }

    @Test("a prompt style that is not full or compact is refused with the closest")
    func badPromptStyle() {
        let problem = DebateFileFixture.problem(
            DebateFileFixture.debate().replacingOccurrences(of: "role: Product\n", with: "role: Product\n    prompt_style: compcat\n"))
        #expect(problem?.keyPath == "agents[0].prompt_style")
        #expect(problem?.line == 6)
        #expect(problem?.column == 19)
        #expect(problem?.suggestion == "did you mean 'compact'?")
    }
}
