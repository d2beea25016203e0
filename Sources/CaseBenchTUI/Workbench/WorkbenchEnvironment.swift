import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// What the workbench's update needs from outside it (the time, the terminal's size, the render
/// options, the workshop's state, how to quit), and what it reports back: the status bar's
/// message, and how many times it changed the session's content or moved its cursor, which the
/// router turns into the revisions the program saves by.
struct WorkbenchEnvironment: Sendable, StatusReporting {
  let now: Date
  let size: Size
  let options: RenderOptions
  /// Set when the session belongs to a workshop folder; the workbench only reads it.
  let workshop: ParticipantWorkshop?
  /// True while the workbench previews a case study being written (`casebench preview`).
  let isPreview: Bool
  /// What quitting asks of the program (`AppState.quitCommand`: it knows about failed saves).
  let quitCommand: Command
  /// The status bar's message, as it was before the update and as the update leaves it.
  var message: StatusMessage?
  /// Changes to the session's content during the update.
  var sessionChanges = 0
  /// Moves of the session's resume point during the update.
  var cursorMoves = 0

  /// The text in curly quotes, or straight ones in ASCII mode.
  func quoted(_ text: String) -> String {
    options.unicode ? "\u{201C}\(text)\u{201D}" : "\"\(text)\""
  }
}

extension AppState {
  /// The workbench's environment as this state stands.
  var workbenchEnvironment: WorkbenchEnvironment {
    WorkbenchEnvironment(
      now: now, size: size, options: options, workshop: workshop, isPreview: preview != nil,
      quitCommand: quitCommand, message: message)
  }

  /// Runs `body` on the open workbench with its environment, then takes back what it reported:
  /// the message and the revisions. The one place the router reaches into the workbench, in the
  /// spirit of TCA's `Scope`. The workbench is taken out while `body` runs, so the session's
  /// storage is held once and changed in place (a copy per keystroke would be O(notes)). Nil
  /// when no workbench is open.
  @discardableResult
  mutating func inWorkbench<Result>(
    _ body: (inout Workbench, inout WorkbenchEnvironment) -> Result
  ) -> Result? {
    guard var open = workbench.take() else { return nil }
    var env = workbenchEnvironment
    let result = body(&open, &env)
    workbench = open
    message = env.message
    sessionRevision += env.sessionChanges
    cursorRevision += env.cursorMoves
    return result
  }
}

extension Workbench {
  /// The panes' rectangles at the environment's size.
  func layout(_ env: WorkbenchEnvironment) -> WorkbenchLayout {
    WorkbenchLayout(size: env.size, for: self)
  }

  /// Applies a change to the session unless it is read-only. Returns true if anything changed.
  @discardableResult
  mutating func changeSession(
    _ env: inout WorkbenchEnvironment, _ body: (inout Session, Date) -> Bool
  ) -> Bool {
    if readOnly {
      refuseReadOnly(&env)
      return false
    }
    // The Session's own changes say whether anything changed.
    let changed = body(&session, env.now)
    if changed { env.sessionChanges += 1 }
    return changed
  }

  func refuseReadOnly(_ env: inout WorkbenchEnvironment) {
    let why = readOnlyReason.map { ": \($0)" } ?? ""
    env.showMessage("Read-only\(why). Nothing can be changed.", isError: true)
  }

  /// Records where the participant is, so a resumed session lands there. Not logged.
  mutating func syncCursor(_ env: inout WorkbenchEnvironment) {
    guard !readOnly, let phase = currentPhase else { return }
    let cursor = SessionCursor(phase: phase.id, item: currentItem?.id)
    guard session.cursor != cursor else { return }
    session.moveCursor(phase: cursor.phase, item: cursor.item)
    env.cursorMoves += 1
  }

  /// Keeps the selected item visible in the checklist.
  mutating func fixScroll(_ env: WorkbenchEnvironment) {
    listTop = WorkbenchLayout.listTop(
      listTop, selected: item, count: rowCount(phase),
      height: max(1, layout(env).checklist.inner.h))
  }
}
