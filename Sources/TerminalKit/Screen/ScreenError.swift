/// Why the screen could not start.
public enum ScreenError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Standard input or output is not a terminal (piped or redirected).
    case notATerminal
    /// curses does not know the terminal type.
    case unknownTerminal(String)
    /// The screen was started before; a screen runs once.
    case alreadyStarted
    /// A signal is stopping the program and the terminal has been given back for good.
    case terminalRestored

    public var description: String {
        switch self {
        case .notATerminal:
            "standard input and output must be a terminal to show the screen; run in a terminal, "
                + "or use the headless output when piping"
        case .unknownTerminal(let name):
            "the terminal type '\(name)' is unknown to curses (no terminfo entry); "
                + "set TERM to a known type such as xterm-256color"
        case .alreadyStarted:
            "the screen was already started; make a new Screen to start again"
        case .terminalRestored:
            "the program is stopping on a signal and has given the terminal back; the screen cannot start"
        }
    }
}
