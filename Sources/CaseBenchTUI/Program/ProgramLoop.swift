#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// What the program loop drives: a tree of screens with the effects it needs around it (the
/// participant's `Program`, the facilitator's `DashboardProgram`). The loop owns the terminal
/// side (reading, resizing, drawing, ticking); the host owns what events do.
public protocol ProgramHost {
  /// Set when the program should leave: its exit status.
  var exitStatus: Int32? { get }
  /// The size the screens last heard of (`.resize`).
  var screenSize: Size { get }
  /// The frame for the screens' current state.
  func frame(size: Size) -> ScreenBuffer
  /// Runs an event through the screens and carries out what they ask for.
  mutating func dispatch(_ event: Event)
  /// No input came within a tick; `.tick` has been dispatched. Look outside, save.
  mutating func idle(now: Date)
  /// An input event was dispatched.
  mutating func afterInput(now: Date)
  /// The loop is over: let go of what the host holds (a session's lock).
  mutating func finish()
}

extension ProgramHost {
  public mutating func afterInput(now: Date) {}
  public mutating func finish() {}
}

/// The one program loop: reads events from a terminal, dispatches them to the host, ticks
/// about ten times a second when nothing arrives, and draws after every change (the terminal
/// diffs the frame, so an unchanged frame writes nothing). Runs on the caller's thread.
public enum ProgramLoop {
  /// How long the loop waits for input before it ticks.
  static let tickMilliseconds: Int32 = 100

  /// Runs until the host has an exit status; returns it.
  public static func run<Host: ProgramHost>(
    _ host: inout Host, terminal: any ProgramTerminal, clock: () -> Date
  ) -> Int32 {
    var needsDraw = true
    while host.exitStatus == nil {
      // The size may change at any moment (also while $EDITOR ran): keep the screens' idea of
      // it current, for paging, scrolling and mapping clicks.
      let size = terminal.size
      if size != host.screenSize {
        host.dispatch(.resize(size))
        needsDraw = true
      }
      if needsDraw {
        terminal.draw(host.frame(size: size))
        needsDraw = false
      }
      needsDraw = true
      guard let event = terminal.nextEvent(timeoutMilliseconds: tickMilliseconds) else {
        host.dispatch(.tick(clock()))
        host.idle(now: clock())
        continue
      }
      host.dispatch(event)
      if host.exitStatus == nil { host.afterInput(now: clock()) }
    }
    host.finish()
    return host.exitStatus ?? 0
  }
}
