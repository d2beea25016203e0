/// What the program needs from a terminal. The ncurses `Terminal` is one; tests drive the
/// program with a fake that needs no terminal at all.
///
/// Used from one thread only (the program's), like ncurses itself.
public protocol ProgramTerminal: AnyObject {
  /// The size in cells, as the terminal knows it now.
  var size: Size { get }
  /// Shows a frame.
  func draw(_ buffer: ScreenBuffer)
  /// Waits up to `timeoutMilliseconds` for input. Nil on a timeout or for input that is no
  /// event. A pending signal comes back as `.signal`, a terminal that went away as `.hangUp`.
  func nextEvent(timeoutMilliseconds: Int32) -> Event?
  /// Gives the terminal to another program (`$EDITOR`) until `resume()`.
  func suspend()
  func resume()
}
