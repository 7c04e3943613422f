import Foundation
import ParleyCore
import Synchronization

/// The guards that keep a debate's complexity tax in check: token and cost budgets and the
/// repetition detector. (The round limit is the debate's length; the per-turn timeout is
/// applied around each model call.) A guard that stops the debate lets the turn in flight
/// finish, then no peer takes the floor again and the facilitator writes the final summary.
final class Guards: Sendable {
    private struct State {
        var usage = Usage.zero
        var stop: GuardKind?
        /// Each peer's latest messages' shingles, newest last.
        var recent: [AgentID: [(round: Int, shingles: Set<Int>)]] = [:]

        /// Remembers a peer's message for the detector, forgetting its oldest beyond `keeping`.
        mutating func remember(_ message: Message, _ shingles: Set<Int>, keeping: Int) {
            recent[message.sender, default: []].append((message.round, shingles))
            if recent[message.sender]!.count > keeping { recent[message.sender]!.removeFirst() }
        }
    }

    private let spec: GuardSpec
    private let bus: EventBus
    private let state = Mutex(State())
    /// How many of a peer's own messages the detector compares a new one with.
    private let memory = 3

    init(spec: GuardSpec, bus: EventBus) {
        self.spec = spec
        self.bus = bus
    }

    /// The guard that asked the debate to stop, if one did.
    var stopReason: GuardKind? { state.withLock(\.stop) }

    /// The usage of every message and summary so far.
    var usage: Usage { state.withLock(\.usage) }

    /// Counts usage against the budgets; trips a budget guard when it is reached.
    func spend(_ usage: Usage) {
        state.withLock { state in
            state.usage += usage
            if let budget = spec.tokenBudget, state.usage.totalTokens >= budget, state.stop == nil {
                trip(
                    &state, .tokenBudget, agent: nil,
                    "used \(state.usage.totalTokens) tokens of the \(budget)-token budget")
            }
            if let budget = spec.costBudget, let cost = state.usage.cost, cost >= budget, state.stop == nil {
                trip(
                    &state, .costBudget, agent: nil,
                    "spent an estimated $\(Self.dollars(cost)) of the $\(Self.dollars(budget)) budget")
            }
        }
    }

    /// Flags a message that repeats its sender's earlier messages or echoes another peer's latest.
    func check(_ message: Message, names: (AgentID) -> String) {
        guard let repetition = spec.repetition, let shingles = watchedShingles(of: message) else { return }
        state.withLock { state in
            var worst: (overlap: Double, of: AgentID, round: Int)?
            for (peer, messages) in state.recent {
                let compared = peer == message.sender ? messages : Array(messages.suffix(1))
                for earlier in compared {
                    let overlap = Words.overlap(shingles, earlier.shingles)
                    if overlap >= repetition.threshold, overlap > worst?.overlap ?? 0 {
                        worst = (overlap, peer, earlier.round)
                    }
                }
            }
            state.remember(message, shingles, keeping: memory)
            guard let worst else { return }
            let similarity = (worst.overlap * 100).rounded() / 100
            let detail =
                worst.of == message.sender
                ? "\(names(message.sender)) repeats its round-\(worst.round) message (overlap \(similarity))"
                : "\(names(message.sender)) echoes \(names(worst.of)) (overlap \(similarity))"
            if repetition.stops, state.stop == nil {
                trip(&state, .repetition, agent: message.sender, detail)
            } else {
                bus.emit(.guardTripped(GuardTrip(kind: .repetition, agent: message.sender, detail: detail, stops: false)))
            }
        }
    }

    /// The shingles the repetition detector compares a message by; nil when it does not watch
    /// the message (the detector is off, the person wrote it, or it is too short).
    private func watchedShingles(of message: Message) -> Set<Int>? {
        guard spec.repetition != nil, message.sender != .human else { return nil }
        let shingles = Words.shingles(in: message.text)
        return shingles.count >= 4 ? shingles : nil
    }

    /// Takes back a peer's message of a debate's recorded history (a fork): its usage counts
    /// against the budgets and the repetition detector remembers it, silently (what tripped then
    /// is in the history; ``recall(trip:)`` puts back a guard that stopped the debate).
    func recall(_ message: Message) {
        let shingles = watchedShingles(of: message)
        state.withLock { state in
            state.usage += message.usage
            if let shingles { state.remember(message, shingles, keeping: memory) }
        }
    }

    /// Takes back the usage of a summary of a debate's recorded history (a fork), silently.
    func recall(usage: Usage) {
        state.withLock { $0.usage += usage }
    }

    /// Takes back a guard that asked the recorded debate to stop.
    func recall(trip kind: GuardKind) {
        state.withLock { $0.stop = $0.stop ?? kind }
    }

    /// Whether replies are watched for step repetition while they stream (the repetition
    /// detector is on).
    var watchesSteps: Bool { spec.repetition != nil }

    /// Counts a reply that was cut for step repetition: the same `span` said over and over.
    func cutLoop(of message: Message, span: String, names: (AgentID) -> String) {
        guard let repetition = spec.repetition else { return }
        let detail =
            "\(names(message.sender)) said “\(Words.cut(span, to: 80))” \(StepRepetition.repeats) times in a row; "
            + "its reply was cut after the first"
        state.withLock { state in
            if repetition.stops, state.stop == nil {
                trip(&state, .repetition, agent: message.sender, detail)
            } else {
                bus.emit(.guardTripped(GuardTrip(kind: .repetition, agent: message.sender, detail: detail, stops: false)))
            }
        }
    }

    /// Reports a turn that ran over the per-turn timeout (the turn then fails like any other).
    func timedOut(_ agent: AgentID, after seconds: Double) {
        bus.emit(
            .guardTripped(
                GuardTrip(
                    kind: .turnTimeout, agent: agent,
                    detail: "\(agent) took longer than the \(Seconds.describe(seconds)) turn timeout", stops: false)))
    }

    private func trip(_ state: inout State, _ kind: GuardKind, agent: AgentID?, _ detail: String) {
        state.stop = kind
        bus.emit(.guardTripped(GuardTrip(kind: kind, agent: agent, detail: detail, stops: true)))
    }

    static func dollars(_ value: Double) -> String {
        String(format: "%.2f", value)
    }

}
