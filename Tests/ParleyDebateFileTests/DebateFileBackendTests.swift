import Testing
@testable import ParleyDebateFile
import ParleyEngine
import ParleyCore
import ParleyModels

@Suite("Backends in debate files")
struct DebateFileBackendTests {
    /// The debate with `backends` and the first agent on `agentBackend`.
    static func debate(backends: String, agentBackend: String) -> String {
        DebateFileFixture.debate(backends).replacingOccurrences(
            of: "role: Product\n", with: "role: Product\n    backend: \(agentBackend)\n"
        )
    }

    @Test("an openai backend reads every setting")
    func openAI() throws {
        let yaml = Self.debate(backends: """
            backends:
              local:
                type: openai
                base_url: http://127.0.0.1:8571/v1/
                model: smollm2
                api_key_env: LOCAL_KEY
                headers: { X-Title: Parley }
                temperature: 0.2
                max_tokens: 200
                seed: -7
                context_tokens: 2048
                price: { prompt: 0.15, completion: 0.6 }
                show_reasoning: false
                retries: 2
                idle_timeout: 30s
                connect_timeout: 500ms
            """, agentBackend: "local")
        let spec = try DebateFile.parse(yaml, path: "x.yaml")
        let expected = OpenAIConfig(
            baseURL: "http://127.0.0.1:8571/v1", model: "smollm2", apiKeyEnv: "LOCAL_KEY",
            sampling: Sampling(temperature: 0.2, maxTokens: 200, seed: -7), contextTokens: 2048,
            price: Price(promptPerMillion: 0.15, completionPerMillion: 0.6), showReasoning: false,
            http: HTTPSettings(headers: ["X-Title": "Parley"], maxAttempts: 2, idleTimeout: 30, connectTimeout: 0.5)
        )
        #expect(spec.backends["local"] == .openai(expected))
        #expect(spec.agents[0].backend == "local")
    }

    @Test("an anthropic backend gets its defaults")
    func anthropicDefaults() throws {
        let spec = try DebateFile.parse(Self.debate(backends: "backends:\n  claude: { type: anthropic, model: claude-sonnet-4-5 }", agentBackend: "claude"), path: "x.yaml")
        #expect(spec.backends["claude"] == .anthropic(AnthropicConfig(model: "claude-sonnet-4-5")))
        let claude = try #require(spec.backends["claude"]?.anthropic)
        #expect(claude.sampling.maxTokens == 1024)
        #expect(claude.apiKeyEnv == "ANTHROPIC_API_KEY")
    }

    @Test("scripted may be redefined as scripted, to set its speed")
    func scriptedSpeed() throws {
        let spec = try DebateFile.parse(DebateFileFixture.debate("backends:\n  scripted: { type: scripted, words_per_second: 0 }"), path: "x.yaml")
        #expect(spec.backend(named: "scripted") == .scripted(ScriptedConfig(wordsPerSecond: 0)))
    }

    @Test("an agent on a model backend needs no arguments")
    func modelAgentWithoutArguments() throws {
        let yaml = Self.debate(backends: "backends:\n  local: { type: openai, model: llama3.2 }", agentBackend: "local")
            .replacingOccurrences(of: "    arguments: [Users want it]\n", with: "")
        let spec = try DebateFile.parse(yaml, path: "x.yaml")
        #expect(spec.agents[0].arguments.isEmpty)
    }

    @Test("a setting of another backend type is named as such")
    func settingOfAnotherType() throws {
        let problem = DebateFileFixture.problem(Self.debate(backends: """
            backends:
              claude:
                type: anthropic
                model: claude-sonnet-4-5
                seed: 3
            """, agentBackend: "claude"))
        #expect(problem?.line == 7)
        #expect(problem?.column == 5)
        #expect(problem?.keyPath == "backends.claude.seed")
        #expect(problem?.message == "unknown key 'seed' at backends.claude")
        #expect(problem?.suggestion == "'seed' is a setting of openai backends, not of anthropic ones")
    }

    @Test("a server name as the type points to type: openai")
    func serverNameAsType() {
        let problem = DebateFileFixture.problem(Self.debate(backends: "backends:\n  local: { type: ollama, model: llama3.2 }", agentBackend: "local"))
        #expect(problem?.keyPath == "backends.local.type")
        #expect(problem?.message == "backends.local.type: 'ollama' is not one of scripted, openai, anthropic")
        #expect(problem?.suggestion?.contains("use type: openai") == true)
    }

    @Test("base_url must be an http(s) URL, without endpoint or credentials")
    func baseURLs() {
        func problem(_ url: String) -> DebateFileError.Problem? {
            DebateFileFixture.problem(Self.debate(backends: "backends:\n  local:\n    type: openai\n    model: m\n    base_url: \(url)", agentBackend: "local"))
        }
        let bare = problem("localhost:11434/v1")
        #expect(bare?.line == 7)
        #expect(bare?.column == 15)
        #expect(bare?.keyPath == "backends.local.base_url")
        #expect(bare?.message == "backends.local.base_url: expected an http:// or https:// URL like http://127.0.0.1:11434/v1, found 'localhost:11434/v1'")
        #expect(bare?.suggestion == "did you mean 'http://localhost:11434/v1'?")
        #expect(problem("api.example.com/v1")?.suggestion == "did you mean 'https://api.example.com/v1'?")
        #expect(problem("ftp://example.com/v1")?.keyPath == "backends.local.base_url")
        #expect(problem("http://127.0.0.1:11434/v1/chat/completions")?.suggestion == "did you mean 'http://127.0.0.1:11434/v1'?")
        let credentials = problem("https://me:hunter2@api.example.com/v1")
        #expect(credentials?.message == "backends.local.base_url: credentials are never read from a debate file, and this URL carries one in the user name and password")
        #expect(credentials?.sourceLine?.contains("hunter2") == false)
    }

    @Test("base_url with a key in its query or fragment is refused without showing it; a plain query is kept")
    func credentialsInQuery() throws {
        func problem(_ url: String) -> DebateFileError.Problem? {
            DebateFileFixture.problem(Self.debate(backends: "backends:\n  local:\n    type: openai\n    model: m\n    base_url: \"\(url)\"", agentBackend: "local"))
        }
        for (url, part) in [
            ("http://127.0.0.1:8571/v1?api_key=hunter2", "query"), ("https://api.example.com/v1?key=hunter2", "query"),
            ("https://api.example.com/v1?x=1&access_token=hunter2", "query"), ("https://api.example.com/v1?hunter2-sk-Xw3vT9qLm2ZpR8sK4nB7", "query"),
            ("https://api.example.com/v1#hunter2", "fragment"),
        ] {
            let found = problem(url)
            #expect(found?.message == "backends.local.base_url: credentials are never read from a debate file, and this URL carries one in the \(part)", "\(url)")
            #expect(found?.description.contains("hunter2") == false, "\(url)")
            #expect(found?.sourceLine == "    base_url: …")
        }
        let azure = "https://x.example.com/openai/v1?api-version=2024-10-21"
        let spec = try DebateFile.parse(Self.debate(backends: "backends:\n  local: { type: openai, model: m, base_url: \"\(azure)\" }", agentBackend: "local"), path: "x.yaml")
        #expect(spec.backends["local"]?.openAI?.baseURL == azure)
        #expect(problem("http://127.0.0.1:9/v1/chat/completions?api-version=1")?.suggestion == "did you mean 'http://127.0.0.1:9/v1?api-version=1'?")
    }

    @Test("headers that carry credentials are refused without showing them")
    func credentialHeaders() {
        let problem = DebateFileFixture.problem(Self.debate(backends: """
            backends:
              local:
                type: openai
                model: m
                headers:
                  Authorization: Bearer sk-secret
            """, agentBackend: "local"))
        #expect(problem?.line == 8)
        #expect(problem?.column == 7)
        #expect(problem?.keyPath == "backends.local.headers.Authorization")
        #expect(problem?.description.contains("sk-secret") == false)
    }

    @Test("api_key_env must be a variable's name, and a key written there is not shown")
    func apiKeyEnvHoldingAKey() {
        let problem = DebateFileFixture.problem(Self.debate(backends: "backends:\n  claude:\n    type: anthropic\n    model: m\n    api_key_env: sk-ant-abc123", agentBackend: "claude"))
        #expect(problem?.keyPath == "backends.claude.api_key_env")
        #expect(problem?.line == 7)
        #expect(problem?.column == 18)
        #expect(problem?.description.contains("abc123") == false)
    }

    @Test("numbers out of range are refused where they are written")
    func ranges() {
        let problems = DebateFileFixture.problems(Self.debate(backends: """
            backends:
              local:
                type: openai
                model: m
                temperature: 3
                max_tokens: 0
                retries: -1
                price: { prompt: -0.1 }
            """, agentBackend: "local"))
        #expect(problems.map(\.keyPath) == [
            "backends.local.temperature", "backends.local.max_tokens", "backends.local.retries",
            "backends.local.price.completion", "backends.local.price.prompt",
        ])
        #expect(problems.map(\.line) == [7, 8, 9, 10, 10])
        #expect(problems[0].message == "backends.local.temperature: expected a temperature from 0 to 2, found '3'")
        #expect(problems[3].message == "missing required key 'completion' at backends.local.price")
    }
}
