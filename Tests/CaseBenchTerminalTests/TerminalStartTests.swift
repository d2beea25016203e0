import CaseBenchTerminal
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite("Terminal and signals without a terminal", .serialized)
struct TerminalStartTests {
  @Test func refusesToStartWithoutATerminalOrTERM() {
    // Under `swift test` stdin or stdout is usually not a tty; if both are, TERM is missing from
    // the environment given. Either way start must fail with a message, never start ncurses.
    do {
      let terminal = try Terminal.start(environment: [:])
      terminal.stop()
      Issue.record("Terminal.start succeeded without TERM")
    } catch {
      #expect(error.message.hasPrefix("casebench needs a terminal: "))
    }
  }

  /// Sends `signal` to this process and waits (up to a second) for the handler to run on
  /// whichever thread the kernel picks.
  private func send(_ signal: Int32) -> Int32? {
    kill(getpid(), signal)
    for _ in 0..<100 {
      if let pending = TerminalSignals.pending { return pending }
      usleep(10_000)
    }
    return nil
  }

  @Test func signalsBecomeAPendingFlag() {
    TerminalSignals.install()
    TerminalSignals.clear()
    #expect(TerminalSignals.pending == nil)
    #expect(send(SIGTERM) == SIGTERM)
    TerminalSignals.clear()
    #expect(send(SIGHUP) == SIGHUP)
    TerminalSignals.clear()
    #expect(TerminalSignals.pending == nil)
  }
}
