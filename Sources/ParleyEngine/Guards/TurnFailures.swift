import ParleyCore

/// What the person decides about a failed turn.
enum Resolution: Sendable, Equatable {
    case retry
    case skip
}

/// Failed turns waiting for the person to retry or skip them (`retryTurn`, `skipTurn`).
final class TurnFailures: Sendable {
    private struct State: Sendable {
        var failed: Set<AgentID> = []
        var decided: [AgentID: Resolution] = [:]
    }

    private let monitor = Monitor(State())

    /// Waits until the failed turn of `agent` is retried or skipped.
    /// - Throws: `CancellationError` when the debate stops meanwhile.
    func awaitResolution(of agent: AgentID, isolation: isolated (any Actor)? = #isolation) async throws -> Resolution {
        monitor.update { _ = $0.failed.insert(agent) }
        return try await monitor.wait { state in
            guard let resolution = state.decided.removeValue(forKey: agent) else { return nil }
            state.failed.remove(agent)
            return resolution
        }
    }

    /// Decides every failed turn that waits; returns whether any did.
    @discardableResult
    func resolve(_ resolution: Resolution) -> Bool {
        monitor.update { state in
            for agent in state.failed { state.decided[agent] = resolution }
            return !state.failed.isEmpty
        }
    }

    /// Ends every wait: the debate is over.
    func close() { monitor.close() }
}
