import ParleyCore

extension ObserverApp {
    /// Runs `source` and shows it until the person quits (or the terminal's input ends); then
    /// stops the source and waits for it to end.
    /// - Returns: how the debate ended.
    public func watch(_ source: some DebateSource) async -> FinishReason {
        let records = source.events()
        let running = Task.detached { await source.run() }
        await run(records: records, send: { source.send($0) })
        source.send(.stop)
        return await running.value
    }

    /// Takes over the terminal, runs and shows `source` until the person quits, stops it and
    /// puts the terminal back.
    /// - Returns: how the debate ended.
    /// - Throws: the screen's error when the terminal cannot be taken over; the source has not
    ///   started then.
    public static func watch(_ source: some DebateSource, options: ObserverOptions) async throws -> FinishReason {
        var reason: FinishReason = .stopped
        _ = try await onScreen(options: options) { app in
            reason = await app.watch(source)
            return app.state
        }
        return reason
    }
}
