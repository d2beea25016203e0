#ifndef CASEBENCH_NCURSES_SHIM_H
#define CASEBENCH_NCURSES_SHIM_H

/* The only C in casebench: a thin layer over ncursesw for Swift 6.
 *
 * Swift 6 rejects C mutable globals (stdscr, LINES, COLS, ...) and cannot import function-like
 * macros (A_BOLD, KEY_F(n), BUTTON1_PRESSED, WIFEXITED, ...), so this header wraps them in
 * `static inline` functions with a `cb_` prefix.
 *
 * The few pieces of state (the pending signal, saved signal actions) are function-local statics.
 * Swift emits the inline functions it uses into the object file of each Swift file that calls
 * them, so each Swift file could get its own copy of that state: each group below must be used
 * from ONE Swift file only (signals: TerminalSignals.swift; editor: ExternalEditor.swift). */

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

/* MARK: signals */

/* State lives in function-local statics (the Swift importer does not emit header-level variable
 * definitions reliably). Used from TerminalSignals.swift only: */
static inline volatile sig_atomic_t *cb_signal_pending_slot(void) {
  static volatile sig_atomic_t value = 0;
  return &value;
}
static inline struct sigaction *cb_crash_previous(void) {
  static struct sigaction previous[65];
  return previous;
}
/* Used from ExternalEditor.swift only: */
static inline struct sigaction *cb_editor_saved(void) {
  static struct sigaction saved[2];
  return saved;
}

/* SIGINT, SIGTERM, SIGHUP, SIGQUIT: remember the signal; the run loop saves, ends ncurses and
 * exits with 128 + signal. A second Ctrl-C or Ctrl-\ while one is still pending is a person
 * saying the loop is not responding: restore the terminal and leave at once. A repeated SIGHUP or
 * SIGTERM is not: an SSH drop often delivers SIGHUP twice (the kernel, then the shell), and
 * leaving early then would skip the save. */
static void cb_quit_signal_handler(int sig) {
  volatile sig_atomic_t *pending = cb_signal_pending_slot();
  if (*pending != 0) {
    if (sig == SIGINT || sig == SIGQUIT) {
      endwin();
      _exit(128 + sig);
    }
    return;
  }
  *pending = sig;
}

static inline void cb_signals_install(void) {
  static int installed = 0;
  if (installed) return;
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = cb_quit_signal_handler;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0; /* no SA_RESTART: a blocking read returns so the loop notices quickly */
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGHUP, &sa, NULL);
  sigaction(SIGQUIT, &sa, NULL);
  installed = 1;
}

static inline int cb_signal_pending(void) { return *cb_signal_pending_slot(); }
static inline void cb_signal_clear(void) { *cb_signal_pending_slot() = 0; }

/* Crashes: put the terminal back (leave the alternate screen, show the cursor), restore the
 * previous handler (Swift's backtracer, or the default) and let it run. A fault raised by the
 * kernel re-executes the faulting instruction on return and reaches the previous handler with
 * the real context; a signal sent by abort(), raise() or kill() is raised again. */
static void cb_crash_handler(int sig, siginfo_t *info, void *context) {
  (void)context;
  endwin();
  if (sig > 0 && sig < 65) {
    sigaction(sig, &cb_crash_previous()[sig], NULL);
  } else {
    signal(sig, SIG_DFL);
  }
  if (info == NULL || info->si_code <= 0) raise(sig);
}

static inline void cb_crash_handlers_install(void) {
  static int installed = 0;
  if (installed) return;
  const int sigs[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT};
  for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = cb_crash_handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigaction(sigs[i], &sa, &cb_crash_previous()[sigs[i]]);
  }
  installed = 1;
}

/* While an external editor runs in the foreground, Ctrl-C and Ctrl-\ belong to it: ignore SIGINT
 * and SIGQUIT in casebench (as system(3) does) and put them back afterwards. */
static inline void cb_editor_signals_begin(void) {
  struct sigaction ign;
  memset(&ign, 0, sizeof ign);
  ign.sa_handler = SIG_IGN;
  sigemptyset(&ign.sa_mask);
  sigaction(SIGINT, &ign, &cb_editor_saved()[0]);
  sigaction(SIGQUIT, &ign, &cb_editor_saved()[1]);
}

static inline void cb_editor_signals_end(void) {
  sigaction(SIGINT, &cb_editor_saved()[0], NULL);
  sigaction(SIGQUIT, &cb_editor_saved()[1], NULL);
}

/* MARK: child processes */

static inline int cb_wifexited(int status) { return WIFEXITED(status); }
static inline int cb_wexitstatus(int status) { return WEXITSTATUS(status); }
static inline int cb_wifsignaled(int status) { return WIFSIGNALED(status); }
static inline int cb_wtermsig(int status) { return WTERMSIG(status); }

#endif
