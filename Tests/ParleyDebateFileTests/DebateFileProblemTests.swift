import Foundation
import Testing
@testable import ParleyDebateFile
import ParleyEngine
import ParleyCore

@Suite("Problems in debate files")
struct DebateFileProblemTests {
    @Test("an unknown key is reported where it is written, with the closest key")
    func unknownKey() {
        let problem = DebateFileFixture.problem(DebateFileFixture.debate("rouns: 3"))
        #expect(problem?.file == "x.yaml")
        #expect(problem?.line == 3)
        #expect(problem?.column == 1)
        #expect(problem?.keyPath == "rouns")
        #expect(problem?.message == "unknown key 'rouns' at (top level)")
        #expect(problem?.suggestion == "did you mean 'rounds'?")
        #expect(problem?.headline == "x.yaml:3:1: error: unknown key 'rouns' at (top level); did you mean 'rounds'?")
    }

    @Test("misspelt keys suggest the key meant: protocl, Rounds, modle, arguements")
    func suggestions() {
        #expect(DebateFileFixture.problem(DebateFileFixture.debate("protocl: mention"))?.suggestion == "did you mean 'protocol'?")
        #expect(DebateFileFixture.problem(DebateFileFixture.debate("Rounds: 2"))?.suggestion == "did you mean 'rounds'?")
        #expect(DebateFileFixture.problem(DebateFileFixture.debate("floor: mention"))?.suggestion == "did you mean 'protocol'?")
        let modle = DebateFileFixture.problem(DebateFileFixture.debate("backends:\n  local: { type: openai, modle: m, model: m }"))
        #expect(modle?.keyPath == "backends.local.modle")
        #expect(modle?.suggestion == "did you mean 'model'?")
        let arguments = DebateFileFixture.problems(DebateFileFixture.debate().replacingOccurrences(of: "arguments: [Users", with: "arguements: [Users"))
        #expect(arguments.map(\.keyPath) == ["agents[0].arguements"], "a misspelt key is not also missing")
        #expect(arguments.first?.suggestion == "did you mean 'arguments'?")
    }

    @Test("a key far from every valid one lists the valid keys instead")
    func farKey() {
        let problem = DebateFileFixture.problem(DebateFileFixture.debate("guards: { zebra: 1 }"))
        #expect(problem?.keyPath == "guards.zebra")
        #expect(problem?.suggestion == "the keys here are: token_budget, cost_budget, turn_timeout, repetition")
    }

    @Test("a value of the wrong type says what was expected and what was found")
    func wrongType() {
        let problem = DebateFileFixture.problem(DebateFileFixture.debate("rounds: three"))
        #expect(problem?.line == 3)
        #expect(problem?.column == 9)
        #expect(problem?.keyPath == "rounds")
        #expect(problem?.message == "rounds: expected a whole number from 1 to 1000, found 'three'")
        #expect(DebateFileFixture.problem(DebateFileFixture.debate("rounds: 0"))?.message == "rounds: expected a whole number from 1 to 1000, found '0'")
        #expect(DebateFileFixture.problem(DebateFileFixture.debate("rounds: 2.5"))?.keyPath == "rounds")
        #expect(DebateFileFixture.problem(DebateFileFixture.debate("rounds: [3]"))?.message == "rounds: expected a whole number from 1 to 1000, found a list")
        #expect(DebateFileFixture.problem(DebateFileFixture.debate("rounds:"))?.message == "rounds: expected a whole number from 1 to 1000, found nothing")
    }

    @Test("negative numbers are refused: budgets, timeouts, delays")
    func negatives() {
        let problems = DebateFileFixture.problems(DebateFileFixture.debate("""
            pace: { delay: -1 }
            guards:
              token_budget: -5
              cost_budget: -0.5
              turn_timeout: -2s
            """))
        #expect(problems.map(\.keyPath) == ["pace.delay", "guards.token_budget", "guards.cost_budget", "guards.turn_timeout"])
        #expect(problems.map(\.line) == [3, 5, 6, 7])
        #expect(problems[0].column == 16)
        #expect(problems[2].message == "guards.cost_budget: expected an amount of US dollars greater than 0, found '-0.5'")
    }

    @Test("durations too long to wait for are refused where they are written, with the range")
    func durationsOutOfRange() {
        let problems = DebateFileFixture.problems(DebateFileFixture.debate("""
            pace: { delay: 99999999999999999999h }
            guards: { turn_timeout: 9999999999999999999999ms }
            backends:
              local: { type: openai, model: m, idle_timeout: 25h, connect_timeout: 0.0001 }
              slow: { type: scripted, words_per_second: 1e-300 }
            """))
        #expect(problems.map(\.keyPath) == [
            "pace.delay", "guards.turn_timeout", "backends.local.idle_timeout", "backends.local.connect_timeout",
            "backends.slow.words_per_second",
        ])
        #expect(problems.map(\.line) == [3, 4, 6, 6, 7])
        #expect(problems.first?.column == 16)
        #expect(problems.first?.message.hasPrefix("pace.delay: expected a delay from 0 to 1h (") == true)
        #expect(problems[1].message.hasPrefix("guards.turn_timeout: expected a timeout from 1ms to 24h (") == true)
        #expect(problems[4].message.hasPrefix("backends.slow.words_per_second: expected a number of words per second: 0, or from 0.01 to 1000") == true)
        let longest = DebateFileFixture.debate("pace: { delay: 1h }\nguards: { turn_timeout: 24h }")
        let spec = try? DebateFile.parse(longest, path: "x.yaml")
        #expect(spec?.pace.delay == 3600)
        #expect(spec?.guards.turnTimeout == 86_400)
    }

    @Test("a file with a great many problems prints the first 50 and counts the rest; every one is kept")
    func problemsCapped() {
        let keys = (1...120).map { "unknown_\($0): \($0)" }.joined(separator: "\n")
        let problems = DebateFileFixture.problems(DebateFileFixture.debate(keys))
        #expect(problems.count == 120)
        let printed = DebateFileError(problems: problems).description
        let headlines = printed.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(headlines.count == DebateFileError.shownProblems)
        #expect(headlines.last?.hasPrefix("x.yaml:52:1: error: unknown key 'unknown_50'") == true)
        #expect(printed.hasSuffix("\nx.yaml: and 70 more problems; fix these and check again to see them"))
        let few = DebateFileError(problems: Array(problems.prefix(50))).description
        #expect(!few.contains("more problem"))
    }

    @Test("an enum value lists the valid ones and suggests the closest")
    func enumValue() {
        let problem = DebateFileFixture.problem(DebateFileFixture.debate("protocol: round-robbin"))
        #expect(problem?.line == 3)
        #expect(problem?.column == 11)
        #expect(problem?.keyPath == "protocol")
        #expect(problem?.message == "protocol: 'round-robbin' is not one of round-robin, mention, simultaneous")
        #expect(problem?.suggestion == "did you mean 'round-robin'?")
        let pace = DebateFileFixture.problem(DebateFileFixture.debate("pace: { mode: pasued }"))
        #expect(pace?.keyPath == "pace.mode")
        #expect(pace?.column == 15)
        #expect(pace?.suggestion == "did you mean 'paused'?")
    }

    @Test("a missing required key is named at the mapping that lacks it")
    func missingKeys() {
        let yaml = """
            title: T
            question: Q?
            agents:
              - id: pm
                role: Product
                arguments: [a]
              - id: eng
                arguments: [b]
            """
        let problem = DebateFileFixture.problem(yaml)
        #expect(problem?.line == 7)
        #expect(problem?.column == 5)
        #expect(problem?.keyPath == "agents[1].role")
        #expect(problem?.message == "missing required key 'role' at agents[1]")
        let top = DebateFileFixture.problems("rounds: 2\n")
        #expect(top.map(\.keyPath) == ["title", "question", "agents"])
        #expect(top.allSatisfy { $0.line == 1 && $0.column == 1 })
    }

    @Test("question and topic together are one too many")
    func questionAndTopic() {
        let problem = DebateFileFixture.problem(DebateFileFixture.debate("topic: Another?"))
        #expect(problem?.line == 3)
        #expect(problem?.keyPath == "topic")
    }

    @Test("api_key anywhere in a backend is refused, and its value never shown")
    func apiKey() {
        let yaml = DebateFileFixture.debate("""
            backends:
              claude:
                type: anthropic
                model: claude-sonnet-4-5
                api_key: sk-ant-secret
            """)
        let problem = DebateFileFixture.problem(yaml)
        #expect(problem?.line == 7)
        #expect(problem?.column == 5)
        #expect(problem?.keyPath == "backends.claude.api_key")
        #expect(problem?.message == "backends.claude.api_key: API keys are never read from a debate file")
        #expect(problem?.suggestion?.contains("api_key_env") == true)
        #expect(problem?.description.contains("sk-ant-secret") == false)
        let camel = DebateFileFixture.problem(DebateFileFixture.debate("backends:\n  local: { type: openai, model: m, apiKey: sk-1 }"))
        #expect(camel?.message == "backends.local.apiKey: API keys are never read from a debate file")
        #expect(camel?.description.contains("sk-1") == false)
    }

    @Test("an agent's backend must exist; the closest name is suggested")
    func unknownBackend() {
        let yaml = DebateFileFixture.debate("backends:\n  local: { type: openai, model: m }")
            .replacingOccurrences(of: "role: Engineering\n", with: "role: Engineering\n    backend: locl\n")
        let problem = DebateFileFixture.problem(yaml)
        #expect(problem?.line == 11)
        #expect(problem?.column == 14)
        #expect(problem?.keyPath == "agents[1].backend")
        #expect(problem?.message == "agents[1].backend: there is no backend named 'locl'")
        #expect(problem?.suggestion == "did you mean 'local'?")
        let far = DebateFileFixture.problem(DebateFileFixture.debate("facilitator: { backend: gpt }"))
        #expect(far?.keyPath == "facilitator.backend")
        #expect(far?.suggestion == "declare it under backends, or use one of: scripted")
    }

    @Test("duplicate, malformed and reserved ids are refused where written")
    func ids() {
        let yaml = """
            title: T
            question: Q?
            agents:
              - { id: pm, role: A, arguments: [a] }
              - { id: pm, role: B, arguments: [b] }
              - { id: Product Manager, role: C, arguments: [c] }
              - { id: human, role: D, arguments: [d] }
            """
        let problems = DebateFileFixture.problems(yaml)
        #expect(problems.map(\.keyPath) == ["agents[1].id", "agents[2].id", "agents[3].id"])
        #expect(problems.map(\.line) == [5, 6, 7])
        #expect(problems.map(\.column) == [11, 11, 11])
        #expect(problems[0].message == "agents[1].id: the id 'pm' is already taken by agents[0] (line 4)")
        #expect(problems[1].suggestion == "did you mean 'product-manager'?")
        #expect(problems[2].message.contains("reserved"))
    }

    @Test("a debate needs 2 to 9 agents")
    func agentCount() {
        let one = DebateFileFixture.problem("title: T\nquestion: Q?\nagents:\n  - { id: pm, role: A, arguments: [a] }\n")
        #expect(one?.line == 4)
        #expect(one?.column == 3)
        #expect(one?.keyPath == "agents")
        #expect(one?.message == "agents: a debate needs 2 to 9 agents, found 1")
        let ten = (0..<10).map { "  - { id: a\($0), role: R, arguments: [x] }" }.joined(separator: "\n")
        let tooMany = DebateFileFixture.problem("title: T\nquestion: Q?\nagents:\n\(ten)\n")
        #expect(tooMany?.line == 13)
        #expect(tooMany?.keyPath == "agents[9]")
        #expect(tooMany?.message == "agents: a debate has at most 9 agents, found 10")
    }

    @Test("a scripted agent needs arguments")
    func scriptedArguments() {
        let missing = DebateFileFixture.problem(DebateFileFixture.debate().replacingOccurrences(of: "    arguments: [It takes a quarter]\n", with: ""))
        #expect(missing?.line == 7)
        #expect(missing?.column == 5)
        #expect(missing?.keyPath == "agents[1].arguments")
        let empty = DebateFileFixture.problem(DebateFileFixture.debate().replacingOccurrences(of: "[It takes a quarter]", with: "[]"))
        #expect(empty?.line == 9)
        #expect(empty?.column == 16)
        #expect(empty?.message == "agents[1].arguments: a scripted agent needs at least one argument")
    }

    @Test("colours are palette names or #rrggbb")
    func colours() {
        let problem = DebateFileFixture.problem(DebateFileFixture.debate().replacingOccurrences(of: "role: Product\n", with: "role: Product\n    colour: cyna\n"))
        #expect(problem?.keyPath == "agents[0].colour")
        #expect(problem?.suggestion == "did you mean 'cyan'?")
        let short = DebateFileFixture.problem(DebateFileFixture.debate().replacingOccurrences(of: "role: Product\n", with: "role: Product\n    color: \"#f80\"\n"))
        #expect(short?.keyPath == "agents[0].color")
        #expect(short?.suggestion == "did you mean '#ff8800'?")
        let both = DebateFileFixture.problem(DebateFileFixture.debate().replacingOccurrences(of: "role: Product\n", with: "role: Product\n    colour: red\n    color: blue\n"))
        #expect(both?.line == 7)
        #expect(both?.keyPath == "agents[0].color")
        #expect(both?.message == "both 'colour' and 'color' are set at agents[0]; 'color' is another name for 'colour'")
    }

    @Test("model settings on an agent point to its backend")
    func modelOnAgent() {
        let problem = DebateFileFixture.problem(DebateFileFixture.debate().replacingOccurrences(of: "role: Product\n", with: "role: Product\n    model: llama3.2\n"))
        #expect(problem?.keyPath == "agents[0].model")
        #expect(problem?.suggestion?.contains("set 'model' on that backend under backends") == true)
    }

    @Test("a YAML syntax error is reported at its line and column")
    func syntaxError() {
        let problem = DebateFileFixture.problem("title: T\nquestion: Why: not?\n")
        #expect(problem?.line == 2)
        #expect(problem?.column == 14)
        #expect(problem?.message.hasPrefix("invalid YAML: mapping values are not allowed") == true)
        #expect(problem?.suggestion?.contains("quotes") == true)
        let unclosed = DebateFileFixture.problem("title: T\nagents: [a, b\n")
        #expect(unclosed?.line == 2)
        #expect(unclosed?.column == 9)
        let empty = DebateFileFixture.problem("title: [")
        #expect(empty?.line == 1)
        #expect(empty?.column == 8)
        #expect(empty?.message.hasSuffix("before the end of the file (while parsing a flow sequence that starts here)") == true)
        #expect(empty?.suggestion?.contains("close the bracket") == true)
        let nested = DebateFileFixture.problem("title: T\nagents: [a, {b: [\n\n")
        #expect(nested?.line == 2)
        #expect(nested?.column == 17)
        let mapping = DebateFileFixture.problem("title: T\npace: { mode: live,  # soon\n")
        #expect(mapping?.line == 2)
        #expect(mapping?.column == 7)
        #expect(mapping?.message.hasSuffix("(while parsing a flow mapping that starts here)") == true)
        let tab = DebateFileFixture.problem("title: T\n\tquestion: Q?\n")
        #expect(tab?.line == 2)
        #expect(tab?.suggestion?.contains("spaces") == true)
    }

    @Test("a key written twice is reported at its second place")
    func duplicateKey() {
        let problem = DebateFileFixture.problem(DebateFileFixture.debate("rounds: 2\nrounds: 4"))
        #expect(problem?.line == 4)
        #expect(problem?.column == 1)
        #expect(problem?.message == "key 'rounds' appears twice in the same mapping (first at line 3)")
    }

    @Test("a key written twice with a tag that hides it from YAML is reported too")
    func duplicateTaggedKey() {
        let problem = DebateFileFixture.problem(DebateFileFixture.debate("rounds: 2\n!x rounds: 4"))
        #expect(problem?.line == 4)
        #expect(problem?.column == 1)
        #expect(problem?.message == "key 'rounds' appears twice in the same mapping (first at line 3)")
        #expect(problem?.suggestion == "keep one of them")
    }

    @Test("every problem of a file is reported at once, in file order")
    func manyProblems() {
        let yaml = """
            title: Should we build feature X?
            rouns: 3
            protocol: mentions
            agents:
              - id: pm
                role: Product
                backend: nowhere
              - id: pm
                arguments: [b]
            guards: { cost_budget: free }
            """
        let problems = DebateFileFixture.problems(yaml)
        #expect(problems.map(\.keyPath) == [
            "question", "rouns", "protocol", "agents[0].backend", "agents[1].role", "agents[1].id", "guards.cost_budget",
        ])
        #expect(problems.map(\.line) == [1, 2, 3, 7, 8, 8, 10])
        #expect(problems[2].suggestion == "did you mean 'mention'?")
    }

    @Test("the description reads like a compiler's, with the line and a caret")
    func description() throws {
        let yaml = DebateFileFixture.debate("rouns: 3\nrounds: three")
        do {
            _ = try DebateFile.parse(yaml, path: "Debates/x.yaml")
            Issue.record("expected problems")
        } catch let error as DebateFileError {
            #expect(error.description == """
                Debates/x.yaml:3:1: error: unknown key 'rouns' at (top level); did you mean 'rounds'?
                 3 | rouns: 3
                   | ^
                Debates/x.yaml:4:9: error: rounds: expected a whole number from 1 to 1000, found 'three'
                 4 | rounds: three
                   |         ^
                """)
            #expect(error.localizedDescription == error.description)
        }
    }

    @Test("control characters in the file never reach the message or excerpt")
    func controlCharacters() {
        let escaped = DebateFileFixture.problem(DebateFileFixture.debate("rounds: \"\\e[31mred\""))
        #expect(escaped?.message == "rounds: expected a whole number from 1 to 1000, found '\u{241B}[31mred'")
        #expect(escaped?.description.contains("\u{1B}") == false)
        let raw = DebateFileFixture.problem(DebateFileFixture.debate("rounds: \"\u{1B}[31mred\""))
        #expect(raw?.line == 3)
        #expect(raw?.column == 10)
        #expect(raw?.message == "invalid YAML: control characters are not allowed")
        #expect(raw?.sourceLine == "rounds: \"\u{241B}[31mred\"")
        #expect(raw?.description.contains("\u{1B}") == false)
    }

    @Test("a device, a pipe or a folder is named for what it is, not a permission problem, and no pipe is waited on")
    func notRegularFiles() throws {
        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("parley-fifo-\(UUID().uuidString)").path
        #expect(mkfifo(fifo, 0o600) == 0)
        defer { unlink(fifo) }
        let cases = [
            ("/dev/zero", "it is a device (like /dev/null), not a regular file"), ("/dev/null", "it is a device (like /dev/null), not a regular file"),
            (fifo, "it is a pipe (FIFO), not a regular file"), (FileManager.default.temporaryDirectory.path, "it is a folder"),
        ]
        for (path, reason) in cases {
            do {
                _ = try DebateFile.load(path: path)
                Issue.record("\(path) loaded")
            } catch let error as DebateFileError {
                #expect(error.problems.map(\.message) == ["cannot read the debate file: \(reason)"], "\(path)")
                #expect(error.problems.first?.suggestion?.contains("give the path of a debate file") == true)
            }
        }
    }

    @Test("an empty file, a list, and a missing file are problems too")
    func wholeFile() throws {
        #expect(DebateFileFixture.problem("# nothing yet\n")?.message == "the file is empty")
        #expect(DebateFileFixture.problem("- a\n- b\n")?.message.hasPrefix("(top level): expected a mapping of debate settings") == true)
        do {
            _ = try DebateFile.load(path: "/nonexistent/debate.yaml")
            Issue.record("expected problems")
        } catch let error as DebateFileError {
            #expect(error.problems.count == 1)
            #expect(error.problems.first?.line == 0)
            #expect(error.description.hasPrefix("/nonexistent/debate.yaml: error: cannot read the debate file: no such file"))
        }
    }
}
