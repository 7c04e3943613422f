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

#include <locale.h>
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

#endif
