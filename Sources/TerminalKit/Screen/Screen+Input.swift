import CNcursesw
import Foundation

/// Reading input through curses, on the main actor, when the input watch wakes it.
extension Screen {
    /// Reads everything the terminal has, without waiting, and hands it to ``input``, followed by
    /// a Ctrl-C for each SIGINT that woke the watch.
    func readInput(_ readiness: InputReadiness) {
        guard isRunning, let window else { return }
        var keys: [Key] = []
        if readiness.suspended {
            suspend(window)
            keys.append(.resize)
        }
        if readiness.resized { adoptTerminalSize() }
        // wget_wch may write too: it refreshes a changed window and switches keypad mode.
        TerminalRestore.whileTerminalOpen {
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
        }
        if readiness.interrupts > 0 {
            keys += repeatElement(.control("c"), count: readiness.interrupts)
            TerminalRestore.interruptsRead(readiness.interrupts)
        }
        keys += readiness.stopSignals.map(Key.stopSignal)
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
    func readMouse() -> [Key] {
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
    func suspend(_ window: UnsafeMutablePointer<WINDOW>) {
        TerminalRestore.whileTerminalOpen { endwin() }
        TerminalRestore.leftCursesMode()
        parley_default_action(SIGTSTP)
        kill(getpid(), SIGTSTP)
        // Continued.
        _ = parley_install_handler(SIGTSTP, EmergencyHandlers.suspend, 0, nil)
        TerminalRestore.whileTerminalOpen {
            TerminalRestore.enteredCursesMode(leaveSequence: leave)
            keypad(window, true)
        }
        adoptTerminalSize()
        lastFrame = nil
    }

    /// Tells curses the size the kernel reports, so the next frame is drawn for it.
    func adoptTerminalSize() {
        var rows: Int32 = 0
        var columns: Int32 = 0
        guard parley_window_size(STDOUT_FILENO, &rows, &columns) == 0 else { return }
        resizeterm(rows, columns)
        lastFrame = nil
    }
}
