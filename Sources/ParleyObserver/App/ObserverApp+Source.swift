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

    /// Takes over the terminal, runs and shows `source` until the person quits (or forks it, or
    /// SIGTERM or SIGHUP asks the program to end), stops it and puts the terminal back.
    /// - Returns: how the debate ended, the signal that ended the watch if one did, and the turn
    ///   the person asked to fork at if they did.
    /// - Throws: the screen's error when the terminal cannot be taken over; the source has not
    ///   started then.
    public static func watch(
        _ source: some DebateSource, options: ObserverOptions
    ) async throws -> (reason: FinishReason, stopSignal: Int32?, fork: MessageID?) {
        var ending: (reason: FinishReason, stopSignal: Int32?, fork: MessageID?) = (.stopped, nil, nil)
        _ = try await onScreen(options: options) { app in
            ending.reason = await app.watch(source)
            ending.stopSignal = app.stopSignal
            ending.fork = app.forkRequest
            return app.state
        }
        return ending
    }
}
