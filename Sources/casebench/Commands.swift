import ArgumentParser
import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports
import CaseBenchStore
import CaseBenchTUI

#if canImport(Glibc)
  import Glibc
#endif

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

struct OpenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "open", abstract: "Open a saved session in the workbench.")

  @Argument(
    help: ArgumentHelp(
      "The session: its path, its file name in the sessions folder (with or without .json), or "
        + "its team's name.", valueName: "FILE|NAME"))
  var file: String

  @OptionGroup var locations: LocationOptions

  @OptionGroup var audience: AudienceOptions

  @OptionGroup var settings: ConfigOptions

  @OptionGroup var screen: ScreenOptions

  @Flag(
    name: .customLong("restore-backup"),
    help: ArgumentHelp(
      "If FILE is damaged, go back to its last good copy (FILE.bak) first, keeping the damaged "
        + "file as FILE.damaged."))
  var restoreBackup = false

  mutating func run() throws {
    let path: String
    do {
      path = try SessionLookup.find(file, in: locations.sessionsURL).path
    } catch {
      throw CLIError(error)
    }
    if restoreBackup { try BackupRestore.restore(path: path) }
    let config = try ConfigFile.load(override: settings.config)
    do {
      try Interactive.runSession(
        path: path, locations: locations, facilitator: audience.facilitator, plain: screen.plain,
        config: config)
    } catch  where error.code == Exit.badData {
      throw CLIError(
        code: error.code, description: error.description + SessionStore.backupOffer(for: path))
    }
  }
}

struct NewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new", abstract: "Start a new session for a participant or team.")

  @Option(
    name: .customLong("case"),
    help: ArgumentHelp("A case-study id (e.g. bike-shop) or the path of a case-study file."))
  var caseStudy: String = "bike-shop"

  @Option(name: .customLong("name"), help: "The participant or team name.")
  var name: String

  @Option(
    name: .customLong("out"), help: ArgumentHelp("Where to write the session.", valueName: "FILE"))
  var out: String?

  @Flag(
    name: .customLong("own-project"),
    help: "Own-project mode: hide the story, keep the phases and guidance.")
  var ownProject = false

  @Flag(name: .customLong("open"), help: "Open the new session in the workbench.")
  var open = false

  @Flag(name: .customLong("force"), help: "Replace an existing file at --out.")
  var force = false

  @OptionGroup var locations: LocationOptions

  @OptionGroup var audience: AudienceOptions

  @OptionGroup var settings: ConfigOptions

  @OptionGroup var screen: ScreenOptions

  func validate() throws {
    if name.trimming(.whitespacesAndNewlines).isEmpty {
      throw ValidationError("--name must not be empty.")
    }
  }

  mutating func run() throws {
    let study: CaseStudy
    let source: CaseStudySource?
    do {
      (study, source) = try CaseStudyCatalog.resolveWithSource(
        caseStudy, searchDirectories: locations.searchDirectories)
    } catch {
      throw CLIError.badData(error.description)
    }
    let session = Session(
      participant: name.trimming(.whitespacesAndNewlines), caseStudy: study,
      mode: ownProject ? .ownProject : .caseStudy, source: source)
    let url: URL
    let lock: SessionLock
    do throws(SessionStoreError) {
      if let out {
        url = URL(fileURLWithPath: out)
        lock = try SessionFiles.create(session, at: url, replacing: force)
      } else {
        (url, lock) = try SessionFiles.create(session, inFolder: locations.sessionsURL)
      }
    } catch {
      var refusal = error
      if refusal.kind == .exists && !force {
        refusal.fix = "choose another --out, or add --force to replace a session"
      }
      throw CLIError(refusal)
    }
    lock.release()
    Console.out("Created \(url.path)\n")
    if open {
      try Interactive.runSession(
        path: url.path, locations: locations, facilitator: audience.facilitator,
        plain: screen.plain, config: ConfigFile.load(override: settings.config))
    }
  }
}

struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the case studies and saved sessions.")

  @OptionGroup var locations: LocationOptions

  mutating func run() throws {
    let dir = locations.sessionsURL
    Console.out(
      CatalogListing.text(
        caseStudies: CaseStudyCatalog.all(searchDirectories: locations.searchDirectories),
        notListed: CaseStudyCatalog.sourceProblems(
          searchDirectories: locations.searchDirectories,
          namedDirectories: locations.caseDirectories.map { URL(fileURLWithPath: $0) }),
        sessionsFolder: dir, sessions: SessionDirectory.list(in: dir)))
  }
}

struct LintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Check case-study files and report every problem with file:line:column.")

  @Argument(help: ArgumentHelp("Case-study YAML files.", valueName: "FILE"))
  var files: [String]

  @Option(
    name: .customLong("against"),
    help: ArgumentHelp(
      "An earlier version of the case study: warn about ids it has that FILE drops, which would "
        + "orphan work in its sessions.", valueName: "OLD"))
  var against: String?

  func validate() throws {
    if files.isEmpty { throw ValidationError("Give at least one case-study file to lint.") }
  }

  mutating func run() throws {
    var old: CaseStudy?
    if let against {
      do {
        old = try CaseStudyLoader.load(contentsOf: URL(fileURLWithPath: against))
      } catch {
        for d in error.diagnostics { Console.error(d.description) }
        Console.error(
          "\(against): error: the earlier version does not load, so it cannot be compared")
        throw ExitCode(Exit.badData)
      }
    }
    var errors = 0
    var warnings = 0
    var unreadable = 0
    for file in files {
      var report = CaseStudyLoader.lint(contentsOf: URL(fileURLWithPath: file))
      if let old, let against, report.errorCount == 0,
        let new = try? CaseStudyLoader.load(contentsOf: URL(fileURLWithPath: file))
      {
        report.diagnostics += CaseStudyChanges.warnings(
          file: file, old: old, oldFile: against, new: new)
      }
      for d in report.diagnostics { Console.error(d.description) }
      errors += report.errorCount
      warnings += report.warningCount
      if !report.fileWasRead { unreadable += 1 }
      if report.diagnostics.isEmpty { Console.out("\(file): ok\n") }
    }
    if errors > 0 || warnings > 0 {
      Console.error(
        "\(counted(errors, "error")), \(counted(warnings, "warning")) in "
          + "\(counted(files.count, "file"))")
    }
    // A file that could not be read is a failure (1); problems in a file's content are bad
    // data (65).
    if errors > unreadable { throw ExitCode(Exit.badData) }
    if unreadable > 0 { throw ExitCode(Exit.failure) }
  }
}

struct StatusCommand: SessionReportCommand {
  static let configuration = CommandConfiguration(
    commandName: "status", abstract: "Show progress per phase, gates and readiness.")

  @Argument(help: ArgumentHelp("The session file.", valueName: "FILE"))
  var file: String

  @Flag(name: .customLong("json"), help: "Print machine-readable JSON.")
  var json = false

  @OptionGroup var locations: LocationOptions

  static func text(_ study: CaseStudy, _ session: Session) -> String {
    Reports.statusText(caseStudy: study, session: session)
  }

  static func json(_ study: CaseStudy, _ session: Session) -> Data {
    Reports.statusJSON(caseStudy: study, session: session)
  }
}

struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: "Write a report of a session for stakeholders.")

  @Argument(help: ArgumentHelp("The session file.", valueName: "FILE"))
  var file: String

  @Option(
    name: .customLong("format"),
    help: ArgumentHelp(
      "markdown, html or json; or a hand-over document: model-card, datasheet (Markdown) or "
        + "model-card-json (model-card-toolkit schema 0.0.2)."))
  var format: ExportFormat = .markdown

  @Option(
    name: [.customShort("o"), .customLong("output")],
    help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "OUT"))
  var output: String?

  @Flag(
    name: .customLong("log"),
    help: "Include the event log (every change, with its time) in a Markdown or HTML report.")
  var log = false

  @OptionGroup var locations: LocationOptions

  @OptionGroup var audience: AudienceOptions

  mutating func run() throws {
    let (loaded, session) = try loadSession(at: file, locations: locations)
    // In a workshop folder a vote's consequence waits for the reveal (VoteThenReveal.swift).
    let study = loaded.hidingUnrevealed(
      WorkshopStateFile.forSession(at: URL(fileURLWithPath: file)),
      facilitator: audience.facilitator)
    let text = format.render(
      caseStudy: study, session: session, facilitator: audience.facilitator, log: log)
    if let output {
      do {
        try Reports.write(text, to: output)
      } catch {
        throw CLIError(error)
      }
    } else {
      // A report read in a terminal must not drive it: Console shows an escape sequence or a
      // bidi override in someone's note, never obeys it. Files and pipes get the text as it is.
      Console.out(text)
    }
  }
}

// Help, errors and completion list the raw values: argument-parser's defaults.
extension ReportFormat: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}
