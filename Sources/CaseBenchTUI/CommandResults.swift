import CaseBenchModel
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

// The update for what the terminal reports besides input, and for the results of commands.

extension AppState {
  /// What `q` and Ctrl-C ask for: save and quit, or, after that save failed, quit anyway.
  var quitCommand: Command { quitDespiteFailure ? .quitWithoutSaving : .quit }

  /// Handles the events that are not input; nil for input events.
  mutating func handleOutcome(_ event: Event) -> [Command]? {
    switch event {
    case .signal(let signal):
      commitPendingEdits()
      return [.exit(128 + signal)]
    case .hangUp:
      commitPendingEdits()
      return [.exit(129)]
    case .sessionOpened(let file, let created):
      openWorkbench(
        caseStudy: file.caseStudy, session: file.session, sessionName: file.session.participant,
        readOnly: file.readOnlyReason != nil, readOnlyReason: file.readOnlyReason)
      workbench?.file = file.url
      if let preview {
        showMessage("Previewing \(preview.file): saving the file reloads it.", isError: false)
      } else if created {
        showMessage("Saving to \(file.url.path)", isError: false)
      } else if let retired = RetiredWork(caseStudy: file.caseStudy, session: file.session).message
      {
        // Retired work matters more than the version change it implies: it gets the message line.
        showMessage(retired, isError: false)
      } else if file.session.caseStudyVersion != file.caseStudy.version {
        showMessage(
          "This session was made with version \(file.session.caseStudyVersion) of the case "
            + "study; it is now \(file.caseStudy.version).", isError: false)
      }
      if start.addLensOnOpen {
        start.addLensOnOpen = false
        inWorkbench { $0.askAddLens(&$1) }
      }
      return []
    case .sessionClosed(let url, let entries):
      let name = workbench?.sessionName ?? url.lastPathComponent
      workbench = nil
      overlays.dismissAll()
      sessions = AppState.newestFirst(entries)
      let closed = sessions.firstIndex { $0.path == url.path }
      start = StartScreen(selection: closed.map { caseStudies.count + $0 } ?? 0)
      showMessage("Saved \(name). Enter opens it again.", isError: false)
      return []
    case .openFailed(let message), .noteEditFailed(let message):
      start.addLensOnOpen = false
      showMessage(message, isError: true)
      return []
    case .lensLoaded(let source):
      inWorkbench { $0.lensLoaded(source, &$1) }
      return []
    case .lensLoadFailed(let message):
      showMessage("Can't add the lens: \(message)", isError: true)
      return []
    case .noteEdited(let itemID, let text):
      applyNote(itemID: itemID, text: text)
      return []
    case .saved(let revision, let cursorRevision, let at):
      markSaved(revision: revision, cursorRevision: cursorRevision, at: at)
      return []
    case .saveFailed(let message, let leaving):
      markSaveFailed(message)
      if leaving {
        quitDespiteFailure = true
        showMessage(
          "Could not save (see the status bar). \(KeyTable.quit.keys[0].key.name), then "
            + "\(KeyTable.leaveYes.label), quits without saving.", isError: true)
      }
      return []
    case .caseStudyReloaded(let caseStudy):
      reloadCaseStudy(caseStudy)
      return []
    case .caseStudyReloadFailed(let first, let errors):
      caseStudyReloadFailed(first, errors: errors)
      return []
    case .sessionFollowed(let newer):
      followed(newer)
      return []
    case .sessionFollowFailed(let problem):
      followFailed(problem)
      return []
    case .key, .paste, .resize, .click, .scrollUp, .scrollDown, .tick, .workshop,
      .workshopUnreadable:
      return nil
    }
  }
}
