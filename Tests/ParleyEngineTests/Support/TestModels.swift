import ParleyCore
import ParleyModels
import Synchronization
@testable import ParleyEngine

/// A model whose replies a test writes, which records every request it is given and how many
/// of its calls are running.
final class TestModel: ChatModel {
    typealias Reply = @Sendable (ChatRequest, @escaping @Sendable (ChatChunk) -> Void) async throws -> Void

    let label = "test"
    let contextTokens: Int?
    private let replyBody: Reply
    private let state = Mutex<(requests: [ChatRequest], running: Int, cancelled: Int)>(([], 0, 0))

    init(contextTokens: Int? = nil, reply: @escaping Reply) {
        self.contextTokens = contextTokens
        replyBody = reply
    }

    /// A model that says `text(request)` at once.
    convenience init(_ text: @escaping @Sendable (ChatRequest) -> String) {
        self.init { request, onChunk in
            onChunk(.text(text(request)))
            onChunk(.usage(Usage(promptTokens: 10, completionTokens: 5)))
        }
    }

    nonisolated(nonsending) func reply(to request: ChatRequest, onChunk: @escaping @Sendable (ChatChunk) -> Void) async throws {
        state.withLock {
            $0.requests.append(request)
            $0.running += 1
        }
        defer { state.withLock { $0.running -= 1 } }
        do {
            try await replyBody(request, onChunk)
        } catch is CancellationError {
            state.withLock { $0.cancelled += 1 }
            throw CancellationError()
        }
    }

    var requests: [ChatRequest] { state.withLock(\.requests) }
    var running: Int { state.withLock(\.running) }
    var cancelled: Int { state.withLock(\.cancelled) }
}

/// A latch a test opens to let waiting model calls go on.
final class Latch: Sendable {
    private let monitor = Monitor(0)

    /// Lets `count` more waits through.
    func open(_ count: Int = 1) { monitor.update { $0 += count } }

    /// Waits until let through.
    func wait() async throws {
        _ = try await monitor.wait { (state: inout Int) -> Bool? in
            guard state > 0 else { return nil }
            state -= 1
            return true
        }
    }

    /// How many calls wait now.
    var waiting: Int { monitor.waiting }
}

enum TestDebate {
    /// A debate whose peers run on the given test models (by id); others and the facilitator are scripted.
    static func make(
        _ spec: DebateSpec, models: [AgentID: TestModel], policy: FailurePolicy = .hold, lingers: Bool = false
    ) throws -> Debate {
        let (spec, provider) = wired(spec, models: models)
        return try Debate(spec: spec, models: provider, policy: policy, lingers: lingers)
    }

    /// The spec with the given peers on test backends, and the provider that makes their models.
    static func wired(_ spec: DebateSpec, models: [AgentID: TestModel]) -> (DebateSpec, ModelProvider) {
        var spec = spec
        for index in spec.agents.indices where models[spec.agents[index].id] != nil {
            let id = spec.agents[index].id
            spec.agents[index].backend = "test-\(id)"
            spec.backends["test-\(id)"] = .openai(OpenAIConfig(model: id.rawValue))
        }
        let provider = ModelProvider(
            http: { config in
                guard case .openai(let openai) = config, let model = models[AgentID(openai.model)] else {
                    throw DebateSetupError(message: "no test model")
                }
                return model
            }, scriptedPace: 0)
        return (spec, provider)
    }
}

/// A thread-safe counter.
final class Counter: Sendable {
    private let value = Mutex(0)

    /// Adds one; returns the new count.
    func increment() -> Int { value.withLock { $0 += 1; return $0 } }
}
