import Testing
@testable import ParleyDebateFile
import ParleyEngine

@Suite("Secrets in debate files")
struct DebateFileSecretTests {
    /// The problems of `yaml`, having checked that none shows `secret` in its message, suggestion,
    /// key path or excerpt.
    static func problemsHiding(
        _ secret: String, in yaml: String, sourceLocation: SourceLocation = #_sourceLocation
    ) -> [DebateFileError.Problem] {
        #expect(yaml.contains(secret), "the file must hold the secret", sourceLocation: sourceLocation)
        let problems = DebateFileFixture.problems(yaml, sourceLocation: sourceLocation)
        for problem in problems {
            #expect(!problem.description.contains(secret), "shown: \(problem.description)", sourceLocation: sourceLocation)
            #expect(!problem.keyPath.contains(secret), sourceLocation: sourceLocation)
        }
        return problems
    }

    @Test("a key directly under backends is refused as a key, not read as a backend")
    func keyUnderBackends() {
        let yaml = DebateFileFixture.debate("backends:\n  local: { type: openai, model: m }\n  api_key: sk-SECRET123")
        let problems = Self.problemsHiding("SECRET123", in: yaml)
        #expect(problems.map(\.keyPath) == ["backends.api_key"])
        #expect(problems.first?.message == "backends.api_key: API keys are never read from a debate file")
        #expect(problems.first?.line == 5)
        #expect(problems.first?.column == 3)
        #expect(problems.first?.sourceLine == "  api_key: …")
    }

    @Test("a key nested under an unknown key is refused, and neither problem shows it")
    func keyUnderUnknownKey() {
        let yaml = DebateFileFixture.debate("extra: { token: sk-NESTED1 }")
        let problems = Self.problemsHiding("NESTED1", in: yaml)
        #expect(problems.map(\.keyPath) == ["extra", "extra.token"])
        #expect(problems.first?.message == "unknown key 'extra' at (top level)")
        #expect(problems.first?.sourceLine == "extra: { token: …")
        #expect(problems.last?.message == "extra.token: API keys are never read from a debate file")
    }

    @Test("a key in a list, in a multi-line value, or under an agent is found and hidden")
    func keyDeepDown() {
        let list = DebateFileFixture.debate("extra:\n  - plain\n  - { password: sk-LIST1 }")
        #expect(Self.problemsHiding("LIST1", in: list).map(\.keyPath) == ["extra", "extra[1].password"])

        let block = DebateFileFixture.debate("extra:\n  nested:\n    - secret: |\n        sk-BLOCK1\n        sk-BLOCK2\n  after: 1")
        let blockProblems = Self.problemsHiding("BLOCK", in: block)
        #expect(blockProblems.map(\.keyPath) == ["extra", "extra.nested[0].secret"])

        let agent = DebateFileFixture.debate().replacingOccurrences(of: "role: Product\n", with: "role: Product\n    apiKey: sk-AGENT1\n")
        let agentProblems = Self.problemsHiding("AGENT1", in: agent)
        #expect(agentProblems.map(\.keyPath) == ["agents[0].apiKey"])

        let argument = DebateFileFixture.debate().replacingOccurrences(
            of: "arguments: [Users want it]", with: "arguments: [Users want it, { token: sk-ARG1 }]"
        )
        let argumentProblems = Self.problemsHiding("ARG1", in: argument)
        #expect(argumentProblems.map(\.keyPath) == ["agents[0].arguments[1]", "agents[0].arguments[1].token"])
        #expect(argumentProblems.first?.message == "agents[0].arguments[1]: expected text, found a mapping")
    }

    @Test("another problem on a secret's line shows the line only up to the secret")
    func otherProblemOnTheLine() {
        let flow = DebateFileFixture.debate("backends:\n  local: { type: openai, model: m, temperature: 9, api_key: sk-FLOW1 }")
        let problems = Self.problemsHiding("FLOW1", in: flow)
        #expect(problems.map(\.keyPath) == ["backends.local.temperature", "backends.local.api_key"])
        #expect(problems.first?.sourceLine == "  local: { type: openai, model: m, temperature: 9, api_key: …")

        // The key's variable is found to hold a key only after the URL's problem is noted.
        let late = DebateFileFixture.debate("backends:\n  local: { type: openai, base_url: nope, model: m, api_key_env: sk-LATE-1 }")
        #expect(Self.problemsHiding("LATE-1", in: late).map(\.keyPath) == ["backends.local.base_url", "backends.local.api_key_env"])
    }

    @Test("a line a secret runs on into is not shown, even for another problem on it")
    func secretOverLines() {
        let yaml = DebateFileFixture.debate().replacingOccurrences(
            of: "arguments: [Users want it]", with: "arguments: [{ token: [sk-LINES1,\n      sk-LINES2] }, [x]]"
        )
        let problems = Self.problemsHiding("LINES", in: yaml)
        #expect(problems.map(\.keyPath) == ["agents[0].arguments[0]", "agents[0].arguments[0].token", "agents[0].arguments[1]"])
        #expect(problems.map(\.line) == [6, 6, 7])
        #expect(problems.last?.sourceLine == nil)
        #expect(problems.last?.description.hasSuffix("expected text, found a list") == true)
    }

    @Test("an anchored secret is hidden where it is written, not only where it is used")
    func anchoredSecret() {
        let yaml = DebateFileFixture.debate("shared: &k sk-ANCHOR1\nbackends:\n  local: { type: openai, model: m, token: *k }")
        #expect(Self.problemsHiding("ANCHOR1", in: yaml).map(\.keyPath) == ["shared", "backends.local.token"])
    }

    @Test("a key written twice is a syntax error that does not show the key either")
    func duplicatedSecret() {
        let yaml = DebateFileFixture.debate("backends:\n  local:\n    api_key: sk-TWICE1\n    api_key: sk-TWICE2")
        let problems = Self.problemsHiding("TWICE", in: yaml)
        #expect(problems.first?.message.contains("appears twice") == true)
        #expect(problems.first?.sourceLine == "    api_key: …")
    }

    @Test("a credential under a name off the old list is refused and not shown: openai_key, api_keys, pass, pwd ...")
    func credentialsUnderOtherNames() {
        for name in ["openai_key", "anthropic_key", "api_keys", "pass", "pwd", "passphrase"] {
            let yaml = DebateFileFixture.debate("backends:\n  local:\n    type: openai\n    model: m\n    \(name): hunter2-PLAIN")
            let problems = Self.problemsHiding("hunter2", in: yaml)
            #expect(problems.map(\.keyPath) == ["backends.local.\(name)"], "\(name)")
            #expect(problems.first?.message == "backends.local.\(name): API keys are never read from a debate file")
            #expect(problems.first?.sourceLine == "    \(name): …")
        }
    }

    @Test("an unknown key that speaks of a credential is reported with its value left out")
    func unknownCredentialishKey() {
        let yaml = DebateFileFixture.debate("backends:\n  local: { type: openai, model: m, apiKeyEnv: hunter2 }")
        let problems = Self.problemsHiding("hunter2", in: yaml)
        #expect(problems.map(\.message) == ["unknown key 'apiKeyEnv' at backends.local"])
        #expect(problems.first?.suggestion == "did you mean 'api_key_env'?")
        #expect(problems.first?.sourceLine == "  local: { type: openai, model: m, apiKeyEnv: …")
    }

    @Test("a value shaped like a key is shown nowhere: not in an excerpt, a message or a key path")
    func keyShapedValues() {
        let key = "sk-proj-Xw3vT9qLm2ZpR8sK4nB7yD1cF6hJ0aGe"
        let yaml = DebateFileFixture.debate("extra: \(key)\nrounds: \(key)\nguards: { \(key): 1 }")
        let problems = Self.problemsHiding("Xw3vT9qLm2ZpR8sK4nB7yD1cF6hJ0aGe", in: yaml)
        #expect(problems.map(\.keyPath) == ["extra", "rounds", "guards[…]"])
        #expect(problems.map(\.sourceLine) == ["extra: …", "rounds: …", "guards: { …"])
        #expect(problems[1].message == "rounds: expected a whole number from 1 to 1000, found '…'")
        let random = "Q2hhbmdlTWVQbGVhc2UxMjM0NTY3ODkwYWJj"  // no well-known prefix: a long random run
        #expect(Self.problemsHiding(random, in: DebateFileFixture.debate("extra: \(random)")).map(\.sourceLine) == ["extra: …"])
    }

    @Test("a key-shaped word inside a longer text, or on a line of YAML that does not parse, is cut from the excerpt")
    func keyShapedWords() {
        let key = "sk-proj-Xw3vT9qLm2ZpR8sK4nB7yD1cF6hJ0aGe"
        let text = Self.problemsHiding(key, in: DebateFileFixture.debate("extra: my key is \(key), use it"))
        #expect(text.map(\.sourceLine) == ["extra: my key is …"])
        let malformed = Self.problemsHiding(key, in: "title: T\nquestion: Q?\nx: { a: [\(key)\n")
        #expect(malformed.count == 1)
        let speaks = Self.problemsHiding("hunter2", in: "title: T\nquestion: Q?\nx: { apiKeyEnv: hunter2\n")
        #expect(speaks.count == 1, "a key that speaks of a credential is cut from a line that did not parse")
    }

    @Test("an identifier-shaped key pasted as api_key_env is refused without echoing it")
    func keyAsVariableName() {
        let key = "AIzaSyD8f7gK2lQ9xZ0pLmNoPqRsTuVwXyZ1234"
        let yaml = DebateFileFixture.debate("backends:\n  g: { type: openai, model: m, api_key_env: \(key) }")
        let problems = Self.problemsHiding(key, in: yaml)
        #expect(problems.map(\.keyPath) == ["backends.g.api_key_env"])
        #expect(problems.first?.message == "backends.g.api_key_env: this looks like an API key itself, not the name of an environment variable")
        #expect(problems.first?.sourceLine == "  g: { type: openai, model: m, api_key_env: …")
    }

    @Test("the secret walk stays fast on aliases nested deeply")
    func deepAliases() {
        var anchors = "x0: &x0 { a: 1 }\n"
        for level in 1...20 {
            anchors += "  x\(level): &x\(level) [\((0..<10).map { _ in "*x\(level - 1)" }.joined(separator: ", "))]\n"
        }
        let problems = DebateFileFixture.problems(DebateFileFixture.debate("extra:\n  \(anchors)"))
        #expect(problems.map(\.keyPath) == ["extra"])
    }
}

@Suite("Which keys name a credential")
struct SecretKeyNameTests {
    @Test("every spelling of a credential's name is one", arguments: [
        "api_key", "apiKey", "API-Key", "key", "token", "auth_token", "access_token", "refresh-token", "clientSecret",
        "client_secret", "secret", "password", "db_passwd", "aws_access_key", "private_key", "Authorization", "bearer",
        "credentials", "openai_key", "anthropic_key", "api_keys", "pass", "pwd", "passphrase", "OPENAI_KEY",
    ])
    func credential(_ name: String) {
        #expect(DebateFileReader.isSecretKey(name))
    }

    @Test("a debate file's own keys, and keys that only mention a credential, are not", arguments: [
        "api_key_env", "token_budget", "max_tokens", "keys", "keynote", "tokens", "monkey", "turn_timeout", "system_prompt",
        "base_url",
    ])
    func notCredential(_ name: String) {
        #expect(!DebateFileReader.isSecretKey(name))
    }
}
