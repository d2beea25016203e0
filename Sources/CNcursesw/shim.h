#ifndef CASEBENCH_NCURSES_SHIM_H
#define CASEBENCH_NCURSES_SHIM_H

/* A thin layer over ncursesw for Swift 6.
 *
 * Swift 6 rejects C mutable globals (stdscr, LINES, COLS, ...) and cannot import function-like
 * macros (A_BOLD, KEY_F(n), BUTTON1_PRESSED, WIFEXITED, ...), so this header wraps them in
 * `static inline` functions with a `cb_` prefix.
 *
 * Keep it stateless: Swift emits the inline functions it uses into the object file of each Swift
 * file that calls them, so a `static` variable here could exist once per caller (with
 * `-c release`, it did: SIGTERM and SIGHUP were lost). State that must exist once per process
 * (the pending signal, the saved signal actions) lives in the C target CCaseBenchSignals. */

#define NCURSES_WIDECHAR 1

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* MARK: globals as functions */

static inline WINDOW *cb_stdscr(void) { return stdscr; }
static inline WINDOW *cb_curscr(void) { return curscr; }
static inline int cb_colors(void) { return COLORS; }

/* MARK: attributes and keys */

static inline attr_t cb_attr_normal(void) { return A_NORMAL; }
static inline attr_t cb_attr_bold(void) { return A_BOLD; }
static inline attr_t cb_attr_dim(void) { return A_DIM; }
static inline attr_t cb_attr_reverse(void) { return A_REVERSE; }
static inline attr_t cb_attr_underline(void) { return A_UNDERLINE; }

static inline int cb_key_f(int n) { return KEY_F(n); }

/* MARK: locale */

/* glibc declares wcwidth only under _XOPEN_SOURCE, which the Swift module build does not set. */
extern int wcwidth(wchar_t c);

/* Columns a character takes in the current locale: 2 wide, 1, 0 combining, -1 unprintable. */
static inline int cb_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }

/* 1 when the current LC_CTYPE codeset is UTF-8. */
static inline int cb_codeset_is_utf8(void) {
  const char *cs = nl_langinfo(CODESET);
  if (cs == NULL) return 0;
  return strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0 || strcmp(cs, "UTF8") == 0;
}

/* MARK: terminal modes */

/* After cbreak(): let Ctrl-S, Ctrl-Q, Ctrl-V and Ctrl-O reach the program as keys (no XON/XOFF
 * flow control, no literal-next/discard), while Ctrl-C, Ctrl-\ and Ctrl-Z still raise SIGINT,
 * SIGQUIT and SIGTSTP. Call def_prog_mode() afterwards so ncurses restores this mode. */
static inline int cb_tty_pass_control_keys(int fd) {
  struct termios t;
  if (tcgetattr(fd, &t) != 0) return -1;
  t.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
  t.c_lflag &= ~(tcflag_t)IEXTEN;
  return tcsetattr(fd, TCSANOW, &t);
}

/* MARK: mouse */

/* Asks for left-button presses and the wheel. Returns 1 when the terminal can report them. */
static inline int cb_mouse_enable(void) {
  mmask_t want = BUTTON1_PRESSED | BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
  want |= BUTTON5_PRESSED;
#endif
  mmask_t got = mousemask(want, NULL);
  mouseinterval(0);
  return got != 0;
}

/* Reads the pending mouse event. Returns 1 for a left click, 2 wheel up, 3 wheel down, 0 other. */
static inline int cb_mouse_read(int *x, int *y) {
  MEVENT ev;
  if (getmouse(&ev) != OK) return 0;
  *x = ev.x;
  *y = ev.y;
  if (ev.bstate & BUTTON1_PRESSED) return 1;
  if (ev.bstate & BUTTON4_PRESSED) return 2;
#ifdef BUTTON5_PRESSED
  if (ev.bstate & BUTTON5_PRESSED) return 3;
#endif
  return 0;
}

/* MARK: child processes */

static inline int cb_wifexited(int status) { return WIFEXITED(status); }
static inline int cb_wexitstatus(int status) { return WEXITSTATUS(status); }
static inline int cb_wifsignaled(int status) { return WIFSIGNALED(status); }
static inline int cb_wtermsig(int status) { return WTERMSIG(status); }

#endif
