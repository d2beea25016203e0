import CCaseBenchSignals

/// Signals that end casebench. Install before `Terminal.start` so ncurses does not take SIGINT and
/// SIGTERM itself (its handler calls `endwin` and `_exit`, losing unsaved work).
///
/// SIGINT (Ctrl-C), SIGTERM, SIGHUP and SIGQUIT (Ctrl-\) only set a flag. `Terminal.nextEvent`
/// reports it as a `.signal` event (the wait returns within its timeout, sooner when a signal
/// interrupts the read); the program saves, the terminal is stopped and casebench exits with
/// `128 + signal`. A second
/// Ctrl-C or Ctrl-\ while the first is still pending restores the terminal and exits at once, so
/// an unresponsive loop can still be left.
///
/// The flag and the saved actions live in the C target CCaseBenchSignals (one `.c` file), so the
/// handler and the loop always share one copy, in debug and release builds alike.
public enum TerminalSignals {
  /// Installs the handlers for SIGINT, SIGTERM, SIGHUP and SIGQUIT. Idempotent.
  public static func install() {
    cb_signals_install()
  }

  /// The signal received, if any.
  public static var pending: Int32? {
    let sig = cb_signal_pending()
    return sig == 0 ? nil : sig
  }

  /// Forgets a pending signal (for tests, or a loop that decides to carry on).
  public static func clear() {
    cb_signal_clear()
  }

  /// On SIGSEGV, SIGBUS, SIGILL (Swift's `fatalError`), SIGTRAP, SIGFPE and SIGABRT: restore the
  /// terminal with `endwin`, then hand the signal to the previous handler (Swift's backtracer or
  /// the default action). Idempotent.
  public static func installCrashHandlers() {
    cb_crash_handlers_install()
  }
}
