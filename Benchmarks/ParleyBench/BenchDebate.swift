import Foundation
import ParleyCore
import ParleyEngine
import Synchronization

/// The synthetic debate `parley-bench` runs, and its measurement.
enum BenchDebate {
    /// One run's figures.
    struct Figures: CustomStringConvertible {
        var messages: Int
        var events: Int
        var seconds: Double
        var bytes: Int?

        var description: String {
            let rate = Double(messages) / seconds
            var text = "\(messages) messages in \(String(format: "%.3f", seconds)) s — \(Int(rate).formatted()) messages/s"
                + " (\(Int(Double(events) / seconds).formatted()) events/s)"
            if let bytes { text += ", \(String(format: "%.1f", Double(bytes) / 1_000_000)) MB recorded" }
            return text
        }
    }

    private static let topics = [
        "churn", "pricing", "latency", "migration", "support", "onboarding", "margin", "roadmap", "security",
        "reliability", "adoption", "revenue", "storage", "sync", "mobile", "enterprise", "design", "hiring",
    ]

    /// `agents` scripted peers with six arguments each, no delay, no repetition guard.
    static func spec(agents: Int, rounds: Int, floor: FloorProtocol, facilitator: Bool) -> DebateSpec {
        let peers = (0..<agents).map { index in
            AgentSpec(
                id: AgentID("peer\(index + 1)"), name: "Peer \(index + 1)", role: "role \(index + 1)",
                arguments: (0..<6).map { argument in
                    let a = topics[(index * 5 + argument) % topics.count]
                    let b = topics[(index * 3 + argument * 7 + 1) % topics.count]
                    return "Our \(a) plan depends on \(b); without a clear answer on \(a) we risk the \(b) goals this quarter."
                })
        }
        return DebateSpec(
            title: "Bench", question: "Which plan should we fund?", rounds: rounds, floor: floor,
            pace: PaceState(mode: .live), guards: GuardSpec(repetition: nil), agents: peers,
            facilitator: facilitator ? FacilitatorSpec() : nil)
    }

    /// Runs the debate once and times it.
    static func measure(_ spec: DebateSpec, recordTo path: String?) async throws -> Figures {
        let debate = try Debate(spec: spec, models: ModelProvider(scriptedPace: 0), policy: .stop)
        let messages = Atomic<Int>(0)
        debate.bus.addSink { record in
            if case .messageCompleted = record.event { messages.add(1, ordering: .relaxed) }
        }
        let log = try path.map { try EventLogWriter(path: $0) }
        if let log { debate.record(to: log) }
        let clock = ContinuousClock()
        let elapsed = await clock.measure { await debate.run() }
        log?.close()
        let bytes = path.flatMap { try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int }
        let seconds = elapsed.inSeconds
        return Figures(messages: messages.load(ordering: .relaxed), events: debate.bus.count, seconds: seconds, bytes: bytes)
    }

    /// The process's peak resident memory in megabytes.
    static func peakMemoryMB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
