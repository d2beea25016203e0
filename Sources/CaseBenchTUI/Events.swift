import CaseBenchLoading
import CaseBenchModel
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

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

  // What the terminal reports besides input.

  /// SIGINT, SIGTERM, SIGHUP or SIGQUIT arrived: keep what is being typed, save, exit with
  /// 128 + the signal.
  case signal(Int32)
  /// The terminal went away (end of file, hang-up, I/O error on it): like SIGHUP, the program
  /// saves, frees the session's lock and exits with 129.
  case hangUp

  // The results of commands (see `Command`), fed back by the program.

  /// A session was opened or (`created`) made for the workbench. Boxed (`indirect`), so the
  /// event stays small and its layout does not depend on the size of the domain's types.
  indirect case sessionOpened(SessionFile, created: Bool)
  /// The session at `url` is saved and closed; `sessions` are the saved sessions now.
  indirect case sessionClosed(URL, sessions: [StartEntry])
  /// Opening or creating a session failed; the message says why.
  case openFailed(String)
  /// The note came back from `$EDITOR`.
  case noteEdited(itemID: String, text: String)
  case noteEditFailed(String)
  /// The session is on disk as of these revisions.
  case saved(revision: Int, cursorRevision: Int, at: Date)
  /// Saving failed; `leaving` when it was the save before quitting.
  case saveFailed(String, leaving: Bool)
  /// The facilitator's state file of the participant's workshop folder was read (it changed).
  case workshop(WorkshopState)
  /// The facilitator's state file exists but cannot be read (pacing stays as last read).
  case workshopUnreadable(WorkshopStateError)
  /// The previewed case study's file changed and loads: show this version.
  indirect case caseStudyReloaded(CaseStudy)
  /// The previewed case study's file changed and has `errors` errors; `first` is the first,
  /// located (`FILE:LINE:COL: error: …`). The last good version stays.
  case caseStudyReloadFailed(String, errors: Int)
  /// The read-only workbench's file was saved by the casebench that holds it: show this version.
  indirect case sessionFollowed(Session)
  /// That file changed but does not read (located); the last good version stays.
  case sessionFollowFailed(String)
  /// A lens was read for the open session.
  indirect case lensLoaded(LensSource)
  /// A lens could not be read; the first problem, located (`FILE:LINE:COL: error: …`).
  case lensLoadFailed(String)
}
