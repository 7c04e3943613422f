import Testing
@testable import ParleyDebateFile
import ParleyEngine
import ParleyCore
import ParleyModels

@Suite("Reading debate files")
struct DebateFileFormatTests {
    @Test("a minimal file gets every default")
    func defaults() throws {
        let spec = try DebateFile.parse(DebateFileFixture.debate(), path: "x.yaml")
        #expect(spec.title == "T")
        #expect(spec.question == "Q?")
        #expect(spec.rounds == 3)
        #expect(spec.floor == .roundRobin)
        #expect(spec.pace == PaceState(mode: .live, delay: 0))
        #expect(spec.guards == GuardSpec(tokenBudget: nil, costBudget: nil, turnTimeout: nil, repetition: RepetitionSpec()))
        #expect(spec.backends.isEmpty)
        #expect(spec.agents.map(\.id) == ["pm", "eng"])
        #expect(spec.agents[0] == AgentSpec(id: "pm", name: "pm", role: "Product", arguments: ["Users want it"]))
        #expect(spec.facilitator == FacilitatorSpec())
    }

    @Test("every top-level setting is read")
    func everySetting() throws {
        let yaml = """
            title: Should we build feature X?
            topic: Build a real-time collaboration mode this quarter?
            rounds: 5
            protocol: simultaneous
            pace: { mode: step, delay: 2s }
            guards:
              token_budget: 50_000
              cost_budget: 0.5
              turn_timeout: 1m30s
              repetition: { threshold: 0.9, stop: true }
            agents:
              - id: pm
                name: Priya
                role: Product manager — user value
                colour: Bright-Cyan
                system_prompt: |
                  You are Priya.
                  You argue for users.
                arguments:
                  - Users ask for it
                  - Competitors have it
              - id: eng-2
                role: Engineer
                color: "#FF8800"
                arguments: One argument is a list of one
            facilitator:
              name: Mo
              system_prompt: Summarize.
            """
        let spec = try DebateFile.parse(yaml, path: "x.yaml")
        #expect(spec.question == "Build a real-time collaboration mode this quarter?")
        #expect(spec.rounds == 5)
        #expect(spec.floor == .simultaneous)
        #expect(spec.pace == PaceState(mode: .step, delay: 2))
        #expect(spec.guards == GuardSpec(tokenBudget: 50_000, costBudget: 0.5, turnTimeout: 90, repetition: RepetitionSpec(threshold: 0.9, stops: true)))
        #expect(spec.agents[0].name == "Priya")
        #expect(spec.agents[0].colour == "bright-cyan")
        #expect(spec.agents[0].systemPrompt == "You are Priya.\nYou argue for users.")
        #expect(spec.agents[0].arguments == ["Users ask for it", "Competitors have it"])
        #expect(spec.agents[1].id == "eng-2")
        #expect(spec.agents[1].colour == "#ff8800")
        #expect(spec.agents[1].arguments == ["One argument is a list of one"])
        #expect(spec.facilitator == FacilitatorSpec(name: "Mo", systemPrompt: "Summarize."))
    }

    @Test("durations read as seconds: plain numbers, ms, s, m, h and chains")
    func durations() {
        #expect(DebateFile.seconds(from: "400ms") == 0.4)
        #expect(DebateFile.seconds(from: "2s") == 2)
        #expect(DebateFile.seconds(from: "1m") == 60)
        #expect(DebateFile.seconds(from: "1m30s") == 90)
        #expect(DebateFile.seconds(from: "1.5 s") == 1.5)
        #expect(DebateFile.seconds(from: "1h") == 3600)
        #expect(DebateFile.seconds(from: "90") == 90)
        #expect(DebateFile.seconds(from: "0.25") == 0.25)
        #expect(DebateFile.seconds(from: "fast") == nil)
        #expect(DebateFile.seconds(from: "2 weeks") == nil)
        #expect(DebateFile.seconds(from: "s") == nil)
        #expect(DebateFile.seconds(from: "") == nil)
    }

    @Test("durations in the file: a number, 400ms, 2s and 1m")
    func durationsInFile() throws {
        for (written, seconds) in [("0.5", 0.5), ("400ms", 0.4), ("2s", 2.0), ("1m", 60.0), ("3", 3.0)] {
            let spec = try DebateFile.parse(DebateFileFixture.debate("pace: { delay: \(written) }\nguards: { turn_timeout: \(written) }"), path: "x.yaml")
            #expect(spec.pace.delay == seconds, "\(written)")
            #expect(spec.guards.turnTimeout == seconds, "\(written)")
        }
    }

    @Test("pace may be just its mode, and choices ignore case")
    func paceShorthand() throws {
        let spec = try DebateFile.parse(DebateFileFixture.debate("pace: Paused\nprotocol: Round_Robin"), path: "x.yaml")
        #expect(spec.pace == PaceState(mode: .paused))
        #expect(spec.floor == .roundRobin)
    }

    @Test("repetition: false turns the detector off, true keeps the defaults")
    func repetitionSwitch() throws {
        let off = try DebateFile.parse(DebateFileFixture.debate("guards: { repetition: false }"), path: "x.yaml")
        #expect(off.guards.repetition == nil)
        let on = try DebateFile.parse(DebateFileFixture.debate("guards: { repetition: true }"), path: "x.yaml")
        #expect(on.guards.repetition == RepetitionSpec())
    }

    @Test("every switch reads true/yes/on and false/no/off alike, and nothing else")
    func switches() throws {
        for (word, on) in [("true", true), ("Yes", true), ("ON", true), ("false", false), ("no", false), ("Off", false)] {
            let yaml = DebateFileFixture.debate("""
                guards: { repetition: \(word) }
                facilitator: \(word)
                backends:
                  local: { type: openai, model: m, show_reasoning: \(word) }
                """)
            let spec = try DebateFile.parse(yaml, path: "x.yaml")
            #expect((spec.guards.repetition != nil) == on, "repetition: \(word)")
            #expect((spec.facilitator != nil) == on, "facilitator: \(word)")
            #expect(spec.backends["local"]?.openAI?.showReasoning == on, "show_reasoning: \(word)")
            let stops = try DebateFile.parse(DebateFileFixture.debate("guards: { repetition: { stop: \(word) } }"), path: "x.yaml")
            #expect(stops.guards.repetition?.stops == on, "stop: \(word)")
        }
        let problems = DebateFileFixture.problems(DebateFileFixture.debate("""
            guards: { repetition: maybe }
            facilitator: maybe
            backends:
              local: { type: openai, model: m, show_reasoning: maybe }
            """))
        #expect(problems.map(\.keyPath) == ["guards.repetition", "facilitator", "backends.local.show_reasoning"])
    }

    @Test("facilitator: false means no facilitator")
    func noFacilitator() throws {
        let spec = try DebateFile.parse(DebateFileFixture.debate("facilitator: false"), path: "x.yaml")
        #expect(spec.facilitator == nil)
    }

    @Test("a YAML merge key shares settings between backends, written keys winning")
    func mergeKeys() throws {
        let yaml = DebateFileFixture.debate("""
            backends:
              small: &local
                type: openai
                model: llama3.2
                temperature: 0.7
              big:
                <<: *local
                model: llama3.1:70b
            """)
        let spec = try DebateFile.parse(yaml, path: "x.yaml")
        let big = try #require(spec.backends["big"]?.openAI)
        #expect(big.model == "llama3.1:70b")
        #expect(big.sampling.temperature == 0.7)
    }

    @Test("merging a list of mappings lets earlier ones win, and stays fast when nested deeply")
    func mergeLists() throws {
        var anchors = "x0: &x0 { type: openai, model: m, temperature: 0.1 }\n"
        for level in 1...20 {
            anchors += "  x\(level): &x\(level) { <<: [\((0..<10).map { _ in "*x\(level - 1)" }.joined(separator: ", "))] }\n"
        }
        let yaml = DebateFileFixture.debate("""
            backends:
              \(anchors)  first: &first { type: openai, model: one }
              second: &second { type: openai, model: two, max_tokens: 9 }
              both:
                <<: [*first, *second]
              deep:
                <<: *x20
            """)
        let spec = try DebateFile.parse(yaml, path: "x.yaml")
        let both = try #require(spec.backends["both"]?.openAI)
        let deep = try #require(spec.backends["deep"]?.openAI)
        #expect(both.model == "one")
        #expect(both.sampling.maxTokens == 9)
        #expect(deep.sampling.temperature == 0.1)
    }

    @Test("a byte order mark and Windows line ends do not matter")
    func bomAndCRLF() throws {
        let yaml = "\u{FEFF}" + DebateFileFixture.debate().replacingOccurrences(of: "\n", with: "\r\n")
        let spec = try DebateFile.parse(yaml, path: "x.yaml")
        #expect(spec.agents.count == 2)
    }
}
