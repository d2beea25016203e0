import CaseBenchCore
import Foundation

/// A key press, decoded by the terminal backend.
public enum Key: Sendable, Equatable, Hashable {
  case char(Character)
  /// Control plus a letter, lower case: Ctrl-S is `.ctrl("s")`.
  case ctrl(Character)
  case up, down, left, right
  case home, end, pageUp, pageDown
  case enter, tab, backTab, escape, backspace, delete, insert
  case function(Int)
}

/// Everything that can happen to a screen.
public enum Event: Sendable, Equatable {
  case key(Key)
  /// Text arriving all at once (a paste): inserted where typing would go.
  case paste(String)
  case resize(Size)
  /// A mouse click at a cell.
  case click(x: Int, y: Int)
  case scrollUp(x: Int, y: Int)
  case scrollDown(x: Int, y: Int)
  /// Time passes (about ten times a second): clocks, autosave, file watching.
  case tick(Date)
  /// The facilitator's state file of the participant's workshop folder was read (it changed).
  case workshop(WorkshopState)
}
