import CaseBenchLoading
import CaseBenchModel
import CaseBenchStore
import CaseBenchTUI
import CaseBenchTerminal

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The interactive workbench: wires the screens' `Program` (CaseBenchTUI) to the terminal
/// (CaseBenchTerminal), the sessions on disk (`DiskStorage`) and `$EDITOR`.
enum Interactive {
  /// `casebench` with no command: the start screen.
  static func runStartScreen(
    locations: LocationOptions, facilitator: Bool, plain: Bool = false, config: Config
  ) throws(CLIError) {
    if plain {
      return try PlainRun.run(
        path: nil, locations: locations, facilitator: facilitator, workshop: nil)
    }
    try run(locations: locations, facilitator: facilitator, path: nil, config: config)
  }

  /// `casebench open FILE`: straight into the workbench.
  /// `workshop`: the workshop folder the session is in (`casebench join`), whose
  /// facilitator's file is watched for announcements and pacing.
  static func runSession(
    path: String, locations: LocationOptions, facilitator: Bool, workshop: URL? = nil,
    plain: Bool = false, config: Config
  ) throws(CLIError) {
    if plain {
      return try PlainRun.run(
        path: path, locations: locations, facilitator: facilitator, workshop: workshop)
    }
    try run(
      locations: locations, facilitator: facilitator, path: path, workshop: workshop,
      config: config)
  }

  private static func run(
    locations: LocationOptions, facilitator: Bool, path: String?, workshop: URL? = nil,
    config: Config
  ) throws(CLIError) {
    // Lock, then load, before touching the terminal: a bad file is reported on a normal
    // screen, and no other casebench can save between our load and our lock.
    try onTerminal(config: config) { () throws(CLIError) -> (DiskStorage, SessionFile?) in
      var storage = DiskStorage(
        folder: locations.sessionsURL, searchDirectories: locations.searchDirectories)
      guard let path else { return (storage, nil) }
      do throws(SessionStoreError) {
        let opened = try storage.open(URL(fileURLWithPath: path))
        return (storage, opened)
      } catch {
        throw CLIError(error)
      }
    } release: { prepared in
      var storage = prepared.0
      if let opened = prepared.1 { storage.close(opened.url) }
    } program: { prepared, terminal in
      var storage = prepared.0
      let opened = prepared.1
      var state = AppState(
        caseStudies: CaseStudyCatalog.all(searchDirectories: locations.searchDirectories),
        sessions: path == nil ? storage.list() : [],
        options: RenderOptions(unicode: terminal.unicode, facilitator: facilitator), now: Date())
      // Pacing is the folder's: a session in a workshop folder follows it however it was
      // opened (`join`, `open FILE`, `open NAME`, the start screen on that folder).
      let paced =
        workshop ?? path.flatMap { WorkshopFolder.workshop(holding: URL(fileURLWithPath: $0)) }
        ?? (path == nil && WorkshopFolder.isWorkshop(locations.sessionsURL)
          ? locations.sessionsURL : nil)
      if paced != nil { state.joinWorkshop() }
      let watcher = paced.map(WorkshopWatcher.init)
      var program = Program(
        state: state, terminal: terminal, storage: storage, opened: opened,
        editNote: { text in
          Result { () throws(TerminalError) -> String in
            try ExternalEditor.edit(
              text: text, suffix: ".md", environment: ProcessInfo.processInfo.environment)
          }.mapError { NoteEditorFailure($0.description) }
        }, watch: watcher.map { w in { w.news() } })
      return program.run()
    }
  }

  /// The run sequence every interactive screen shares, written once: signal handlers, then
  /// `prepare` (locks and loads, before the terminal is touched), then the terminal, the
  /// program, and the terminal restored whatever happens. Exits with the program's status when
  /// it is not 0. If the terminal does not start, `release` lets go of what `prepare` took.
  /// The user's `config` chooses the theme and the mouse, and its keys are in force while the
  /// program runs.
  private static func onTerminal<Prepared>(
    config: Config,
    prepare: () throws(CLIError) -> Prepared, release: (Prepared) -> Void = { _ in },
    program: (Prepared, Terminal) -> Int32
  ) throws(CLIError) {
    TerminalSignals.install()
    TerminalSignals.installCrashHandlers()
    let prepared = try prepare()
    let terminal: Terminal
    do {
      terminal = try Terminal.start(theme: config.theme, mouse: config.mouse)
    } catch {
      release(prepared)
      throw CLIError.failure("casebench: \(error.description)")
    }
    let status = { () -> Int32 in
      defer { terminal.stop() }
      return KeyMap.$current.withValue(config.keys) { program(prepared, terminal) }
    }()
    if status != 0 { exit(status) }
  }
}

extension Interactive {
  /// `casebench preview FILE`: the workbench on a case study, reloaded when the file changes.
  /// The file must load to start; after that, `Preview` (CaseBenchTUI) watches and reloads it.
  static func runPreview(path: String, facilitator: Bool, config: Config) throws(CLIError) {
    let url = URL(fileURLWithPath: path)
    let caseStudy: CaseStudy
    do {
      caseStudy = try CaseStudyLoader.load(contentsOf: url)
    } catch {
      let lines = error.diagnostics.map(\.description)
      throw CLIError(
        code: Exit.badData,
        description: (lines + [
          "\(path): error: the case study does not load, so it cannot be "
            + "previewed (fix: the errors above; `casebench lint \(path)` lists them)"
        ])
        .joined(separator: "\n"))
    }
    try onTerminal(config: config) { () throws(CLIError) in
    } program: { _, terminal in
      var program = Preview.program(
        file: url, caseStudy: caseStudy, terminal: terminal,
        options: RenderOptions(unicode: terminal.unicode, facilitator: facilitator))
      return program.run()
    }
  }
}

/// Reads a workshop's facilitator file when it changed (its stamp: size, time, inode), for the
/// participant's program; an unchanged file is not read again. A file that cannot be read is
/// news once (`.workshopUnreadable`), and so is the first good read after it.
final class WorkshopWatcher {
  let folder: URL
  private var last: WorkshopState?
  private var failure: WorkshopStateError?
  private var stamp: FileStamp?
  private var looked = false

  init(_ folder: URL) { self.folder = folder }

  func news() -> [Event] {
    let now = FileStamp(WorkshopStateFile.url(in: folder).path)
    if looked, now == stamp { return [] }
    looked = true
    stamp = now
    do throws(WorkshopStateError) {
      let state = try WorkshopStateFile.read(in: folder)
      defer {
        last = state
        failure = nil
      }
      return state == last && failure == nil ? [] : [.workshop(state)]
    } catch {
      guard error != failure else { return [] }
      failure = error
      return [.workshopUnreadable(error)]
    }
  }
}

extension Interactive {
  /// `casebench workshop DIR`: the facilitator's live dashboard.
  static func runDashboard(
    folder: URL, caseStudy: CaseStudy, projector: Bool = false, config: Config
  ) throws(CLIError) {
    try onTerminal(config: config) { () throws(CLIError) in
      WorkshopFolder.read(folder, caseStudy: caseStudy)
    } program: { read, terminal in
      var program = DashboardProgram(
        folder: read, terminal: terminal,
        options: RenderOptions(unicode: terminal.unicode, facilitator: true), projector: projector)
      return program.run()
    }
  }
}
