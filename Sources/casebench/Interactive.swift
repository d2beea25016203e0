import CaseBenchCore
import CaseBenchTUI
import CaseBenchTerminal
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

#if canImport(Glibc)
  import Glibc
#endif

/// The interactive workbench: wires the pure screens (CaseBenchTUI) to the terminal
/// (CaseBenchTerminal) and to the disk (SessionStore). Everything runs on the main thread.
enum Interactive {
  /// `casebench` with no command: the start screen.
  static func runStartScreen(locations: LocationOptions, facilitator: Bool) throws(CLIError) {
    var app = try Driver.begin(locations: locations, facilitator: facilitator, listSessions: true)
    app.run()
  }

  /// `casebench open FILE`: straight into the workbench.
  static func runSession(path: String, locations: LocationOptions, facilitator: Bool)
    throws(CLIError)
  {
    // Lock, then load, before touching the terminal: a bad file is reported on a normal
    // screen, and no other casebench can save between our load and our lock.
    let opened = try openSession(path, locations: locations)
    var app: Driver
    do {
      app = try Driver.begin(locations: locations, facilitator: facilitator, listSessions: false)
    } catch {
      opened.lock?.release()
      throw error
    }
    app.show(opened)
    app.run()
  }
}

/// `SessionFiles.open`, with its error worded for the command line.
private func openSession(_ path: String, locations: LocationOptions) throws(CLIError)
  -> OpenedSession
{
  do {
    return try SessionFiles.open(
      URL(fileURLWithPath: path), searchDirectories: locations.searchDirectories)
  } catch {
    throw CLIError(error)
  }
}

/// One interactive run: the terminal, the screen state and the open session file.
private struct Driver {
  let terminal: Terminal
  let locations: LocationOptions
  var state: AppState
  var sessionURL: URL?
  var lock: SessionLock?
  var savedRevision = 0
  var savedCursorRevision = 0
  var lastSaveAttempt = Date.distantPast
  var lastSaveFailed = false
  /// Set after `q` could not save: a second `q` leaves without saving.
  var quitRequestedDespiteFailure = false

  static func begin(locations: LocationOptions, facilitator: Bool, listSessions: Bool)
    throws(CLIError) -> Driver
  {
    TerminalSignals.install()
    TerminalSignals.installCrashHandlers()
    let terminal: Terminal
    do {
      terminal = try Terminal.start()
    } catch {
      throw CLIError.failure("casebench: \(error.description)")
    }
    let options = RenderOptions(unicode: terminal.unicode, facilitator: facilitator)
    var state = AppState(
      caseStudies: CaseStudyCatalog.all(searchDirectories: locations.searchDirectories),
      sessions: listSessions ? startEntries(in: locations.sessionsURL) : [], options: options,
      now: Date())
    _ = update(&state, .resize(terminal.size))
    return Driver(terminal: terminal, locations: locations, state: state)
  }

  static func startEntries(in dir: URL) -> [StartEntry] {
    SessionDirectory.list(in: dir).map { s in
      StartEntry(
        title: s.error == nil ? s.participant : s.url.lastPathComponent,
        detail: s.error == nil ? "\(s.caseStudyID) · \(s.url.lastPathComponent)" : "unreadable",
        path: s.url.path, updated: s.updated, error: s.error)
    }
  }

  /// Shows a session in the workbench, taking over its lock.
  mutating func show(_ opened: OpenedSession) {
    releaseLock()
    lock = opened.lock
    sessionURL = opened.url
    state.openWorkbench(
      caseStudy: opened.caseStudy, session: opened.session,
      sessionName: opened.session.participant, readOnly: opened.readOnlyReason != nil,
      readOnlyReason: opened.readOnlyReason)
    savedRevision = state.sessionRevision
    savedCursorRevision = state.cursorRevision
    lastSaveFailed = false
    if opened.session.caseStudyVersion != opened.caseStudy.version {
      state.showMessage(
        "This session was made with version \(opened.session.caseStudyVersion) of the case "
          + "study; it is now \(opened.caseStudy.version).", isError: false)
    }
  }

  mutating func releaseLock() {
    lock?.release()
    lock = nil
  }

  var hasUnsavedWork: Bool {
    state.sessionRevision != savedRevision || state.cursorRevision != savedCursorRevision
  }

  /// Saves what changed since the last save. Cursor moves alone wait for `includeCursor`
  /// (quitting), so just looking at a session never rewrites it. Never writes a read-only
  /// session. Returns false if there was something to save and it could not be saved.
  @discardableResult
  mutating func saveIfNeeded(includeCursor: Bool = false) -> Bool {
    state.commitPendingEdits()
    guard let url = sessionURL, lock != nil, let session = state.session else { return true }
    let revision = state.sessionRevision
    let cursorRevision = state.cursorRevision
    let contentChanged = revision != savedRevision
    let cursorChanged = cursorRevision != savedCursorRevision
    guard contentChanged || (includeCursor && cursorChanged) else { return true }
    // After a failure, retry once a second rather than on every tick.
    if lastSaveFailed && !includeCursor && Date().timeIntervalSince(lastSaveAttempt) < 1 {
      return false
    }
    lastSaveAttempt = Date()
    do {
      try SessionStore.save(session, to: url)
      savedRevision = revision
      savedCursorRevision = cursorRevision
      lastSaveFailed = false
      state.markSaved(revision: revision, at: Date())
      return true
    } catch {
      lastSaveFailed = true
      state.markSaveFailed(error.description)
      return false
    }
  }

  mutating func run() {
    var needsDraw = true
    defer { terminal.stop() }
    while true {
      if let signal = TerminalSignals.pending {
        saveIfNeeded(includeCursor: true)
        terminal.stop()
        releaseLock()
        terminate(128 + signal)
      }
      // The terminal's size may change at any moment (also while $EDITOR ran): keep the
      // screen state's idea of it current, for paging, scrolling and mapping clicks.
      let size = terminal.size
      if size != state.size {
        _ = update(&state, .resize(size))
        needsDraw = true
      }
      if needsDraw {
        terminal.draw(render(state, size: size))
        needsDraw = false
      }
      guard let event = terminal.nextEvent(timeoutMilliseconds: 100) else {
        // Clocks and messages may change on a tick; drawing an unchanged frame writes nothing.
        _ = update(&state, .tick(Date()))
        saveIfNeeded()
        needsDraw = true
        continue
      }
      let commands = update(&state, event)
      needsDraw = true
      // Every change is on disk within a second: save straight away, at most ~4 times a second
      // while keys stream in; the idle tick above catches the rest.
      if Date().timeIntervalSince(lastSaveAttempt) > 0.25 { saveIfNeeded() }
      for command in commands {
        if !perform(command) {
          releaseLock()
          return
        }
      }
    }
  }

  /// Carries out what a screen asked for. Returns false to leave the program.
  mutating func perform(_ command: Command) -> Bool {
    switch command {
    case .quit:
      if saveIfNeeded(includeCursor: true) || quitRequestedDespiteFailure { return false }
      quitRequestedDespiteFailure = true
      state.showMessage(
        "Could not save (see the status bar). Press q again to quit without saving.",
        isError: true)
    case .createSession(let caseStudyID, let participant, let mode):
      createSession(caseStudyID: caseStudyID, participant: participant, mode: mode)
    case .openSession(let path):
      guard saveIfNeeded(includeCursor: true) else { return true }
      do {
        show(try openSession(path, locations: locations))
      } catch {
        state.showMessage(error.description, isError: true)
      }
    case .editExternally(let itemID, let text):
      saveIfNeeded()
      terminal.suspend()
      let result: Result<String, TerminalError>
      do {
        result = .success(
          try ExternalEditor.edit(
            text: text, suffix: ".md", environment: ProcessInfo.processInfo.environment))
      } catch {
        result = .failure(error)
      }
      terminal.resume()
      switch result {
      case .success(let edited): state.applyNote(itemID: itemID, text: edited)
      case .failure(let error): state.showMessage(error.description, isError: true)
      }
    }
    return true
  }

  /// Creates a session file under a free name, locked before its first byte is written, so two
  /// teams choosing the same name at the same moment get two files.
  mutating func createSession(caseStudyID: String, participant: String, mode: SessionMode) {
    guard
      let study = state.caseStudies.first(where: { $0.id == caseStudyID })
        ?? CaseStudyCatalog.find(id: caseStudyID, searchDirectories: locations.searchDirectories)
    else {
      state.showMessage("Case study \(caseStudyID) is no longer available.", isError: true)
      return
    }
    let session = Session(participant: participant, caseStudy: study, mode: mode)
    let created: (url: URL, lock: SessionLock)
    do {
      created = try SessionFiles.create(session, inFolder: locations.sessionsURL)
    } catch {
      state.showMessage(error.description, isError: true)
      return
    }
    show(
      OpenedSession(
        url: created.url, caseStudy: study, session: session, lock: created.lock,
        readOnlyReason: nil))
    state.showMessage("Saving to \(created.url.path)", isError: false)
  }
}
