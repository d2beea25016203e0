#ifndef CASEBENCH_SIGNALS_H
#define CASEBENCH_SIGNALS_H

/* casebench's process-wide signal state, and the check for a terminal that has gone away.
 *
 * The state (the pending quit signal, the actions the crash handlers replaced, the actions the
 * external editor saves) lives in ONE translation unit, signals.c, as file-scope variables. The
 * linker guarantees a single copy, whatever Swift inlines or optimises across modules. (It used to
 * be function-local statics in `static inline` functions in CNcursesw/shim.h; with
 * `-c release`, the signal handler and the run loop ended up with different copies, and SIGTERM
 * and SIGHUP were ignored.) Only declarations here; never put state in this header. */

/* SIGINT, SIGTERM, SIGHUP, SIGQUIT: remember the signal; the run loop saves, ends ncurses and
 * exits with 128 + signal. A second SIGINT or SIGQUIT while one is pending restores the terminal
 * and exits at once. Idempotent. */
void cb_signals_install(void);

/* The pending quit signal, or 0. */
int cb_signal_pending(void);

/* Forgets the pending quit signal. */
void cb_signal_clear(void);

/* SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT: end ncurses, then hand the signal to the
 * handler that was there before (Swift's backtracer, or the default). Idempotent. */
void cb_crash_handlers_install(void);

/* Around an external editor running in the foreground: ignore SIGINT and SIGQUIT (they belong to
 * the editor), then put back what was there. Calls must pair; they do not nest. */
void cb_editor_signals_begin(void);
void cb_editor_signals_end(void);

/* 1 when the terminal on `fd` has gone away (the other end closed: SSH dropped, window closed,
 * tmux server killed): poll() reports POLLHUP, POLLERR or POLLNVAL, or the descriptor is no longer
 * a terminal (a hung-up tty answers its ioctls with EIO or ENOTTY). 0 otherwise. Never blocks. */
int cb_tty_hung_up(int fd);

#endif
