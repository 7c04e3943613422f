import CNcursesw
import Foundation

/// The terminal, driven through curses: it shows canvases and reads keys. All its calls happen
/// on the main actor, as curses is not thread-safe.
///
/// A screen runs once: ``start()``, then ``present(_:)`` frames and read ``input``, then
/// ``stop()``. Starting also installs ``TerminalRestore``, so the terminal is put back however
/// the program ends.
@MainActor
public final class Screen {
    /// Batches of keys, in the order they were typed, including `.resize` when the terminal
    /// changed size (present a new frame at the new ``size`` then). Ctrl-C arrives here as
    /// `.control("c")` (SIGINT, however sent, is a key while the screen runs), after the keys read
    /// with it. Nothing is read while nothing happens: waiting costs no CPU. The stream ends when
    /// the screen stops or the terminal hangs up.
    public let input: AsyncStream<[Key]>

    /// How deep the screen draws colours: the terminal's depth limited to what curses can draw;
    /// `.none` until started.
    public internal(set) var colorDepth = ColorDepth.none

    /// Whether the screen is running (started, not stopped).
    public internal(set) var isRunning = false

    let environment: [String: String]
    let inputContinuation: AsyncStream<[Key]>.Continuation
    var wasStarted = false
    var cursesScreen: OpaquePointer?
    var window: UnsafeMutablePointer<WINDOW>?
    var watch: InputWatch?
    var colors = CursesColors(depth: .none, hasDefaultColors: false, pairCount: 1)
    /// The colour pair of each style drawn since the pairs were last reset.
    var stylePairs: [Style: Int32] = [:]
    var lastFrame: Canvas?
    var cursor: Point?
    /// What gives the terminal back if the program dies in curses mode (see ``leaveSequence()``).
    var leave: [UInt8] = []

    /// Makes a screen; nothing happens to the terminal until ``start()``.
    /// - Parameter environment: where `NO_COLOR` and `COLORTERM` are read.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
        (input, inputContinuation) = AsyncStream.makeStream(of: [Key].self, bufferingPolicy: .unbounded)
    }

    /// Takes over the terminal: sets the locale (``TextWidth/prepare()``), starts curses in
    /// cbreak mode without echo (keypad keys decoded, mouse presses, releases and wheel reported,
    /// a 25 ms Esc delay, cursor hidden, the terminal's own colours kept as default) and starts
    /// reading input. Ctrl-C becomes a key (see ``input``); Ctrl-Z still suspends.
    /// - Throws: ``ScreenError/notATerminal`` when standard input or output is not a terminal,
    ///   ``ScreenError/unknownTerminal(_:)`` when curses does not know `TERM`,
    ///   ``ScreenError/alreadyStarted`` on a second start, ``ScreenError/terminalRestored`` when
    ///   a signal is stopping the program and the terminal has been given back.
    public func start() throws {
        guard !wasStarted else { throw ScreenError.alreadyStarted }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw ScreenError.notATerminal }
        TerminalRestore.install()
        // Wake-ups left from an earlier screen (a Ctrl-C nobody read) are not this screen's.
        InputWatch.discardWakeReasons(TerminalRestore.wakePipeReadEnd)
        TextWidth.prepare()
        // The leave sequence comes from terminfo, read before curses writes anything, so that
        // the restore can undo everything newterm and the set-up below send.
        let unknownTerminal = ScreenError.unknownTerminal(environment["TERM"] ?? "(TERM is not set)")
        guard parley_load_terminfo() == 0 else { throw unknownTerminal }
        leave = Self.leaveSequence()
        parley_unload_terminfo()
        // Ctrl-Z is ours, not curses' (whose handler leaves keypad mode off after `fg`).
        _ = parley_install_handler(SIGTSTP, EmergencyHandlers.suspend, 0, nil)
        var started = false
        let open = TerminalRestore.whileTerminalOpen {
            TerminalRestore.enteredCursesMode(leaveSequence: leave)
            started = startCurses()
            if !started { TerminalRestore.leftCursesMode() }
        }
        guard open, started else {
            parley_default_action(SIGTSTP)
            throw open ? unknownTerminal : ScreenError.terminalRestored
        }
        wasStarted = true
        isRunning = true
        watch = InputWatch(terminal: STDIN_FILENO, wakePipe: TerminalRestore.wakePipeReadEnd) { [weak self] readiness in
            self?.readInput(readiness)
        }
        TerminalRestore.interruptsAreKeys(true)
    }

    /// From now until ``stop()``, the first SIGTERM or SIGHUP is the key ``Key/stopSignal(_:)``
    /// in ``input`` instead of ending the program, so a program can end cleanly (a debate
    /// stopped and its recording closed) when a window is closed or `kill` asks it to. A second
    /// one, or one the program never reads, ends it as usual: cleanup hooks, the terminal
    /// restored, exit 128 + signal. Call it after ``start()``.
    public func stopSignalsAreKeys() {
        guard isRunning else { return }
        TerminalRestore.stopSignalsAreKeys(true)
    }

    /// newterm and the set-up, all of which may write to the terminal; false when curses does
    /// not know the terminal.
    private func startCurses() -> Bool {
        guard let screen = parley_newterm() else { return false }
        cursesScreen = screen
        window = parley_stdscr()
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        // NOFLSH: Ctrl-C and Ctrl-Z (still SIGINT and SIGTSTP) make the kernel throw away
        // neither typed keys nor output on its way to the terminal (half an escape sequence).
        intrflush(window, false)
        nodelay(window, true)
        // No typeahead checks while drawing: curses would otherwise cut a refresh short when a
        // key is waiting, and a key that changes nothing would leave half a frame on screen.
        typeahead(-1)
        leaveok(window, true)
        curs_set(0)
        set_escdelay(25)
        parley_disable_flow_control(STDIN_FILENO)
        def_prog_mode()
        startColors()
        _ = mousemask(parley_mouse_events(), nil)
        mouseinterval(0)
        return true
    }

    /// Starts a screen, runs `body` with it, and stops the screen however `body` ends, returning
    /// or throwing, so the terminal is restored before the error is reported.
    /// - Throws: what ``start()`` throws, or what `body` throws.
    public static func run<Result>(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        _ body: @MainActor (Screen) async throws -> Result
    ) async throws -> Result {
        let screen = Screen(environment: environment)
        try screen.start()
        defer { screen.stop() }
        return try await body(screen)
    }

    /// Gives the terminal back: mouse reporting off, cursor shown, alternate screen left, modes
    /// restored (endwin), and ends ``input``. Does nothing when the screen is not running.
    public func stop() {
        guard isRunning else { return }
        isRunning = false
        TerminalRestore.interruptsAreKeys(false)
        TerminalRestore.stopSignalsAreKeys(false)
        parley_default_action(SIGTSTP)
        watch?.stop()
        watch = nil
        TerminalRestore.whileTerminalOpen {
            _ = mousemask(0, nil)
            curs_set(1)
            endwin()
        }
        TerminalRestore.leftCursesMode()
        if let cursesScreen { delscreen(cursesScreen) }
        cursesScreen = nil
        window = nil
        inputContinuation.finish()
    }

    /// The terminal's size in cells; the kernel's idea of it before the screen starts.
    public var size: (width: Int, height: Int) {
        var rows: Int32 = 0
        var columns: Int32 = 0
        if let window {
            parley_getmaxyx(window, &rows, &columns)
        } else if parley_window_size(STDOUT_FILENO, &rows, &columns) != 0 {
            return (80, 24)
        }
        return (Int(columns), Int(rows))
    }

    /// Shows `canvas`: writes only the cells that differ from the last frame shown (everything
    /// after a resize or ``invalidate()``), then updates the terminal once. A canvas larger than
    /// the screen is clipped; a smaller one leaves the rest blank. When the terminal has fewer
    /// colour pairs than the styles drawn need, the styles beyond them are drawn with the
    /// nearest pair given out.
    public func present(_ canvas: Canvas) {
        guard isRunning, let window else { return }
        let (width, height) = size
        let frame = Self.fitted(canvas, width: width, height: height)
        let runs = FrameDiff.runs(from: lastFrame, to: frame)
        let repaintsAll = lastFrame == nil
        TerminalRestore.whileTerminalOpen {
            if repaintsAll {
                // Everything is written again anyway: a good moment to give pairs out afresh if
                // they ran out (frames since then used the nearest pair for the rest).
                if colors.hasRunOut { resetPairs() }
                werase(window)
                clearok(window, true)
            }
            allocatePairs(for: runs)
            for run in runs { write(run, of: frame, in: window) }
            if let cursor, frame.bounds.contains(cursor) {
                leaveok(window, false)
                wmove(window, Int32(cursor.y), Int32(cursor.x))
                curs_set(1)
            } else {
                leaveok(window, true)
                curs_set(0)
            }
            wnoutrefresh(window)
            doupdate()
        }
        lastFrame = frame
    }

    /// Makes the next ``present(_:)`` repaint the whole screen.
    public func invalidate() {
        lastFrame = nil
    }

    /// Shows the cursor at a cell (where a text input line is being typed) or, with nil, hides
    /// it. Takes effect at the next ``present(_:)``.
    public func setCursor(_ point: Point?) {
        cursor = point
    }
}
