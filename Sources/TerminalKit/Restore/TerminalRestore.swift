import CNcursesw
import Foundation
import Synchronization

/// Puts the terminal back as the program found it, on every way out: a normal stop, a thrown
/// error, SIGINT, SIGTERM and SIGHUP, `exit()`, and a crash (SIGSEGV, SIGBUS, SIGILL, SIGFPE,
/// SIGABRT, SIGTRAP; Swift's `fatalError` and failed force-unwraps trap with SIGILL or SIGTRAP).
///
/// Restoring means: when curses drives the terminal, leave the alternate screen, show the cursor,
/// turn mouse reporting and keypad mode off and reset attributes; then, in every case, put the
/// terminal modes (termios) saved by ``install()`` back.
///
/// - On SIGTERM or SIGHUP, and on SIGINT while no ``Screen`` runs, a dedicated thread runs the
///   cleanup hooks registered with ``addCleanup(_:)`` in order (ordinary Swift: write the last
///   event and close the recording), then fsyncs and closes the files registered with
///   ``addCrashFile(_:)``, restores the terminal and exits with status 128 + signal. A second
///   such signal while the hooks run does not wait for them: its handler fsyncs and closes the
///   registered files, restores the terminal and exits with 128 + signal at once.
/// - While a ``Screen`` runs, SIGINT (Ctrl-C) is a key: `.control("c")` in ``Screen/input``.
///   Only when the program leaves two of them unread (its main actor hangs) does a third stop it
///   as above.
/// - On a crash, the handler (async-signal-safe) restores the terminal, fsyncs and closes the
///   registered files, then hands the signal on to the action it replaced (the default action,
///   which ends the process, or Swift's backtracer). A second thread that crashes meanwhile waits
///   in the handler rather than ending the process first.
/// - Headless (``onFirstStop(_:)``), the first SIGINT, SIGTERM or SIGHUP goes to the program,
///   which stops cleanly; a second stops it as above.
/// - On `exit()`, an exit hook restores the terminal; registered files are left to the program
///   (the kernel closes them; nothing is lost that was written).
///
/// ``Screen/start()`` installs all this; call ``install()`` earlier to also cover the time before
/// the screen starts, or in a program without a screen that wants its files closed on a crash.
/// The signal handlers are installed before curses starts, so curses keeps its hands off SIGINT,
/// SIGTERM and SIGWINCH; the screen handles SIGTSTP (Ctrl-Z) itself, so curses does not either.
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

    /// For a program without a screen that stops cleanly on Ctrl-C, SIGTERM or SIGHUP (a headless
    /// debate): the first of them runs `handler` with the signal's number on a thread of its own
    /// instead of stopping the program; a second stops it as usual (cleanup hooks, files closed,
    /// terminal restored, exit 128 + signal). Installs the handlers (``install()``) if that was
    /// not done. Call it once, and not while a ``Screen`` runs (the screen reads Ctrl-C as a key).
    public static func onFirstStop(_ handler: @escaping @Sendable (_ signal: Int32) -> Void) {
        install()
        let wake = wakePipeReadEnd
        guard wake >= 0 else { return }
        interruptsAreKeys(true)
        stopSignalsAreKeys(true)
        let thread = Thread {
            var watch = pollfd(fd: wake, events: Int16(POLLIN), revents: 0)
            var signal: Int32?
            while signal == nil {
                let ready = poll(&watch, 1, -1)
                if ready < 0 && errno == EINTR { continue }
                guard ready > 0 else { return }
                // 'R' (a resize) and 'S' (Ctrl-Z) wake it too; only 'C', 'T' and 'H' count.
                var byte: UInt8 = 0
                while read(wake, &byte, 1) == 1 {
                    signal = signal ?? Self.stopSignal(woken: byte)
                }
            }
            interruptsAreKeys(false)
            stopSignalsAreKeys(false)
            handler(signal ?? SIGINT)
        }
        thread.name = "Interrupt"
        thread.start()
    }

    /// The stop signal a wake-up byte stands for: 'C' SIGINT, 'T' SIGTERM, 'H' SIGHUP.
    static func stopSignal(woken byte: UInt8) -> Int32? {
        switch byte {
        case UInt8(ascii: "C"): SIGINT
        case UInt8(ascii: "T"): SIGTERM
        case UInt8(ascii: "H"): SIGHUP
        default: nil
        }
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

    /// Removes a cleanup hook, so it does not run (say, once the recording it closes has been
    /// closed normally). Removing one that was removed before does nothing.
    public static func removeCleanup(_ id: CleanupID) {
        hooks.withLock { $0.hooks.removeAll { $0.id == id.value } }
    }

    /// Registers a file descriptor (the recording's) to be fsynced and closed when the program
    /// crashes or a signal stops it, so that everything written to it reaches the disk. It is
    /// done after the cleanup hooks ran, from the signal handler itself on a crash. Takes effect
    /// once ``install()`` has run (``Screen/start()`` runs it).
    ///
    /// Whoever closes the file, a cleanup hook included, calls ``removeCrashFile(_:)`` first:
    /// otherwise the number could be closed twice, the second time when it already names another
    /// file.
    /// - Returns: false when the list (32 files) is full, or the descriptor is negative.
    @discardableResult
    public static func addCrashFile(_ fileDescriptor: Int32) -> Bool {
        parley_emergency_add_fd(emergencyState, fileDescriptor) == 0
    }

    /// Forgets a file registered with ``addCrashFile(_:)``; call it before closing the file.
    public static func removeCrashFile(_ fileDescriptor: Int32) {
        parley_emergency_remove_fd(emergencyState, fileDescriptor)
    }

    /// Restores the terminal now, from any thread, for good: leaves curses mode if it is on and
    /// puts the saved terminal modes back; curses does not write to the terminal afterwards.
    private static func restore() {
        outputOpen.withLock { open in
            open = false
            parley_emergency_restore_terminal(emergencyState)
        }
    }

    // MARK: - For the screen

    private static let wakePipe = Atomic<Int32>(-1)

    /// The read end of the pipe the signal handlers wake the input watch through ('R' on
    /// SIGWINCH, 'S' on SIGTSTP, 'C' on SIGINT while interrupts are keys); -1 before ``install()``.
    static var wakePipeReadEnd: Int32 { wakePipe.load(ordering: .acquiring) }

    /// Runs `write` (curses calls that may write to the terminal) unless the terminal is being
    /// restored; the restore waits for a write in progress, so no curses output lands after the
    /// terminal is restored. Not reentrant: `write` must not call it again.
    /// - Returns: whether `write` ran.
    @discardableResult
    static func whileTerminalOpen(_ write: () -> Void) -> Bool {
        outputOpen.withLock { open in
            if open { write() }
            return open
        }
    }

    /// While `on`, SIGINT wakes the input watch as the key Ctrl-C instead of stopping the
    /// program (``Screen`` turns this on while it runs).
    static func interruptsAreKeys(_ on: Bool) {
        parley_emergency_interrupt_as_key(emergencyState, on ? 1 : 0)
    }

    /// Makes the next SIGTERM or SIGHUP wake the input watch ('T', 'H') instead of stopping the
    /// program (on), or stop it again (off). The handler turns it off after one.
    static func stopSignalsAreKeys(_ on: Bool) {
        parley_emergency_stop_as_key(emergencyState, on ? 1 : 0)
    }

    /// The program has read `count` Ctrl-C keys from the wake pipe.
    static func interruptsRead(_ count: Int) {
        parley_emergency_interrupts_read(emergencyState, Int32(count))
    }

    /// Curses is about to take, or has taken, the terminal: on an emergency, `leaveSequence`
    /// gives it back. Call it before curses writes its first sequence.
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
        runCleanupHooks()
        closeCrashFiles()
        restore()
        _exit(128 + signal)
    }

    /// Runs the cleanup hooks, in the order they were added.
    static func runCleanupHooks() {
        for hook in hooks.withLock({ $0.hooks }) { hook.run() }
    }

    /// fsyncs and closes the files registered with ``addCrashFile(_:)``, and forgets them.
    static func closeCrashFiles() {
        parley_emergency_close_files(emergencyState)
    }
}
