/// Runs a model call under the per-turn timeout.
enum TurnTimer {
    /// Thrown when the call ran over.
    struct Expired: Error {}

    /// Runs `call`, cancelling it and throwing ``Expired`` when it takes longer than `timeout`
    /// seconds (nil: no limit).
    static func run(timeout: Double?, _ call: @escaping @Sendable () async throws -> Void) async throws {
        guard let timeout else { return try await call() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await call() }
            group.addTask {
                try await Task.sleep(for: .seconds(timeout))
                throw Expired()
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }
}
