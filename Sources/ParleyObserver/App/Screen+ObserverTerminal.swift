import TerminalKit

/// TerminalKit's curses screen is the observer's terminal.
extension Screen: ObserverTerminal {}

extension ObserverApp {
    /// Takes over the terminal, runs `body` with an app on it (typically
    /// `{ await $0.run(records: records, send: { debate.send($0) }) }`, with `records` from
    /// `debate.events()` taken before the debate runs), and gives the terminal back when it
    /// returns. `Screen` installs `TerminalRestore`, so the terminal is put back even if the
    /// program is killed by a signal or crashes.
    /// - Returns: what `body` returned: the observer's state when it ended.
    /// - Throws: the screen's error when the terminal cannot be taken over (standard input or
    ///   output is not a terminal, or `TERM` is unknown).
    public static func onScreen(
        options: ObserverOptions = ObserverOptions(),
        _ body: (ObserverApp) async -> ObserverState
    ) async throws -> ObserverState {
        let screen = Screen()
        try screen.start()
        defer { screen.stop() }
        screen.stopSignalsAreKeys()
        return await body(ObserverApp(terminal: screen, options: options))
    }
}
