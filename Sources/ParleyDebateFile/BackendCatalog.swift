import ParleyCore
import ParleyEngine
import ParleyFiles

/// The backend types a debate file may declare.
enum BackendKind: String, CaseIterable, Sendable {
    case scripted, openai, anthropic

    /// The keys a backend of this type may have.
    var keys: [String] {
        let http = [
            "type", "base_url", "model", "api_key_env", "headers", "temperature", "max_tokens", "context_tokens",
            "price", "show_reasoning", "retries", "idle_timeout", "connect_timeout",
        ]
        return switch self {
        case .scripted: ["type", "words_per_second"]
        case .openai: http + ["seed"] + DebateFileReader.samplingKeys(of: self)
        case .anthropic: http + ["version"] + DebateFileReader.samplingKeys(of: self)
        }
    }

    /// Every key some backend type may have.
    static let allKeys: [String] = allCases.flatMap(\.keys).reduce(into: []) { keys, key in
        if !keys.contains(key) { keys.append(key) }
    }
}

/// The backends a debate file declares, by name, with their types; what agents refer to.
struct BackendCatalog {
    /// Declared backends by name; the type is nil when it could not be read.
    private(set) var kinds: [String: BackendKind?] = [DebateSpec.scriptedBackend: .scripted]
    /// The prompt styles backends set (`prompt_style`), by name.
    private(set) var promptStyles: [String: PromptStyle] = [:]

    /// Adds a declared backend.
    mutating func declare(_ name: String, as kind: BackendKind?) {
        kinds[name] = .some(kind)
    }

    /// Notes the prompt style a backend sets for the agents on it.
    mutating func setPromptStyle(_ style: PromptStyle?, of name: String) {
        promptStyles[name] = style
    }

    /// Whether a backend of that name exists.
    func contains(_ name: String) -> Bool { kinds[name] != nil }

    /// The type of the named backend, when it exists and its type is known.
    func kind(of name: String) -> BackendKind? { kinds[name] ?? nil }

    /// The names, sorted, `scripted` first.
    var names: [String] {
        kinds.keys.sorted { ($0 != DebateSpec.scriptedBackend ? 1 : 0, $0) < ($1 != DebateSpec.scriptedBackend ? 1 : 0, $1) }
    }
}
