import ParleyCore
import ParleyModels
@testable import ParleyEngine

/// Small debates for tests, built in code.
enum Fixtures {
    static let arguments: [AgentID: [String]] = [
        "pm": [
            "Users churn because collaboration is missing; feature X closes the gap.",
            "A narrow first slice lets us learn from usage before we widen it.",
            "Enterprise buyers put collaboration on their checklist.",
        ],
        "eng": [
            "A sync engine with conflict resolution takes two quarters to build.",
            "Per-operation writes double the database load and need a migration.",
            "Support cost for presence and reconnect bugs lasts for years.",
        ],
        "cfo": [
            "Feature X pays off only if it keeps recurring revenue from churn.",
            "Two engineers for two quarters cost about four hundred thousand dollars.",
            "Pricing it into a higher tier gives a clean read on demand.",
        ],
        "ux": [
            "Designers need presence cursors or co-editing feels broken.",
            "Onboarding must explain sharing in one screen.",
            "Accessibility of live cursors needs screen reader support.",
        ],
    ]

    /// A scripted debate among the given peers.
    static func spec(
        _ ids: [AgentID] = ["pm", "eng", "cfo"], floor: FloorProtocol = .roundRobin, rounds: Int = 3,
        pace: PaceState = PaceState(mode: .live), guards: GuardSpec = GuardSpec(repetition: nil),
        arguments: [AgentID: [String]] = Fixtures.arguments, facilitator: Bool = true
    ) -> DebateSpec {
        DebateSpec(
            title: "Test debate", question: "Should we build feature X?", rounds: rounds, floor: floor, pace: pace,
            guards: guards,
            agents: ids.map { id in
                AgentSpec(id: id, name: id.rawValue.uppercased(), role: "\(id) role", arguments: arguments[id] ?? ["I agree."])
            },
            facilitator: facilitator ? FacilitatorSpec(name: "Mo") : nil)
    }

    /// A debate with instant scripted models.
    static func debate(
        _ spec: DebateSpec, policy: FailurePolicy = .hold, models: ModelProvider = ModelProvider(scriptedPace: 0), lingers: Bool = false
    ) throws -> Debate {
        try Debate(spec: spec, models: models, policy: policy, lingers: lingers)
    }
}

/// Collects a debate's events as they come, and lets a test wait for one.
actor EventCollector {
    private(set) var records: [EventRecord] = []
    private var waiters: [(predicate: @Sendable ([EventRecord]) -> Bool, continuation: CheckedContinuation<Void, Never>)] = []
    private var finished = false

    /// Starts collecting from a debate (subscribe before it runs).
    static func start(_ debate: Debate) -> (EventCollector, Task<Void, Never>) {
        let collector = EventCollector()
        let stream = debate.events()
        let task = Task {
            for await record in stream { await collector.add(record) }
            await collector.finish()
        }
        return (collector, task)
    }

    var events: [DebateEvent] { records.map(\.event) }

    func add(_ record: EventRecord) {
        records.append(record)
        check()
    }

    func finish() {
        finished = true
        check()
    }

    /// Waits until the events so far satisfy `predicate` (or the stream ended).
    func wait(until predicate: @escaping @Sendable ([EventRecord]) -> Bool) async {
        if predicate(records) || finished { return }
        await withCheckedContinuation { waiters.append((predicate, $0)) }
    }

    /// Waits until `count` events match.
    func wait(forCount count: Int, of match: @escaping @Sendable (DebateEvent) -> Bool) async {
        await wait { records in records.filter { match($0.event) }.count >= count }
    }

    /// Waits until `agent` is held at the pace gate before its turn in `round`.
    func waitHeld(_ agent: AgentID, round: Int) async {
        await wait { records in records.contains { $0.event == .held(agent: agent, round: round) } }
    }

    private func check() {
        waiters.removeAll { waiter in
            guard waiter.predicate(records) || finished else { return false }
            waiter.continuation.resume()
            return true
        }
    }
}

extension DebateEvent {
    var turnAgent: AgentID? {
        if case .turnStarted(let agent, _, _) = self { agent } else { nil }
    }

    var completedMessage: Message? {
        if case .messageCompleted(let message) = self { message } else { nil }
    }

    var isHeld: Bool {
        if case .held = self { true } else { false }
    }
}

extension Array where Element == DebateEvent {
    var turns: [AgentID] { compactMap(\.turnAgent) }
    var messages: [Message] { compactMap(\.completedMessage) }
}
