import CNcursesw
import Foundation
import Synchronization

/// Puts the terminal back as the program found it, on every way out: a normal stop, a thrown
/// error, SIGINT, SIGTERM and SIGHUP, `exit()`, and a crash (SIGSEGV, SIGBUS, SIGILL, SIGFPE,
/// SIGABRT, SIGTRAP; Swift's `fatalError` and failed force-unwraps trap with SIGILL or SIGTRAP).
///
/// Restoring means: leave the alternate screen, show the cursor, turn mouse reporting and keypad
/// mode off, reset attributes, and put the saved terminal modes (termios) back.
///
/// - On SIGINT, SIGTERM or SIGHUP, a dedicated thread runs the cleanup hooks registered with
///   ``addCleanup(_:)`` (ordinary Swift: flush and close the recording), then fsyncs and closes
///   the crash files, restores the terminal and exits with status 128 + signal. A second such
///   signal while the hooks run restores and exits at once.
/// - On a crash, the handler (async-signal-safe) fsyncs and closes the files registered with
///   ``addCrashFile(_:)``, restores the terminal, then hands the signal on to the action it
///   replaced (the default action, which ends the process, or Swift's backtracer).
///
/// ``Screen/start()`` installs all this; call ``install()`` earlier to also cover the time before
/// the screen starts. Signal handlers are installed before curses starts, so curses keeps its own
/// hands off SIGINT, SIGTERM and SIGWINCH (it still handles SIGTSTP: Ctrl-Z suspends and resumes).
public enum TerminalRestore {
    /// A registered cleanup hook, to remove it.
    public struct CleanupID: Sendable, Hashable {
        fileprivate let value: Int
    }

    private struct Hooks {
        var nextID = 0
        var hooks: [(id: Int, run: @Sendable () -> Void)] = []
    }

    private static let hooks = Mutex(Hooks())
    /// Whether curses may still write to the terminal; closed for good once restoring begins.
    private static let outputOpen = Mutex(true)
    private static let installed = Mutex(false)

    /// The signals that stop the program and run the cleanup hooks.
    public static let stopSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    /// The signals of a crash.
    public static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    /// Saves the terminal modes and installs the signal handlers and the exit hook. Idempotent:
    /// only the first call does anything. Call it before curses starts (``Screen/start()`` does).
    public static func install() {
        let first = installed.withLock { installed in
            defer { installed = true }
            return !installed
        }
        guard first else { return }
        let state = emergencyState
        for fd in [STDOUT_FILENO, STDIN_FILENO, STDERR_FILENO] where isatty(fd) == 1 {
            if parley_emergency_save_modes(state, fd) == 0 { break }
        }
        var wake: [Int32] = [-1, -1]
        if parley_pipe(&wake) == 0 {
            wakePipe.store(wake[0], ordering: .releasing)
            state.pointee.wake_pipe_fd = wake[1]
        }
        var signals: [Int32] = [-1, -1]
        if parley_pipe(&signals) == 0 {
            // The restore thread blocks on reads: make its end blocking again.
            _ = fcntl(signals[0], F_SETFL, fcntl(signals[0], F_GETFL) & ~O_NONBLOCK)
            startRestoreThread(readingFrom: signals[0])
            state.pointee.signal_pipe_fd = signals[1]
        }
        let alternateStackSize = 64 * 1024
        parley_use_alternate_signal_stack(UnsafeMutableRawPointer.allocate(byteCount: alternateStackSize, alignment: 16), alternateStackSize)
        withUnsafeMutablePointer(to: &state.pointee.previous) { previous in
            previous.withMemoryRebound(to: sigaction.self, capacity: 65) { previous in
                for signal in crashSignals {
                    _ = parley_install_handler(signal, EmergencyHandlers.crash, 1, previous + Int(signal))
                }
            }
        }
        for signal in stopSignals { _ = parley_install_handler(signal, EmergencyHandlers.stop, 0, nil) }
        _ = parley_install_handler(SIGWINCH, EmergencyHandlers.resize, 0, nil)
        atexit(EmergencyHandlers.atExit)
    }

    /// Registers a hook to run when SIGINT, SIGTERM or SIGHUP stops the program, before the
    /// terminal is restored; hooks run in the order they were added, on the restore thread.
    /// Keep them short: a second signal does not wait for them.
    @discardableResult
    public static func addCleanup(_ hook: @escaping @Sendable () -> Void) -> CleanupID {
        hooks.withLock { hooks in
            hooks.nextID += 1
            hooks.hooks.append((hooks.nextID, hook))
            return CleanupID(value: hooks.nextID)
        }
    }

    /// Removes a cleanup hook.
    public static func removeCleanup(_ id: CleanupID) {
        hooks.withLock { $0.hooks.removeAll { $0.id == id.value } }
    }

    /// Registers a file descriptor to fsync and close if the program crashes or is stopped by a
    /// signal (the recording), so what was written reaches the disk.
    /// - Returns: false when the list (32 files) is full.
    @discardableResult
    public static func addCrashFile(_ fileDescriptor: Int32) -> Bool {
        parley_emergency_add_fd(emergencyState, fileDescriptor) == 0
    }

    /// Forgets a file registered with ``addCrashFile(_:)``; call it before closing the file.
    public static func removeCrashFile(_ fileDescriptor: Int32) {
        parley_emergency_remove_fd(emergencyState, fileDescriptor)
    }

    /// Restores the terminal now, from any thread: leaves curses mode if it is on and puts the
    /// saved terminal modes back. Curses may not write to the terminal afterwards.
    public static func restore() {
        outputOpen.withLock { open in
            open = false
            parley_emergency_restore_terminal(emergencyState)
        }
    }

    // MARK: - For the screen

    private static let wakePipe = Atomic<Int32>(-1)

    /// The read end of the pipe the SIGWINCH handler writes to; -1 before ``install()``.
    static var wakePipeReadEnd: Int32 { wakePipe.load(ordering: .acquiring) }

    /// Runs `write` (a curses refresh) unless the terminal is being restored; the restore waits
    /// for a write in progress, so no curses output lands after the terminal is restored.
    static func whileTerminalOpen(_ write: () -> Void) {
        outputOpen.withLock { open in if open { write() } }
    }

    /// Curses has taken the terminal: on an emergency, `leaveSequence` gives it back.
    static func enteredCursesMode(leaveSequence: [UInt8]) {
        leaveSequence.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { bytes in
                parley_emergency_enter_curses(emergencyState, bytes.baseAddress, bytes.count)
            }
        }
    }

    /// Curses has given the terminal back (endwin).
    static func leftCursesMode() {
        parley_emergency_leave_curses(emergencyState)
    }

    // MARK: - The restore thread

    private static func startRestoreThread(readingFrom fd: Int32) {
        let thread = Thread {
            var number: UInt8 = 0
            while true {
                let count = read(fd, &number, 1)
                if count == 1 { break }
                if count < 0 && errno == EINTR { continue }
                return
            }
            stop(bySignal: Int32(number))
        }
        thread.name = "TerminalRestore"
        thread.start()
    }

    private static func stop(bySignal signal: Int32) -> Never {
        for hook in hooks.withLock({ $0.hooks }) { hook.run() }
        parley_emergency_close_files(emergencyState)
        restore()
        _exit(128 + signal)
    }
}
