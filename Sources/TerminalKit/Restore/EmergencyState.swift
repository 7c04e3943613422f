import CNcursesw

/// The state the signal handlers read, in one C struct allocated once and never freed.
///
/// `nonisolated(unsafe)`: the pointer itself never changes; what it points to is written only
/// through the C helpers in shim.h, which use `volatile sig_atomic_t` fields and signal fences so
/// that a signal handler interrupting a write sees either the old or the new value. Swift's
/// concurrency checking cannot express "safe to read from a signal handler", hence the opt-out.
nonisolated(unsafe) let emergencyState: UnsafeMutablePointer<parley_emergency> = {
    let state = UnsafeMutablePointer<parley_emergency>.allocate(capacity: 1)
    parley_emergency_init(state)
    return state
}()

/// The handlers themselves: plain C functions that only call the async-signal-safe C helpers.
///
/// The helpers are inline functions of shim.h, compiled into this file: the build does not see a
/// change to shim.h as a change to this file, so after changing a handler helper there, make sure
/// this file is compiled again (touch it).
enum EmergencyHandlers {
    /// SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP: close the crash files, restore, re-raise.
    static let crash: @convention(c) (Int32) -> Void = { signal in
        parley_emergency_crash(emergencyState, signal)
    }
    /// SIGINT, SIGTERM, SIGHUP: to the restore thread; SIGINT is the key Ctrl-C while a screen runs.
    static let stop: @convention(c) (Int32) -> Void = { signal in
        parley_emergency_stop_signal(emergencyState, signal)
    }
    /// SIGWINCH: wake the input watch with 'R'.
    static let resize: @convention(c) (Int32) -> Void = { _ in
        parley_emergency_wake(emergencyState, CChar(UInt8(ascii: "R")))
    }
    /// SIGTSTP (installed by the screen): wake the input watch with 'S'.
    static let suspend: @convention(c) (Int32) -> Void = { _ in
        parley_emergency_wake(emergencyState, CChar(UInt8(ascii: "S")))
    }
    /// exit(): restore the terminal.
    static let atExit: @convention(c) () -> Void = {
        parley_emergency_restore_terminal(emergencyState)
    }
}
