import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

// How the screens are driven: `Program` (Program/Program.swift) sends events to
// `update(&state, event)`, carries out the commands it returns, feeds their results back as
// events, and draws `render(state, size:)`.

/// What the screens ask the program to do: everything with side effects. The results come
/// back as events.
public enum Command: Sendable, Equatable {
  /// Save everything and leave; if the save fails, stay and answer `.saveFailed(_, leaving:)`.
  case quit
  /// Leave without saving (asked for after a failed save).
  case quitWithoutSaving
  /// Save what can be saved and leave with this status (a signal, a hang-up).
  case exit(Int32)
  /// Create a session file; answer `.sessionOpened(_, created: true)` or `.openFailed`.
  case createSession(caseStudyID: String, participant: String, mode: SessionMode)
  /// Save the open session and let go of it, back to the start screen; answer
  /// `.sessionClosed`, or `.saveFailed` and stay.
  case closeSession
  /// Save the open session, then open this one; answer `.sessionOpened` or `.openFailed`.
  case openSession(path: String)
  /// Suspend the terminal, run `$EDITOR` on `text`; answer `.noteEdited` or `.noteEditFailed`.
  case editExternally(itemID: String, text: String)
  /// Read a lens (a built-in name, a lens file, a deon checklist: `LensSource.load`); answer
  /// `.lensLoaded` or `.lensLoadFailed`.
  case loadLens(String)
}
