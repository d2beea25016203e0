import CaseBenchLoading
import CaseBenchModel
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The interactive program: reads events from a terminal, runs them through `update`, draws
/// `render`, and carries out the commands, feeding each effect's result back in as an event.
/// It also keeps the open session on disk: every change within a second, and everything
/// (the resume point too) before it leaves.
///
/// Everything runs on the caller's thread. The terminal, the storage, the external editor and
/// the clock are given to it, so tests drive it with fakes and no terminal.
public struct Program: ProgramHost {
  /// Runs `$EDITOR` (or the like) on a note and returns the edited text, or why it could not.
  public typealias NoteEditor = (_ text: String) -> Result<String, NoteEditorFailure>

  public private(set) var state: AppState
  private let terminal: any ProgramTerminal
  private var storage: any SessionStorage
  private let editNote: NoteEditor
  private let clock: () -> Date
  /// Looks outside for news (the workshop's state file), at most once a second, on idle ticks.
  private let watch: (() -> [Event])?
  private var lastWatch = Date.distantPast
  /// Follows the file of a read-only workbench (SessionFileFollower.swift).
  private var follower = SessionFileFollower()

  /// The session file open in the workbench, if any.
  private var file: URL?
  private var writable = false
  private var lastSaveAttempt = Date.distantPast
  private var lastSaveFailed = false
  public private(set) var exitStatus: Int32?

  /// How long a save waits after the last one while keys stream in, and how long it waits
  /// after a failed save before trying again.
  static let keyboardSaveInterval: TimeInterval = 0.25
  static let retryInterval: TimeInterval = 1

  /// `opened`: a session to show at once (`casebench open FILE`), already opened by `storage`.
  public init(
    state: AppState, terminal: any ProgramTerminal, storage: any SessionStorage,
    opened: SessionFile? = nil, editNote: @escaping NoteEditor,
    clock: @escaping () -> Date = Date.init, watch: (() -> [Event])? = nil
  ) {
    self.watch = watch
    self.state = state
    self.terminal = terminal
    self.storage = storage
    self.editNote = editNote
    self.clock = clock
    _ = update(&self.state, .resize(terminal.size))
    if let opened { show(opened, created: false) }
    // A workshop's pacing applies before the first key, not at the first idle tick.
    if let watch {
      lastWatch = clock()
      for news in watch() { dispatch(news) }
    }
  }

  /// Runs until the user quits, a signal arrives or the terminal goes away; returns the exit
  /// status: 0, 128 + the signal, or 129 for a hang-up. The session's lock is released.
  public mutating func run() -> Int32 {
    ProgramLoop.run(&self, terminal: terminal, clock: clock)
  }

  public var screenSize: Size { state.size }

  public func frame(size: Size) -> ScreenBuffer { render(state, size: size) }

  /// Clocks and messages may change on a tick; the workshop's news is looked at once a second,
  /// and what changed is saved.
  public mutating func idle(now: Date) {
    if let watch, now.timeIntervalSince(lastWatch) >= 1 {
      lastWatch = now
      for news in watch() { dispatch(news) }
    }
    for news in follower.news(file: writable ? nil : file, state: state, now: now) {
      dispatch(news)
    }
    saveIfNeeded()
  }

  /// Every change is on disk within a second: save straight away, at most four times a
  /// second while keys stream in; the idle tick catches the rest.
  public mutating func afterInput(now: Date) {
    if now.timeIntervalSince(lastSaveAttempt) > Program.keyboardSaveInterval { saveIfNeeded() }
  }

  public mutating func finish() { closeFile() }

  /// Runs an event through `update` and carries out what it asks for.
  public mutating func dispatch(_ event: Event) {
    let commands = update(&state, event)
    for command in commands where exitStatus == nil {
      perform(command)
    }
  }

  private mutating func perform(_ command: Command) {
    switch command {
    case .quit:
      if saveIfNeeded(includeCursor: true, leaving: true) { exitStatus = 0 }
    case .quitWithoutSaving:
      exitStatus = 0
    case .exit(let status):
      saveIfNeeded(includeCursor: true)
      exitStatus = status
    case .closeSession:
      guard let url = file, saveIfNeeded(includeCursor: true) else { return }
      closeFile()
      dispatch(.sessionClosed(url, sessions: storage.list()))
    case .createSession(let caseStudyID, let participant, let mode):
      createSession(caseStudyID: caseStudyID, participant: participant, mode: mode)
    case .openSession(let path):
      guard saveIfNeeded(includeCursor: true) else { return }
      do {
        let opened = try storage.open(URL(fileURLWithPath: path))
        show(opened, created: false)
      } catch {
        dispatch(.openFailed(error.description))
      }
    case .editExternally(let itemID, let text):
      saveIfNeeded()
      terminal.suspend()
      let result = editNote(text)
      terminal.resume()
      switch result {
      case .success(let edited): dispatch(.noteEdited(itemID: itemID, text: edited))
      case .failure(let failure): dispatch(.noteEditFailed(failure.message))
      }
    case .loadLens(let spec):
      do {
        dispatch(.lensLoaded(try LensSource.load(spec)))
      } catch {
        dispatch(.lensLoadFailed(LensText.lensProblem(error, spec: spec)))
      }
    }
  }

  private mutating func createSession(
    caseStudyID: String, participant: String, mode: SessionMode
  ) {
    guard let study = state.caseStudies.first(where: { $0.id == caseStudyID }) else {
      dispatch(.openFailed("Case study \(caseStudyID) is no longer available."))
      return
    }
    let session = Session(participant: participant, caseStudy: study, mode: mode, now: clock())
    do {
      let url = try storage.create(session)
      show(SessionFile(url: url, caseStudy: study, session: session), created: true)
    } catch {
      dispatch(.openFailed(error.description))
    }
  }

  /// Shows a session in the workbench, letting go of the one shown before.
  private mutating func show(_ opened: SessionFile, created: Bool) {
    closeFile()
    file = opened.url
    writable = opened.readOnlyReason == nil
    lastSaveFailed = false
    dispatch(.sessionOpened(opened, created: created))
  }

  private mutating func closeFile() {
    if let file, writable { storage.close(file) }
    file = nil
    writable = false
  }

  /// Saves what changed since the last save, the note being typed included. Cursor moves alone wait for `includeCursor`
  /// (leaving), so just looking at a session never rewrites it. Never writes a read-only
  /// session. After a failure, tries again once a second rather than on every tick. Returns
  /// false if there was something to save and it is not saved.
  @discardableResult
  private mutating func saveIfNeeded(includeCursor: Bool = false, leaving: Bool = false) -> Bool {
    // A note being typed is part of the session from the first save on, so it is on disk
    // within a second too, even if the editor is never closed.
    state.commitPendingEdits()
    guard let file, writable, let session = state.session else { return true }
    let revision = state.sessionRevision
    let cursorRevision = state.cursorRevision
    let contentChanged = revision != state.savedRevision
    let cursorChanged = cursorRevision != state.savedCursorRevision
    guard contentChanged || (includeCursor && cursorChanged) else { return true }
    let now = clock()
    if lastSaveFailed && !includeCursor
      && now.timeIntervalSince(lastSaveAttempt) < Program.retryInterval
    {
      return false
    }
    lastSaveAttempt = now
    do {
      try storage.save(session, to: file)
      lastSaveFailed = false
      dispatch(.saved(revision: revision, cursorRevision: cursorRevision, at: clock()))
      return true
    } catch {
      lastSaveFailed = true
      dispatch(.saveFailed(error.description, leaving: leaving))
      return false
    }
  }
}

/// Why the external editor could not edit a note, worded for the status bar.
public struct NoteEditorFailure: Error, Sendable, Equatable {
  public var message: String
  public init(_ message: String) { self.message = message }
}
