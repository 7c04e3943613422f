import ParleyCore
import Logging
import ParleyModels

/// Makes each agent's model from its backend: scripted personas from their arguments, and
/// HTTP backends through the factory given.
public struct ModelProvider: Sendable {
    /// Makes a model for an HTTP backend (openai, anthropic).
    public typealias HTTPFactory = @Sendable (BackendConfig) throws -> any ChatModel

    private let http: HTTPFactory?
    private let scriptedPace: Double?

    /// A provider. `http` makes HTTP backends (nil: a debate that names one fails to build);
    /// `scriptedPace`, when given, overrides every scripted backend's words per second
    /// (0 for benchmarks and tests).
    public init(http: HTTPFactory? = nil, scriptedPace: Double? = nil) {
        self.http = http
        self.scriptedPace = scriptedPace
    }

    /// The model of a peer.
    /// - Throws: ``DebateSetupError`` when its backend is missing or cannot be made.
    public func model(for agent: AgentSpec, in spec: DebateSpec) throws -> any ChatModel {
        switch try backend(agent.backend, of: "agent '\(agent.id)'", in: spec) {
        case .scripted(var config):
            if let scriptedPace { config.wordsPerSecond = scriptedPace }
            return ScriptedPersona(arguments: agent.arguments, config: config)
        case let other:
            return try makeHTTP(other, for: "agent '\(agent.id)'")
        }
    }

    /// The model of the facilitator.
    /// - Throws: ``DebateSetupError`` when its backend is missing or cannot be made.
    public func model(for facilitator: FacilitatorSpec, in spec: DebateSpec) throws -> any ChatModel {
        switch try backend(facilitator.backend, of: "the facilitator", in: spec) {
        case .scripted(var config):
            if let scriptedPace { config.wordsPerSecond = scriptedPace }
            return ScriptedFacilitator(config: config)
        case let other:
            return try makeHTTP(other, for: "the facilitator")
        }
    }

    private func backend(_ name: String, of owner: String, in spec: DebateSpec) throws -> BackendConfig {
        guard let backend = spec.backend(named: name) else {
            throw DebateSetupError(message: "\(owner) names backend '\(name)', which the debate does not define")
        }
        return backend
    }

    private func makeHTTP(_ backend: BackendConfig, for owner: String) throws -> any ChatModel {
        guard let http else {
            throw DebateSetupError(message: "\(owner) uses a \(backend.type) backend, which this build cannot reach")
        }
        return try http(backend)
    }
}

/// A debate could not be built from its spec.
public struct DebateSetupError: Error, CustomStringConvertible, Sendable {
    /// What is wrong and what to do.
    public var message: String
    public var description: String { message }
}

extension ModelProvider {
    /// Scripted personas, and real models over HTTP through the process's shared client,
    /// logging each request to `logger`.
    public static func standard(logger: Logger = Logger(label: "parley.models"), scriptedPace: Double? = nil) -> ModelProvider {
        ModelProvider(
            http: { config in
                guard let model = makeHTTPModel(config, context: HTTPModelContext(logger: logger)) else {
                    throw DebateSetupError(message: "backend type \(config.type) is not an HTTP backend")
                }
                return model
            },
            scriptedPace: scriptedPace)
    }
}
