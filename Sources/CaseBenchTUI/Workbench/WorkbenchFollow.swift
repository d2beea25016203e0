import CaseBenchLoading
import CaseBenchModel

/// A session shown read-only follows its file: when another casebench saves it, the newer
/// version is shown in place. The dashboard's view of a team and a second team member's
/// read-only workbench (`SessionFileFollower`) both follow by this one rule.
extension Workbench {
  /// Shows `newer` in place of the session, keeping the reader's phase, item and scroll where
  /// they still exist: the case study is the same, so only the rows a lens adds can move, and
  /// the item is found again by its id.
  mutating func follow(_ newer: Session) {
    let itemID = currentItem?.id
    let lensesChanged = newer.lenses != session.lenses
    session = newer
    // A lens that does not load keeps the lenses shown before.
    if lensesChanged, let active = try? newer.activeLenses(file: sessionName) {
      setLenses(active)
    }
    if let itemID, let row = rowIndex(phase, id: itemID) {
      item = row
    } else {
      item = min(item, max(0, rowCount(phase) - 1))
    }
  }

  /// The read-only workbench's file holds a newer version: shown in place, with a note on the
  /// status bar when its content changed (a moved cursor alone is not news).
  mutating func followed(_ newer: Session, _ env: inout WorkbenchEnvironment) {
    guard readOnly else { return }
    let changed = newer.updated != session.updated
    follow(newer)
    fixScroll(env)
    guard changed else { return }
    env.showMessage(
      "Updated from \(newer.participant)'s session at "
        + "\(shortClock(env.now, timeZone: env.options.timeZone)).",
      isError: false)
  }
}

extension AppState {
  /// The read-only workbench's file holds a newer version: shown in place, with a note on the
  /// status bar when its content changed (a moved cursor alone is not news).
  mutating func followed(_ newer: Session) {
    inWorkbench { $0.followed(newer, &$1) }
  }

  /// The read-only workbench's file changed but does not read: the last good version stays,
  /// and the status bar says where the file went wrong.
  mutating func followFailed(_ problem: String) {
    guard workbench?.readOnly == true else { return }
    showMessage("Not updated, showing the last good version: \(problem)", isError: true)
  }
}
