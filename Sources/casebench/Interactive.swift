import CaseBenchCore
import CaseBenchTUI
import CaseBenchTerminal
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The interactive workbench: wires the pure screens (CaseBenchTUI) to the terminal
/// (CaseBenchTerminal) and to the disk (SessionStore). Everything runs on the main thread.
enum Interactive {
  /// `casebench` with no command: the start screen.
  static func runStartScreen(locations: LocationOptions, facilitator: Bool) throws(CLIError) {
    var app = try Driver.begin(locations: locations, facilitator: facilitator)
    app.run()
  }

  /// `casebench open FILE`: straight into the workbench.
  static func runSession(path: String, locations: LocationOptions, facilitator: Bool)
    throws(CLIError)
  {
    // Load before touching the terminal, so a bad file is reported on a normal screen.
    let (study, session) = try loadSession(at: path, locations: locations)
    var app = try Driver.begin(locations: locations, facilitator: facilitator)
    app.open(url: URL(fileURLWithPath: path), caseStudy: study, session: session)
    app.run()
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
  var lastSaveAttempt = Date.distantPast

  static func begin(locations: LocationOptions, facilitator: Bool) throws(CLIError) -> Driver {
    TerminalSignals.install()
    TerminalSignals.installCrashHandlers()
    let terminal: Terminal
    do {
      terminal = try Terminal.start()
    } catch {
      throw CLIError.failure("casebench: \(error.description)")
    }
    let options = RenderOptions(unicode: terminal.unicode, facilitator: facilitator)
    let state = AppState(
      caseStudies: CaseStudyCatalog.all(searchDirectories: locations.searchDirectories),
      sessions: startEntries(in: locations.sessionsURL), options: options, now: Date())
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

  /// Shows a loaded session, taking the lock or falling back to read-only.
  mutating func open(url: URL, caseStudy: CaseStudy, session: Session) {
    releaseLock()
    var readOnlyReason: String?
    do {
      lock = try SessionLock.acquire(for: url)
    } catch {
      readOnlyReason =
        error.kind == .locked ? error.message : "cannot lock the file: \(error.message)"
    }
    sessionURL = url
    state.openWorkbench(
      caseStudy: caseStudy, session: session, sessionName: session.participant,
      readOnly: readOnlyReason != nil, readOnlyReason: readOnlyReason)
    savedRevision = state.sessionRevision
  }

  mutating func releaseLock() {
    lock?.release()
    lock = nil
  }

  /// Saves if the session changed since the last save. Never writes a read-only session.
  mutating func saveIfNeeded(force: Bool = false) {
    state.commitPendingEdits()
    guard let url = sessionURL, lock != nil, let session = state.session else { return }
    let revision = state.sessionRevision
    guard revision != savedRevision || force else { return }
    lastSaveAttempt = Date()
    do {
      try SessionStore.save(session, to: url)
      savedRevision = revision
      state.markSaved(revision: revision, at: Date())
    } catch {
      state.markSaveFailed(error.description)
    }
  }

  mutating func run() {
    var needsDraw = true
    var size = terminal.size
    defer { terminal.stop() }
    while true {
      if let signal = TerminalSignals.pending {
        saveIfNeeded()
        terminal.stop()
        releaseLock()
        Foundation.exit(128 + signal)
      }
      if needsDraw {
        size = terminal.size
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
          saveIfNeeded()
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
      return false
    case .createSession(let caseStudyID, let participant, let mode):
      guard
        let study = CaseStudyCatalog.find(
          id: caseStudyID, searchDirectories: locations.searchDirectories)
      else {
        state.showMessage("Case study \(caseStudyID) is no longer available.", isError: true)
        return true
      }
      let session = Session(participant: participant, caseStudy: study, mode: mode)
      let dir = locations.sessionsURL
      let url = dir.appendingPathComponent(
        SessionDirectory.suggestedFileName(
          participant: participant, caseStudyID: study.id, in: dir))
      do {
        try SessionStore.save(session, to: url)
      } catch {
        state.showMessage(error.description, isError: true)
        return true
      }
      open(url: url, caseStudy: study, session: session)
      state.showMessage("Saving to \(url.path)", isError: false)
    case .openSession(let path):
      do {
        let (study, session) = try loadSession(at: path, locations: locations)
        open(url: URL(fileURLWithPath: path), caseStudy: study, session: session)
      } catch {
        state.showMessage(error.description, isError: true)
      }
    case .editExternally(let itemID, let text):
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
}
