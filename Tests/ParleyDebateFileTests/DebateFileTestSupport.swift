import ParleyModels
import Testing
@testable import ParleyDebateFile
import ParleyEngine

/// Reading inline debate files in tests.
enum DebateFileFixture {
    /// Two scripted agents: the smallest valid debate, to append other keys to.
    static let agents = """
        agents:
          - id: pm
            role: Product
            arguments: [Users want it]
          - id: eng
            role: Engineering
            arguments: [It takes a quarter]
        """

    /// A valid debate with `extra` lines at the top level.
    static func debate(_ extra: String = "") -> String {
        "title: T\nquestion: Q?\n" + (extra.isEmpty ? "" : extra + "\n") + agents + "\n"
    }

    /// The problems of a file that must not load; records an issue when it loads.
    static func problems(_ yaml: String, path: String = "x.yaml", sourceLocation: SourceLocation = #_sourceLocation) -> [DebateFileError.Problem] {
        do {
            let spec = try DebateFile.parse(yaml, path: path)
            Issue.record("expected problems, but the file loaded: \(spec.title)", sourceLocation: sourceLocation)
            return []
        } catch let error as DebateFileError {
            #expect(!error.problems.isEmpty, sourceLocation: sourceLocation)
            return error.problems
        } catch {
            Issue.record("expected a DebateFileError, got \(error)", sourceLocation: sourceLocation)
            return []
        }
    }

    /// The one problem of a file; records an issue when there is not exactly one.
    static func problem(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) -> DebateFileError.Problem? {
        let found = problems(yaml, sourceLocation: sourceLocation)
        #expect(found.count == 1, "problems: \(found.map(\.headline))", sourceLocation: sourceLocation)
        return found.first
    }
}


extension BackendConfig {
    /// The settings, when this is an OpenAI-compatible backend.
    var openAI: OpenAIConfig? {
        if case .openai(let config) = self { config } else { nil }
    }

    /// The settings, when this is an Anthropic backend.
    var anthropic: AnthropicConfig? {
        if case .anthropic(let config) = self { config } else { nil }
    }
}
