import Foundation
import ParleyCore
import ParleyModels
import Synchronization

/// What to do when a peer's turn fails.
public enum FailurePolicy: Sendable, Hashable {
    /// Hold the debate with the error shown until the person retries or skips the turn (the observer).
    case hold
    /// End the debate (headless runs: nobody is there to decide).
    case stop
    /// Skip the failed turn and go on.
    case skip
}

/// What the peers share: the event bus, the mesh, the floor, the pace gate, the blackboard,
/// the guards and the prompts. The peers hold it; nothing in it decides for them.
final class DebateWorld: Sendable {
    let bus: EventBus
    let mesh: Mesh
    let floor: Floor
    let pace: PaceGate
    let blackboard: Blackboard
    let guards: Guards
    let failures = TurnFailures()
    /// The executor the peers run on.
    let executor = DebateExecutor()
    let prompts: PromptBuilder
    let participants: [Agent]
    let turnTimeout: Double?
    let policy: FailurePolicy
    private let names: [AgentID: String]
    private let messageIDs: Atomic<Int>
    private let failure = Mutex<String?>(nil)
    private let stop: @Sendable () -> Void

    init(
        bus: EventBus, mesh: Mesh, floor: Floor, pace: PaceGate, blackboard: Blackboard, guards: Guards,
        prompts: PromptBuilder, turnTimeout: Double?, policy: FailurePolicy, lastMessageID: Int = 0,
        stop: @escaping @Sendable () -> Void
    ) {
        messageIDs = Atomic(lastMessageID)
        self.bus = bus
        self.mesh = mesh
        self.floor = floor
        self.pace = pace
        self.blackboard = blackboard
        self.guards = guards
        self.prompts = prompts
        self.participants = prompts.participants
        self.turnTimeout = turnTimeout
        self.policy = policy
        self.stop = stop
        names = Dictionary(prompts.participants.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// A participant's display name.
    @Sendable func name(_ id: AgentID) -> String {
        id == .human ? "you" : names[id] ?? id.rawValue
    }

    /// The next message id, unique in the debate.
    func nextMessageID() -> MessageID {
        MessageID(messageIDs.add(1, ordering: .relaxed).newValue)
    }

    /// The error that ended the debate, under the `stop` policy.
    var fatalFailure: String? { failure.withLock { $0 } }

    /// Reports a failed turn and waits for what to do about it, as the policy says.
    /// - Throws: `CancellationError` when the debate stops meanwhile, or ends because of it.
    func failed(_ agent: AgentID, round: Int, error: any Error) async throws -> Resolution {
        let model = error as? ModelError
        let cancelled = error is TurnCancelled
        let who = names[agent].map { "\($0) (@\(agent))" } ?? "@\(agent)"
        let text = "\(who): \(model?.message ?? (cancelled ? TurnCancelled.message : String(describing: error)))"
        bus.emit(.peerFailed(PeerFailure(
            agent: agent, round: round, error: text, retryable: model?.retryable ?? true, cancelled: cancelled)))
        switch policy {
        case .skip:
            return .skip
        case .stop:
            failure.withLock { $0 = $0 ?? text }
            stop()
            throw CancellationError()
        case .hold:
            let wasLive = pace.pace.mode == .live
            pace.pause()
            let resolution = try await failures.awaitResolution(of: agent)
            if wasLive { pace.resume() }
            return resolution
        }
    }
}
