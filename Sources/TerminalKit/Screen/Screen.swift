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
    /// changed size (present a new frame at the new ``size`` then). Nothing is read while nothing
    /// happens: waiting costs no CPU. The stream ends when the screen stops or the terminal hangs
    /// up.
    public let input: AsyncStream<[Key]>

    /// How deep the screen draws colours: the terminal's depth limited to what curses can draw;
    /// `.none` until started.
    public private(set) var colorDepth = ColorDepth.none

    /// Whether the screen is running (started, not stopped).
    public private(set) var isRunning = false

    private let environment: [String: String]
    private let inputContinuation: AsyncStream<[Key]>.Continuation
    private var wasStarted = false
    private var cursesScreen: OpaquePointer?
    private var window: UnsafeMutablePointer<WINDOW>?
    private var watch: InputWatch?
    private var colors = CursesColors(depth: .none, hasDefaultColors: false, pairCount: 1)
    /// The colour pair of each style drawn since the pairs were last reset.
    private var stylePairs: [Style: Int32] = [:]
    private var lastFrame: Canvas?
    private var cursor: Point?

    /// Makes a screen; nothing happens to the terminal until ``start()``.
    /// - Parameter environment: where `NO_COLOR` and `COLORTERM` are read.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
        (input, inputContinuation) = AsyncStream.makeStream(of: [Key].self, bufferingPolicy: .unbounded)
    }

    /// Takes over the terminal: sets the locale from the environment, starts curses in cbreak
    /// mode without echo (keypad keys decoded, mouse presses, releases and wheel reported, a 25 ms
    /// Esc delay, cursor hidden, the terminal's own colours kept as default) and starts reading
    /// input.
    /// - Throws: ``ScreenError/notATerminal`` when standard input or output is not a terminal,
    ///   ``ScreenError/unknownTerminal(_:)`` when curses does not know `TERM`,
    ///   ``ScreenError/alreadyStarted`` on a second start.
    public func start() throws {
        guard !wasStarted else { throw ScreenError.alreadyStarted }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw ScreenError.notATerminal }
        TerminalRestore.install()
        // Ctrl-Z is ours, not curses' (whose handler leaves keypad mode off after `fg`).
        _ = parley_install_handler(SIGTSTP, EmergencyHandlers.suspend, 0, nil)
        parley_setlocale()
        if parley_wcwidth(0x4E16) != 2 { parley_use_utf8_ctype() }
        guard let screen = parley_newterm() else {
            throw ScreenError.unknownTerminal(environment["TERM"] ?? "(TERM is not set)")
        }
        wasStarted = true
        cursesScreen = screen
        window = parley_stdscr()
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        nodelay(window, true)
        leaveok(window, true)
        curs_set(0)
        set_escdelay(25)
        parley_disable_flow_control(STDIN_FILENO)
        def_prog_mode()
        startColors()
        _ = mousemask(parley_mouse_events(), nil)
        mouseinterval(0)
        TerminalRestore.enteredCursesMode(leaveSequence: Self.leaveSequence())
        isRunning = true
        watch = InputWatch(terminal: STDIN_FILENO, wakePipe: TerminalRestore.wakePipeReadEnd) { [weak self] readiness in
            self?.readInput(readiness)
        }
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
        parley_default_action(SIGTSTP)
        watch?.stop()
        watch = nil
        _ = mousemask(0, nil)
        curs_set(1)
        TerminalRestore.whileTerminalOpen {
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
    /// the screen is clipped; a smaller one leaves the rest blank.
    public func present(_ canvas: Canvas) {
        guard isRunning, let window else { return }
        let (width, height) = size
        let frame = Self.fitted(canvas, width: width, height: height)
        if lastFrame == nil {
            werase(window)
            clearok(window, true)
        }
        var runs = FrameDiff.runs(from: lastFrame, to: frame)
        if !allocatePairs(for: runs) {
            // Out of colour pairs: start over with an empty table and repaint everything.
            resetPairs()
            werase(window)
            clearok(window, true)
            runs = FrameDiff.runs(from: nil, to: frame)
            _ = allocatePairs(for: runs)
        }
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
        TerminalRestore.whileTerminalOpen {
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

    // MARK: - Drawing

    /// `canvas` cut or padded to the screen's size.
    private static func fitted(_ canvas: Canvas, width: Int, height: Int) -> Canvas {
        if canvas.width == width && canvas.height == height { return canvas }
        var frame = Canvas(width: width, height: height)
        frame.draw(canvas, at: Point(x: 0, y: 0))
        return frame
    }

    /// Gives every style in `runs` a colour pair; false when the pairs ran out.
    private func allocatePairs(for runs: [FrameRun]) -> Bool {
        guard colorDepth != .none else { return true }
        for run in runs {
            for cell in run.cells where stylePairs[cell.style] == nil {
                let pair = colors.pair(for: cell.style)
                switch colors.allocate(pair) {
                case .existing(let number):
                    stylePairs[cell.style] = number
                case .new(let number):
                    init_extended_pair(number, pair.foreground, pair.background)
                    stylePairs[cell.style] = number
                case .full:
                    return false
                }
            }
        }
        return true
    }

    /// Forgets every colour pair, in curses too.
    private func resetPairs() {
        reset_color_pairs()
        colors.reset()
        stylePairs.removeAll(keepingCapacity: true)
    }

    private func write(_ run: FrameRun, of frame: Canvas, in window: UnsafeMutablePointer<WINDOW>) {
        var characters: [wchar_t] = []
        for (offset, cell) in run.cells.enumerated() {
            let column = run.column + offset
            let isWide = column + 1 < frame.width && frame[column + 1, run.row].isContinuation
            var glyph: TerminalGlyph
            if cell.isContinuation {
                // The right half of a wide character is written with it, unless its left half is
                // not a wide character after all (a canvas edited cell by cell): then a blank.
                if column > 0, TextWidth.columns(frame[column - 1, run.row].character) == 2 { continue }
                glyph = .blank
            } else {
                glyph = TerminalGlyph.make(cell.character)
                let canvasColumns = TextWidth.columns(cell.character)
                if canvasColumns == 2 && !isWide { glyph = .blank }  // a broken wide character
                if canvasColumns != 2 && glyph.columns == 2 { glyph = .replacement }
            }
            characters.removeAll(keepingCapacity: true)
            for scalar in glyph.scalars { characters.append(wchar_t(bitPattern: scalar.value)) }
            characters.append(0)
            let attributes = parley_attributes(UInt32(cell.style.attributes.rawValue))
            let pair = stylePairs[cell.style] ?? 0
            _ = parley_put_cell(window, Int32(run.row), Int32(column), characters, attributes, pair)
            if glyph.columns == 1 && isWide {
                // curses thinks the character narrow: blank the second column ourselves.
                characters = [wchar_t(0x20), 0]
                _ = parley_put_cell(window, Int32(run.row), Int32(column + 1), characters, attributes, pair)
            }
        }
    }

    private func startColors() {
        guard has_colors() else { return }
        // COLORS is only set by start_color, which NO_COLOR must prevent: ask terminfo.
        let terminalDepth = ColorDepth.detect(
            colors: Int(parley_tigetnum("colors")), hasRGB: parley_tigetflag("RGB") != 0, environment: environment)
        guard terminalDepth != .none else { return }
        start_color()
        let hasDefaultColors = use_default_colors() == OK
        colorDepth = terminalDepth.limited(toCursesColors: Int(parley_colors()))
        colors = CursesColors(depth: colorDepth, hasDefaultColors: hasDefaultColors, pairCount: Int(parley_color_pairs()))
    }

    /// What gives the terminal back if the program dies in curses mode: mouse reporting off,
    /// attributes reset, cursor shown, keypad mode and the alternate screen left, from terminfo.
    private static func leaveSequence() -> [UInt8] {
        func capability(_ name: String, fallback: String) -> [UInt8] {
            guard let value = parley_tigetstr(name) else { return Array(fallback.utf8) }
            return TerminfoString.withoutPadding(Array(String(cString: value).utf8))
        }
        return Array("\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l".utf8)
            + capability("sgr0", fallback: "\u{1B}[0m")
            + capability("cnorm", fallback: "\u{1B}[?25h")
            + capability("rmkx", fallback: "")
            + capability("rmcup", fallback: "\u{1B}[?1049l")
    }

    // MARK: - Input

    /// Reads everything the terminal has, without waiting, and hands it to ``input``.
    private func readInput(_ readiness: InputReadiness) {
        guard isRunning, let window else { return }
        var keys: [Key] = []
        if readiness.suspended {
            suspend(window)
            keys.append(.resize)
        }
        if readiness.resized { adoptTerminalSize() }
        var value: wint_t = 0
        while true {
            let status = wget_wch(window, &value)
            if status == ERR { break }
            switch KeyDecoding.decode(status: status, value: value) {
            case .key(let key): keys.append(key)
            case .mouse: keys += readMouse()
            case .ignored: break
            }
        }
        if readiness.resized && !keys.contains(.resize) { keys.append(.resize) }
        if keys.contains(.resize) {
            keys = KeyBatch.mergingResizes(keys)
            lastFrame = nil
        }
        if !keys.isEmpty { inputContinuation.yield(keys) }
        if readiness.hungUp { inputContinuation.finish() }
    }

    /// Reads the mouse events curses holds. When several arrive at once (a press and its release
    /// in one read), curses reports one KEY_MOUSE and `getmouse` gives them newest first.
    private func readMouse() -> [Key] {
        var events: [Key] = []
        var x: Int32 = 0
        var y: Int32 = 0
        var state: mmask_t = 0
        while parley_getmouse(&x, &y, &state) == 0 {
            if let key = KeyDecoding.mouse(state: state, x: x, y: y) { events.append(key) }
        }
        return events.reversed()
    }

    /// Gives the terminal back to the shell and stops the process (Ctrl-Z); once continued
    /// (`fg`), takes the terminal again. The next frame repaints everything.
    private func suspend(_ window: UnsafeMutablePointer<WINDOW>) {
        TerminalRestore.whileTerminalOpen { endwin() }
        TerminalRestore.leftCursesMode()
        parley_default_action(SIGTSTP)
        kill(getpid(), SIGTSTP)
        // Continued.
        _ = parley_install_handler(SIGTSTP, EmergencyHandlers.suspend, 0, nil)
        TerminalRestore.enteredCursesMode(leaveSequence: Self.leaveSequence())
        keypad(window, true)
        adoptTerminalSize()
        lastFrame = nil
    }

    /// Tells curses the size the kernel reports, so the next frame is drawn for it.
    private func adoptTerminalSize() {
        var rows: Int32 = 0
        var columns: Int32 = 0
        guard parley_window_size(STDOUT_FILENO, &rows, &columns) == 0 else { return }
        resizeterm(rows, columns)
        lastFrame = nil
    }
}
