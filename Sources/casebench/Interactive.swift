import CaseBenchCore
import CaseBenchTUI
import CaseBenchTerminal
import Foundation

/// The interactive workbench: wires the screens' `Program` (CaseBenchTUI) to the terminal
/// (CaseBenchTerminal), the sessions on disk (`DiskStorage`) and `$EDITOR`.
enum Interactive {
  /// `casebench` with no command: the start screen.
  static func runStartScreen(locations: LocationOptions, facilitator: Bool) throws(CLIError) {
    try run(locations: locations, facilitator: facilitator, path: nil)
  }

  /// `casebench open FILE`: straight into the workbench.
  static func runSession(path: String, locations: LocationOptions, facilitator: Bool)
    throws(CLIError)
  {
    try run(locations: locations, facilitator: facilitator, path: path)
  }

  private static func run(locations: LocationOptions, facilitator: Bool, path: String?)
    throws(CLIError)
  {
    TerminalSignals.install()
    TerminalSignals.installCrashHandlers()
    var storage = DiskStorage(
      folder: locations.sessionsURL, searchDirectories: locations.searchDirectories)
    // Lock, then load, before touching the terminal: a bad file is reported on a normal
    // screen, and no other casebench can save between our load and our lock.
    var opened: SessionFile?
    if let path {
      do {
        opened = try storage.open(URL(fileURLWithPath: path))
      } catch {
        throw CLIError(error)
      }
    }
    let terminal: Terminal
    do {
      terminal = try Terminal.start()
    } catch {
      if let opened { storage.close(opened.url) }
      throw CLIError.failure("casebench: \(error.description)")
    }
    let state = AppState(
      caseStudies: CaseStudyCatalog.all(searchDirectories: locations.searchDirectories),
      sessions: path == nil ? storage.list() : [],
      options: RenderOptions(unicode: terminal.unicode, facilitator: facilitator), now: Date())
    var program = Program(
      state: state, terminal: terminal, storage: storage, opened: opened,
      editNote: { text in
        Result { () throws(TerminalError) -> String in
          try ExternalEditor.edit(
            text: text, suffix: ".md", environment: ProcessInfo.processInfo.environment)
        }.mapError { NoteEditorFailure($0.description) }
      })
    let status = program.run()
    terminal.stop()
    if status != 0 { Foundation.exit(status) }
  }
}
