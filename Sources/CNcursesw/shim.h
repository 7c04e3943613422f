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
#include <poll.h>
#include <signal.h>
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

/** Sets the C locale from the environment, as ncurses needs for UTF-8 output. */
static inline void parley_setlocale(void) { setlocale(LC_ALL, ""); }

/** Falls back to a UTF-8 character locale (C.UTF-8) when the environment gives none. */
static inline void parley_use_utf8_ctype(void) {
    if (!setlocale(LC_CTYPE, "C.UTF-8")) setlocale(LC_CTYPE, "en_US.UTF-8");
}

static inline WINDOW *parley_stdscr(void) { return stdscr; }
static inline int parley_lines(void) { return LINES; }
static inline int parley_cols(void) { return COLS; }
static inline int parley_colors(void) { return COLORS; }
static inline int parley_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t parley_color_pair(int pair) { return (attr_t)COLOR_PAIR(pair); }
static inline void parley_getmaxyx(WINDOW *win, int *y, int *x) { getmaxyx(win, *y, *x); }

/* ---- Starting curses ------------------------------------------------------------------------ */

/** newterm on the process's stdout and stdin (Swift cannot read the stdio globals safely). */
static inline SCREEN *parley_newterm(void) { return newterm(NULL, stdout, stdin); }

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
 * sigaction(2), raise(3) and _exit(2). The state lives in one struct that Swift allocates once
 * and never frees (a header cannot hold one shared static: each object file would get a copy). */

#define PARLEY_MAX_CRASH_FDS 32
#define PARLEY_MAX_SEQUENCE 512

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
    /** Files to fsync and close on a crash (a recording). */
    volatile sig_atomic_t crash_fds[PARLEY_MAX_CRASH_FDS];
    /** Where the handlers of SIGINT, SIGTERM, SIGHUP write the signal number. */
    volatile sig_atomic_t signal_pipe_fd;
    /** Where the SIGWINCH handler writes 'R'. */
    volatile sig_atomic_t wake_pipe_fd;
    /** Set once a stop signal is being handled: a second one restores and exits at once. */
    volatile sig_atomic_t stopping;
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

/** Adds a file descriptor to fsync and close on a crash; 0, or -1 when the list is full. */
static inline int parley_emergency_add_fd(struct parley_emergency *e, int fd) {
    for (int i = 0; i < PARLEY_MAX_CRASH_FDS; i++) {
        if (e->crash_fds[i] == -1) { e->crash_fds[i] = fd; return 0; }
    }
    return -1;
}

static inline void parley_emergency_remove_fd(struct parley_emergency *e, int fd) {
    for (int i = 0; i < PARLEY_MAX_CRASH_FDS; i++) {
        if (e->crash_fds[i] == fd) e->crash_fds[i] = -1;
    }
}

/** fsyncs and closes the crash file descriptors. */
static inline void parley_emergency_close_files(struct parley_emergency *e) {
    for (int i = 0; i < PARLEY_MAX_CRASH_FDS; i++) {
        int fd = e->crash_fds[i];
        if (fd < 0) continue;
        e->crash_fds[i] = -1;
        fsync(fd);
        close(fd);
    }
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

/** The handler of a crash signal: closes the crash files, restores the terminal, then hands the
 *  signal to the action it replaced (the default action, or Swift's backtracer): the signal is
 *  raised again, blocked until this handler returns, and then delivered with the context of the
 *  crash itself. */
static inline void parley_emergency_crash(struct parley_emergency *e, int signal) {
    parley_emergency_close_files(e);
    parley_emergency_restore_terminal(e);
    struct sigaction next = e->previous[signal];
    if (next.sa_handler == SIG_IGN) next.sa_handler = SIG_DFL;
    sigaction(signal, &next, NULL);
    raise(signal);
}

/** The handler of SIGINT, SIGTERM and SIGHUP: hands the signal to the restore thread; on a second
 *  one while the first is handled, restores at once and exits with 128 + signal. */
static inline void parley_emergency_stop_signal(struct parley_emergency *e, int signal) {
    int saved_errno = errno;
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

/** The handler of SIGWINCH: wakes the input wait. */
static inline void parley_emergency_wake(struct parley_emergency *e, char reason) {
    int saved_errno = errno;
    int fd = e->wake_pipe_fd;
    if (fd >= 0) { ssize_t ignored = write(fd, &reason, 1); (void)ignored; }
    errno = saved_errno;
}

/** Installs `handler` for `signal` (SA_RESTART; crash handlers also SA_RESETHAND | SA_ONSTACK),
 *  keeping the action it replaces in `previous` when given. */
static inline int parley_install_handler(int signal, void (*handler)(int), int crash, struct sigaction *previous) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = crash ? (SA_RESETHAND | SA_ONSTACK) : SA_RESTART;
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

#endif
