#ifndef PARLEY_CNCURSESW_SHIM_H
#define PARLEY_CNCURSESW_SHIM_H

/* Wide-character ncurses for Swift. ncurses' globals (stdscr, LINES, COLS) are shared mutable
 * state to the Swift compiler and its function-like macros (COLOR_PAIR, getmaxyx) do not
 * import, so both are wrapped here in small inline functions. */

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Not always declared without _XOPEN_SOURCE; its width of a code point, -1 for non-printables. */
extern int wcwidth(wchar_t c);

/** Columns a Unicode scalar takes in the terminal: 0, 1 or 2; -1 when it is not printable. */
static inline int parley_wcwidth(unsigned int scalar) { return wcwidth((wchar_t)scalar); }

/** The UTF-8 locales tried when the environment's character type is not UTF-8. */
static const char *const parley_utf8_locale_names[] = {"C.UTF-8", "en_US.UTF-8"};

/** Sets the process's character type (LC_CTYPE) from the environment, as ncurses needs for UTF-8
 *  output; when the environment's does not measure U+4E16 (世) two columns wide (a C or non-UTF-8
 *  locale), a UTF-8 one (C.UTF-8, else en_US.UTF-8) instead. setlocale is not thread-safe: call
 *  this before the program starts threads. */
static inline void parley_prepare_locale(void) {
    setlocale(LC_CTYPE, "");
    for (size_t i = 0; wcwidth(0x4E16) != 2 && i < sizeof parley_utf8_locale_names / sizeof *parley_utf8_locale_names; i++) {
        setlocale(LC_CTYPE, parley_utf8_locale_names[i]);
    }
}

/** Columns `scalar` takes under `locale` (a locale object, not the process's locale): the calling
 *  thread alone uses `locale` for the call (uselocale), so nothing global changes. */
static inline int parley_wcwidth_in(locale_t locale, unsigned int scalar) {
    locale_t previous = uselocale(locale);
    int width = wcwidth((wchar_t)scalar);
    uselocale(previous);
    return width;
}

/** A new locale object whose character type is UTF-8 (C.UTF-8, en_US.UTF-8 or the environment's,
 *  whichever measures U+4E16 two columns wide first), or (locale_t)0 when the system has none.
 *  Making it (newlocale) leaves the process's locale alone. */
static inline locale_t parley_utf8_ctype_locale(void) {
    const char *names[] = {parley_utf8_locale_names[0], parley_utf8_locale_names[1], ""};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        locale_t locale = newlocale(LC_CTYPE_MASK, names[i], (locale_t)0);
        if (locale == (locale_t)0) continue;
        if (parley_wcwidth_in(locale, 0x4E16) == 2) return locale;
        freelocale(locale);
    }
    return (locale_t)0;
}

static inline WINDOW *parley_stdscr(void) { return stdscr; }
static inline int parley_colors(void) { return COLORS; }
static inline int parley_color_pairs(void) { return COLOR_PAIRS; }
static inline void parley_getmaxyx(WINDOW *win, int *y, int *x) { getmaxyx(win, *y, *x); }

/* ---- Starting curses ------------------------------------------------------------------------ */

/** newterm on the process's stdout and stdin (Swift cannot read the stdio globals safely). */
static inline SCREEN *parley_newterm(void) { return newterm(NULL, stdout, stdin); }

/* From term.h, which is not included: its capability macros (`lines`, `columns`, ...) would
 * rewrite ordinary names. TERMINAL is `struct term`. */
extern int setupterm(const char *name, int fd, int *error);
extern struct term *set_curterm(struct term *terminal);
extern int del_curterm(struct term *terminal);

/** Loads the terminfo entry of $TERM for standard output without starting curses (setupterm,
 *  which writes nothing to the terminal), so that capabilities can be read before newterm.
 *  Returns 0, or -1 when the terminal type is unknown. Unload it with parley_unload_terminfo. */
static inline int parley_load_terminfo(void) {
    int error = 0;
    return setupterm(NULL, STDOUT_FILENO, &error) == OK ? 0 : -1;
}

/** Frees the entry parley_load_terminfo loaded. */
static inline void parley_unload_terminfo(void) {
    struct term *loaded = set_curterm(NULL);
    if (loaded != NULL) del_curterm(loaded);
}

/** Whether the terminfo entry has the boolean capability `name` (such as "RGB"). */
static inline int parley_tigetflag(const char *name) { return tigetflag(name) > 0; }

/** The terminfo numeric capability `name` (such as "colors"), or -1 when the terminal has none. */
static inline int parley_tigetnum(const char *name) {
    int value = tigetnum(name);
    return value < 0 ? -1 : value;
}

/** The terminfo string capability `name`, or NULL when the terminal has none. */
static inline const char *parley_tigetstr(const char *name) {
    char *value = tigetstr(name);
    return (value == NULL || value == (char *)-1) ? NULL : value;
}

/** Turns off XON/XOFF flow control on `fd`, so Ctrl-S and Ctrl-Q reach the program as keys. */
static inline void parley_disable_flow_control(int fd) {
    struct termios modes;
    if (tcgetattr(fd, &modes) == 0) {
        modes.c_iflag &= ~(tcflag_t)IXON;
        tcsetattr(fd, TCSANOW, &modes);
    }
}

/** The terminal size of `fd` from the kernel (TIOCGWINSZ); 0 on success, -1 when unknown. */
static inline int parley_window_size(int fd, int *rows, int *columns) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) return -1;
    *rows = size.ws_row;
    *columns = size.ws_col;
    return 0;
}

/* ---- Drawing -------------------------------------------------------------------------------- */

/** Curses attributes for TerminalKit's TextAttributes bits (bold, dim, italic, underline, reverse). */
static inline attr_t parley_attributes(unsigned bits) {
    attr_t attributes = A_NORMAL;
    if (bits & 1u) attributes |= A_BOLD;
    if (bits & 2u) attributes |= A_DIM;
    if (bits & 4u) attributes |= A_ITALIC;
    if (bits & 8u) attributes |= A_UNDERLINE;
    if (bits & 16u) attributes |= A_REVERSE;
    return attributes;
}

/** Writes one character cell (a spacing character and up to four combining ones, 0-terminated)
 *  at row y, column x with attributes and an extended colour pair. Returns OK or ERR (ERR also
 *  when writing the bottom-right cell, which is nevertheless written). */
static inline int parley_put_cell(WINDOW *win, int y, int x, const wchar_t *characters, attr_t attributes, int pair) {
    cchar_t cell;
    if (setcchar(&cell, characters, attributes, 0, &pair) == ERR) return ERR;
    return mvwadd_wch(win, y, x, &cell);
}

/* ---- Input ---------------------------------------------------------------------------------- */

/** The mouse events Parley asks for: buttons 1-3 pressed and released, the wheel (4 and 5). */
static inline mmask_t parley_mouse_events(void) {
    return BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON2_PRESSED | BUTTON2_RELEASED |
           BUTTON3_PRESSED | BUTTON3_RELEASED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}
static inline mmask_t parley_button_pressed(int button) { return NCURSES_MOUSE_MASK(button, NCURSES_BUTTON_PRESSED); }
static inline mmask_t parley_button_released(int button) { return NCURSES_MOUSE_MASK(button, NCURSES_BUTTON_RELEASED); }

/** Reads the pending mouse event: 0 and its cell and button state, or -1 when there is none. */
static inline int parley_getmouse(int *x, int *y, mmask_t *state) {
    MEVENT event;
    if (getmouse(&event) != OK) return -1;
    *x = event.x;
    *y = event.y;
    *state = event.bstate;
    return 0;
}

/* ---- Restoring the terminal from signal handlers --------------------------------------------
 * Everything below is async-signal-safe: only write(2), fsync(2), close(2), tcsetattr(3),
 * sigaction(2), raise(3), _exit(2) and lock-free atomics. The state lives in one struct that Swift
 * allocates once and never frees (a header cannot hold one shared static: each object file would
 * get a copy). */

#define PARLEY_MAX_CRASH_FDS 32
#define PARLEY_MAX_SEQUENCE 512
/** Unread Ctrl-C keys at which SIGINT stops the program after all: the program does not read its
 *  input (it hangs), and Ctrl-C must still get the user out. */
#define PARLEY_MAX_UNREAD_INTERRUPTS 3

struct parley_emergency {
    /** The terminal's modes before the program changed them. */
    struct termios saved_modes;
    volatile sig_atomic_t has_saved_modes;
    /** The terminal's file descriptor; -1 when the program has none. */
    volatile sig_atomic_t tty_fd;
    /** Whether curses drives the terminal now, so the leave sequence must be sent. */
    volatile sig_atomic_t in_curses;
    /** Sent to leave curses mode: mouse off, attributes reset, cursor shown, keypad and alternate
     *  screen left. */
    char leave_sequence[PARLEY_MAX_SEQUENCE];
    volatile sig_atomic_t leave_length;
    /** Files to fsync and close on a crash or a stop signal (a recording); -1 for a free slot.
     *  Slots are claimed and emptied with atomic operations, so each file is closed once. */
    volatile sig_atomic_t crash_fds[PARLEY_MAX_CRASH_FDS];
    /** Where the handlers of SIGINT, SIGTERM, SIGHUP write the signal number. */
    volatile sig_atomic_t signal_pipe_fd;
    /** Where the handlers wake the input watch: 'R' on SIGWINCH, 'S' on SIGTSTP, 'C' on SIGINT
     *  while interrupt_as_key is set. */
    volatile sig_atomic_t wake_pipe_fd;
    /** Set once a stop signal is being handled: a second one restores and exits at once. */
    volatile sig_atomic_t stopping;
    /** Set while a screen runs: SIGINT is then the key Ctrl-C (written to the wake pipe as 'C')
     *  rather than a stop signal. */
    volatile sig_atomic_t interrupt_as_key;
    /** Ctrl-C keys written to the wake pipe and not yet read (atomic). */
    int unread_interrupts;
    /** Set while a program without a screen stops cleanly on SIGTERM and SIGHUP too (a headless
     *  debate): they then wake the input watch with 'T' and 'H' instead of stopping the program. */
    volatile sig_atomic_t stop_as_key;
    /** The thread handling a crash (pthread_self), 0 before any crash (atomic): a second thread
     *  that crashes meanwhile waits for it instead of ending the process first. */
    uintptr_t crash_thread;
    /** The actions the crash handlers replaced, to hand the signal on to. */
    struct sigaction previous[65];
};

static inline void parley_emergency_init(struct parley_emergency *e) {
    memset(e, 0, sizeof *e);
    e->tty_fd = -1;
    e->signal_pipe_fd = -1;
    e->wake_pipe_fd = -1;
    for (int i = 0; i < PARLEY_MAX_CRASH_FDS; i++) e->crash_fds[i] = -1;
}

static inline void parley_write_all(int fd, const char *bytes, size_t length) {
    while (length > 0) {
        ssize_t written = write(fd, bytes, length);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return;
        bytes += written;
        length -= (size_t)written;
    }
}

/** Saves the modes of `fd` as the ones to restore. Returns 0, or -1 when `fd` is no terminal. */
static inline int parley_emergency_save_modes(struct parley_emergency *e, int fd) {
    if (tcgetattr(fd, &e->saved_modes) != 0) return -1;
    e->tty_fd = fd;
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
    e->has_saved_modes = 1;
    return 0;
}

/** Stores the sequence that leaves curses mode and marks curses mode entered. */
static inline void parley_emergency_enter_curses(struct parley_emergency *e, const char *sequence, size_t length) {
    e->in_curses = 0;
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
    if (length > PARLEY_MAX_SEQUENCE) length = PARLEY_MAX_SEQUENCE;
    memcpy(e->leave_sequence, sequence, length);
    e->leave_length = (sig_atomic_t)length;
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
    e->in_curses = 1;
}

static inline void parley_emergency_leave_curses(struct parley_emergency *e) { e->in_curses = 0; }

/** Adds a file descriptor to fsync and close on a crash or stop signal; 0, or -1 when the list
 *  is full or `fd` is negative. Safe from any thread: each slot is claimed atomically. */
static inline int parley_emergency_add_fd(struct parley_emergency *e, int fd) {
    if (fd < 0) return -1;
    for (int i = 0; i < PARLEY_MAX_CRASH_FDS; i++) {
        int expected = -1;
        if (__atomic_compare_exchange_n((int *)&e->crash_fds[i], &expected, fd, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) return 0;
    }
    return -1;
}

/** Removes `fd` from the list (every slot that holds it). */
static inline void parley_emergency_remove_fd(struct parley_emergency *e, int fd) {
    if (fd < 0) return;
    for (int i = 0; i < PARLEY_MAX_CRASH_FDS; i++) {
        int expected = fd;
        __atomic_compare_exchange_n((int *)&e->crash_fds[i], &expected, -1, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    }
}

/** fsyncs and closes the listed file descriptors and empties the list. Each slot is emptied
 *  atomically before its file is closed, so a file is closed once even when a crash and a stop
 *  signal close the files at the same time. */
static inline void parley_emergency_close_files(struct parley_emergency *e) {
    for (int i = 0; i < PARLEY_MAX_CRASH_FDS; i++) {
        int fd = __atomic_exchange_n((int *)&e->crash_fds[i], -1, __ATOMIC_SEQ_CST);
        if (fd < 0) continue;
        fsync(fd);
        close(fd);
    }
}

/** Turns SIGINT into the key Ctrl-C (on) or back into a stop signal (off). */
static inline void parley_emergency_interrupt_as_key(struct parley_emergency *e, int on) {
    __atomic_store_n(&e->unread_interrupts, 0, __ATOMIC_SEQ_CST);
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
    e->interrupt_as_key = on ? 1 : 0;
}

/** Turns SIGTERM and SIGHUP into the keys 'T' and 'H' (on) or back into stop signals (off). */
static inline void parley_emergency_stop_as_key(struct parley_emergency *e, int on) {
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
    e->stop_as_key = on ? 1 : 0;
}

/** Counts `count` Ctrl-C keys as read by the program. */
static inline void parley_emergency_interrupts_read(struct parley_emergency *e, int count) {
    __atomic_sub_fetch(&e->unread_interrupts, count, __ATOMIC_SEQ_CST);
}

/** Puts the terminal back as it was: leaves curses mode if it is on (CAN first, to end any
 *  escape sequence cut short), then restores the saved modes. */
static inline void parley_emergency_restore_terminal(struct parley_emergency *e) {
    int fd = e->tty_fd;
    if (fd < 0) return;
    if (e->in_curses) {
        e->in_curses = 0;
        parley_write_all(fd, "\x18", 1);
        parley_write_all(fd, e->leave_sequence, (size_t)e->leave_length);
    }
    if (e->has_saved_modes) tcsetattr(fd, TCSANOW, &e->saved_modes);
}

/** The handler of a crash signal. The first thread to crash restores the terminal (first: the
 *  user's terminal matters most, and fsync can take long), then fsyncs and closes the crash files,
 *  then hands the signal to the action it replaced (the default action, or Swift's backtracer):
 *  the signal is raised again, blocked until this handler returns, and then delivered with the
 *  context of the crash itself. Another thread that crashes meanwhile waits for good (the first
 *  one ends the process); the crashing thread crashing again inside this handler hands that
 *  signal on at once. The handler stays installed (no SA_RESETHAND), so a second crash in another
 *  thread cannot take the default action and end the process before the terminal is restored. */
static inline void parley_emergency_crash(struct parley_emergency *e, int signal) {
    uintptr_t self = (uintptr_t)pthread_self();
    uintptr_t first = 0;
    if (__atomic_compare_exchange_n(&e->crash_thread, &first, self, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
        parley_emergency_restore_terminal(e);
        parley_emergency_close_files(e);
    } else if (first != self) {
        for (;;) pause();
    }
    struct sigaction next = e->previous[signal];
    if (next.sa_handler == SIG_IGN) next.sa_handler = SIG_DFL;
    sigaction(signal, &next, NULL);
    raise(signal);
}

/** The handler of SIGINT, SIGTERM and SIGHUP. While stop_as_key is set and the program is not
 *  stopping, the first SIGTERM or SIGHUP wakes the input watch with 'T' or 'H'. While interrupt_as_key is
 *  set and the program is not stopping, SIGINT wakes the input watch with 'C' (the key Ctrl-C),
 *  unless the program has left PARLEY_MAX_UNREAD_INTERRUPTS - 1 of them unread. Otherwise it hands the signal to the
 *  restore thread; on a second one while the first is handled, restores at once and exits with
 *  128 + signal. */
static inline void parley_emergency_stop_signal(struct parley_emergency *e, int signal) {
    int saved_errno = errno;
    int wake = e->wake_pipe_fd;
    if ((signal == SIGTERM || signal == SIGHUP) && e->stop_as_key && !e->stopping && wake >= 0) {
        char key = signal == SIGTERM ? 'T' : 'H';
        /* Once only: if the program does not act on it, a second one stops it as usual. */
        e->stop_as_key = 0;
        ssize_t ignored = write(wake, &key, 1);
        (void)ignored;
        errno = saved_errno;
        return;
    }
    if (signal == SIGINT && e->interrupt_as_key && !e->stopping && wake >= 0
        && __atomic_add_fetch(&e->unread_interrupts, 1, __ATOMIC_SEQ_CST) < PARLEY_MAX_UNREAD_INTERRUPTS) {
        char key = 'C';
        ssize_t ignored = write(wake, &key, 1);
        (void)ignored;
        errno = saved_errno;
        return;
    }
    if (e->stopping || e->signal_pipe_fd < 0) {
        parley_emergency_close_files(e);
        parley_emergency_restore_terminal(e);
        _exit(128 + signal);
    }
    e->stopping = 1;
    unsigned char number = (unsigned char)signal;
    parley_write_all(e->signal_pipe_fd, (const char *)&number, 1);
    errno = saved_errno;
}

/** The handler of SIGWINCH ('R') and SIGTSTP ('S'): wakes the input watch with `reason`. */
static inline void parley_emergency_wake(struct parley_emergency *e, char reason) {
    int saved_errno = errno;
    int fd = e->wake_pipe_fd;
    if (fd >= 0) { ssize_t ignored = write(fd, &reason, 1); (void)ignored; }
    errno = saved_errno;
}

/** Installs `handler` for `signal` (SA_RESTART; crash handlers SA_ONSTACK instead, and stay
 *  installed: see parley_emergency_crash),
 *  keeping the action it replaces in `previous` when given. */
static inline int parley_install_handler(int signal, void (*handler)(int), int crash, struct sigaction *previous) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = crash ? SA_ONSTACK : SA_RESTART;
    return sigaction(signal, &action, previous);
}

/** Gives the calling thread an alternate signal stack, so a stack overflow can be handled. */
static inline void parley_use_alternate_signal_stack(void *memory, size_t size) {
    stack_t stack;
    stack.ss_sp = memory;
    stack.ss_size = size;
    stack.ss_flags = 0;
    sigaltstack(&stack, NULL);
}

/** Gives `signal` its default action back. */
static inline void parley_default_action(int signal) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    sigaction(signal, &action, NULL);
}

/** Makes a pipe whose ends do not block and are closed on exec. 0, or -1 with errno. */
static inline int parley_pipe(int fds[2]) {
    if (pipe(fds) != 0) return -1;
    for (int i = 0; i < 2; i++) {
        fcntl(fds[i], F_SETFL, fcntl(fds[i], F_GETFL) | O_NONBLOCK);
        fcntl(fds[i], F_SETFD, FD_CLOEXEC);
    }
    return 0;
}


/** Asks glibc's malloc for a single arena (see HeapArenas.swift); 0 where malloc is not glibc's. */
static inline int parley_single_malloc_arena(void) {
#if defined(__GLIBC__)
    return mallopt(M_ARENA_MAX, 1);
#else
    return 0;
#endif
}

#endif
