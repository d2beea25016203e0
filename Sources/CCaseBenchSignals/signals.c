/* The one copy of casebench's signal state. See include/CCaseBenchSignals.h. */

#include "CCaseBenchSignals.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

/* From ncursesw (linked by the CNcursesw module). Declared here rather than by including
 * curses.h, which would pull ncurses' own macros into this file for one function. */
extern int endwin(void);

/* The pending quit signal: written by the handler, read and cleared by the run loop. */
static volatile sig_atomic_t pending_signal = 0;
static int quit_handlers_installed = 0;

/* The actions the crash handlers replaced, by signal number. */
static struct sigaction crash_previous[65];
static int crash_handlers_installed = 0;

/* SIGINT and SIGQUIT as they were before an external editor started. */
static struct sigaction editor_saved_int;
static struct sigaction editor_saved_quit;

/* A repeated SIGHUP or SIGTERM is not a person in a hurry: an SSH drop often delivers SIGHUP
 * twice (the kernel, then the shell), and leaving early then would skip the save. */
static void quit_signal_handler(int sig) {
  if (pending_signal != 0) {
    if (sig == SIGINT || sig == SIGQUIT) {
      endwin();
      _exit(128 + sig);
    }
    return;
  }
  pending_signal = sig;
}

void cb_signals_install(void) {
  if (quit_handlers_installed) return;
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = quit_signal_handler;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0; /* no SA_RESTART: a blocking read returns so the loop notices quickly */
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGHUP, &sa, NULL);
  sigaction(SIGQUIT, &sa, NULL);
  quit_handlers_installed = 1;
}

int cb_signal_pending(void) { return (int)pending_signal; }

void cb_signal_clear(void) { pending_signal = 0; }

/* Put the terminal back (leave the alternate screen, show the cursor), restore the previous
 * handler and let it run. A fault raised by the kernel re-executes the faulting instruction on
 * return and reaches the previous handler with the real context; a signal sent by abort(),
 * raise() or kill() is raised again. */
static void crash_handler(int sig, siginfo_t *info, void *context) {
  (void)context;
  endwin();
  if (sig > 0 && sig < 65) {
    sigaction(sig, &crash_previous[sig], NULL);
  } else {
    signal(sig, SIG_DFL);
  }
  if (info == NULL || info->si_code <= 0) raise(sig);
}

void cb_crash_handlers_install(void) {
  if (crash_handlers_installed) return;
  const int sigs[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT};
  for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = crash_handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigaction(sigs[i], &sa, &crash_previous[sigs[i]]);
  }
  crash_handlers_installed = 1;
}

/* As system(3) does while its child runs. */
void cb_editor_signals_begin(void) {
  struct sigaction ign;
  memset(&ign, 0, sizeof ign);
  ign.sa_handler = SIG_IGN;
  sigemptyset(&ign.sa_mask);
  sigaction(SIGINT, &ign, &editor_saved_int);
  sigaction(SIGQUIT, &ign, &editor_saved_quit);
}

void cb_editor_signals_end(void) {
  sigaction(SIGINT, &editor_saved_int, NULL);
  sigaction(SIGQUIT, &editor_saved_quit, NULL);
}

int cb_tty_hung_up(int fd) {
  struct pollfd p;
  p.fd = fd;
  p.events = POLLIN;
  p.revents = 0;
  int ready;
  do {
    ready = poll(&p, 1, 0);
  } while (ready < 0 && errno == EINTR);
  if (ready < 0) return errno == EBADF;
  if (p.revents & (POLLHUP | POLLERR | POLLNVAL)) return 1;
  /* A tty that was hung up (vhangup) answers its ioctls with EIO or ENOTTY. */
  struct termios modes;
  if (tcgetattr(fd, &modes) != 0 && (errno == EIO || errno == ENOTTY || errno == EBADF)) {
    return 1;
  }
  /* Readable, yet nothing to read: the other end is gone (end of file). */
  if (ready > 0 && (p.revents & POLLIN)) {
    int available = 0;
    if (ioctl(fd, FIONREAD, &available) == 0 && available == 0) return 1;
  }
  return 0;
}
