import CaseBenchReports
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Applies one event to the state and returns what the executable should do.
public func update(_ state: inout AppState, _ event: Event) -> [Command] {
  state.handle(event)
}

extension AppState {
  /// Routes an event to the component in front: the help overlay, the start screen, or the
  /// workbench (which hands it on to its own overlays). Each component's update lives with its
  /// state and view.
  mutating func handle(_ event: Event) -> [Command] {
    if let commands = handleOutcome(event) { return commands }
    if ignoredWhileTooSmall(event) { return [] }
    if let commands = guardLeaving(event) { return commands }
    if let commands = inWorkbench({ $0.takeOver(event, &$1) }) ?? nil { return commands }
    switch event {
    case .resize(let s):
      setSize(s)
      fixScroll()
      inWorkbench { wb, env in wb.refitNoteEditor(env) }
      return []
    case .tick(let date):
      setNow(date)
      if let m = message, date.timeIntervalSince(m.at) >= 6 { message = nil }
      workshop?.noteShown(workbench?.currentPhase, at: date)
      return []
    case .workshop(let state):
      applyWorkshop(state)
      return []
    case .workshopUnreadable(let error):
      workshop?.problem = error
      return []
    case .key(let key) where workshopTakes(key):
      return []
    case .key(let key) where KeyTable.interrupt.command(for: key) != nil:
      commitPendingEdits()
      return [quitCommand]
    case .key:
      message = nil
    default:
      break
    }
    var commands: [Command] = []
    if case .help = overlay {
      handleHelp(event)
    } else if workbench == nil {
      commands = inStart { $0.update(event, &$1) }
    } else {
      commands = handleWorkbench(event)
    }
    fixScroll()
    return commands
  }

  /// The workbench's panes at the terminal's size.
  var layout: WorkbenchLayout { WorkbenchLayout(size: size, for: workbench) }

  /// Keeps the selected item visible in the checklist.
  mutating func fixScroll() {
    inWorkbench { wb, env in wb.fixScroll(env) }
  }

  /// Routes an event to the workbench, which hands it on to its overlays.
  mutating func handleWorkbench(_ event: Event) -> [Command] {
    inWorkbench { $0.update(event, &$1) } ?? []
  }
}
