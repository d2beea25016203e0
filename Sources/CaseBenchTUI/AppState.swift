import CaseBenchLoading
import CaseBenchModel
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

struct StatusMessage: Sendable, Equatable {
  var text: String
  var isError: Bool
  var at: Date
}

/// A component's environment that carries the status bar's message back to the router: the
/// workbench's and the start screen's.
protocol StatusReporting {
  var now: Date { get }
  var message: StatusMessage? { get set }
}

extension StatusReporting {
  /// A message in the status bar until the next key (or a few seconds).
  mutating func showMessage(_ text: String, isError: Bool) {
    message = StatusMessage(text: text, isError: isError, at: now)
  }
}

/// Everything the screens show: a value, changed only by `update`.
///
/// `AppState` is the router between the start screen, the workbench and (in a workshop folder)
/// the participant's workshop; the dashboard is a program of its own (`Dashboard`). Each of
/// those components owns its state and its update: `handle` (AppUpdate.swift) hands an event to
/// the one in front in one line, with an environment made from the state here (`inStart`,
/// `inWorkbench`, `workshopTakes`), and takes back the message and revisions it reports. What
/// stays here is app-wide: the case studies and saved sessions the app was given, the time and
/// the terminal's size, the status bar's message, the save state (revisions, the last save, its
/// failure), the leave guard, and the preview of a case study being written.
public struct AppState: Sendable {
  public private(set) var caseStudies: [CaseStudy]
  public internal(set) var sessions: [StartEntry]
  public var options: RenderOptions
  public private(set) var now: Date
  /// The last size the terminal reported (send `.resize` first); used to page and to map clicks.
  public private(set) var size = Size(width: 80, height: 24)
  /// Bumped on every change to the session's content; the program saves when it moves.
  public internal(set) var sessionRevision = 0
  /// Bumped when only the resume point (the session's cursor) moves. Navigation is saved with
  /// the next change or on quit, so just looking at a session never rewrites its file.
  public internal(set) var cursorRevision = 0

  var start = StartScreen()
  var workbench: Workbench?
  var message: StatusMessage?
  /// The revisions on disk (`.saved`).
  var savedRevision = 0
  var savedCursorRevision = 0
  /// Set when the save before quitting failed: the next quit leaves without saving.
  var quitDespiteFailure = false
  var savedAt: Date?
  var saveError: String?
  /// Set when the session belongs to a workshop folder (`casebench join`).
  var workshop: ParticipantWorkshop?
  /// Set when the workbench previews a case study being written (`casebench preview`).
  var preview: PreviewState?
  /// Leaving the workbench asks first (LeaveGuard.swift).
  var leaveGuard = LeaveGuard()

  public init(caseStudies: [CaseStudy], sessions: [StartEntry], options: RenderOptions, now: Date) {
    self.caseStudies = caseStudies
    self.sessions = AppState.newestFirst(sessions)
    self.options = options
    self.now = now
    start.selection = StartScreen.firstSelection(caseStudies: caseStudies, sessions: self.sessions)
  }

  static func newestFirst(_ entries: [StartEntry]) -> [StartEntry] {
    entries.sorted { ($0.updated ?? .distantPast) > ($1.updated ?? .distantPast) }
  }

  /// The overlays of the screen in front: the workbench's, or the start screen's help.
  var overlays: OverlayStack<Overlay> {
    get { workbench?.overlays ?? start.overlays }
    set {
      if workbench != nil {
        workbench?.overlays = newValue
      } else {
        start.overlays = newValue
      }
    }
  }

  /// The overlay that gets the keys, if any.
  var overlay: Overlay? { overlays.top }

  /// The open session, if the workbench is showing.
  public var session: Session? { workbench?.session }

  /// True while the workbench (rather than the start screen) is showing.
  public var isWorkbenchOpen: Bool { workbench != nil }

  /// Shows the workbench for a session: the checklist focused, the session's cursor item selected.
  mutating func openWorkbench(
    caseStudy: CaseStudy, session: Session, sessionName: String, readOnly: Bool,
    readOnlyReason: String?
  ) {
    let (wb, lensProblem) = Workbench.opening(
      caseStudy: caseStudy, session: session, sessionName: sessionName, readOnly: readOnly,
      readOnlyReason: readOnlyReason)
    workbench = wb
    applyPacing()
    overlays.dismissAll()
    start.prompt = nil
    savedRevision = sessionRevision
    savedCursorRevision = cursorRevision
    quitDespiteFailure = false
    savedAt = nil
    saveError = nil
    message = nil
    if let lensProblem { showMessage(lensProblem, isError: true) }
    fixScroll()
  }

  /// Stores a note edited outside (in `$EDITOR`).
  mutating func applyNote(itemID: String, text: String) {
    inWorkbench { $0.applyNote(itemID: itemID, text: text, &$1) }
  }

  /// A message in the status bar until the next key (or a few seconds).
  mutating func showMessage(_ text: String, isError: Bool) {
    message = StatusMessage(text: text, isError: isError, at: now)
  }

  mutating func markSaved(revision: Int, cursorRevision: Int, at: Date) {
    savedRevision = max(savedRevision, revision)
    savedCursorRevision = max(savedCursorRevision, cursorRevision)
    savedAt = at
    saveError = nil
    quitDespiteFailure = false
  }

  mutating func markSaveFailed(_ message: String) {
    saveError = message
  }

  /// Keeps text being typed in the note editor by writing it into the session: before every
  /// save, and on a signal. Returns true if the session changed.
  @discardableResult
  mutating func commitPendingEdits() -> Bool {
    inWorkbench { $0.commitPendingEdits(&$1) } ?? false
  }

  // MARK: Internal helpers

  mutating func setSize(_ s: Size) { size = s }
  mutating func setNow(_ d: Date) { now = d }
}
