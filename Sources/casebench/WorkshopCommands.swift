import ArgumentParser
import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports
import CaseBenchStore

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

struct JoinCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "join",
    abstract: "Join a workshop: create (or resume) your team's session in its folder.")

  @Argument(help: ArgumentHelp("The workshop folder.", valueName: "DIR"))
  var folder: String

  @Option(name: .customLong("name"), help: "Your team's name.")
  var name: String

  @Option(
    name: .customLong("case"),
    help: ArgumentHelp("A case-study id (e.g. bike-shop) or the path of a case-study file."))
  var caseStudy: String = "bike-shop"

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
    let study = try resolveCaseStudy(caseStudy, locations: locations)
    let dir = URL(fileURLWithPath: folder, isDirectory: true)
    let joined: WorkshopJoin.Joined
    do {
      joined = try WorkshopJoin.join(
        folder: dir, team: name, caseStudy: study,
        searchDirectories: CaseStudyCatalog.searchDirectories(
          locations.searchDirectories, for: caseStudy))
    } catch {
      throw CLIError(error)
    }
    let team = joined.opened.session.participant
    Console.out(
      (joined.created
        ? "Created the session of '\(team)': "
        : "Resuming the session of '\(team)': ") + joined.opened.url.path + "\n")
    if let why = joined.opened.readOnlyReason {
      Console.out("It is \(why): it opens read-only here.\n")
    }
    if joined.othersCanRead {
      Console.error(
        DiagnosticLine.format(
          file: joined.opened.url.path, severity: .warning,
          message: "other accounts in the folder's group can read this team's work",
          fix: "the facilitator runs `casebench workshop DIR --init` before teams join"))
    }
    joined.opened.lock?.release()
    try Interactive.runSession(
      path: joined.opened.url.path, locations: locations, facilitator: audience.facilitator,
      workshop: dir, plain: screen.plain, config: ConfigFile.load(override: settings.config))
  }
}

struct WorkshopCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "workshop",
    abstract: "Run a workshop: the live dashboard, announcements, pacing and the debrief report.",
    discussion: """
      With --announce, --release, --reveal, --clock, --inject, --pace or --no-pace alone, \
      changes the facilitator's state in \
      DIR/.casebench-workshop.json and exits. With --report, writes the debrief and exits. \
      Otherwise opens the live dashboard.
      """)

  @Argument(help: ArgumentHelp("The workshop folder.", valueName: "DIR"))
  var folder: String

  @Option(
    name: .customLong("case"),
    help: ArgumentHelp("A case-study id (e.g. bike-shop) or the path of a case-study file."))
  var caseStudy: String = "bike-shop"

  @Option(name: .customLong("announce"), help: ArgumentHelp("Tell every team.", valueName: "TEXT"))
  var announce: String?

  @Option(
    name: .customLong("reveal"),
    help: ArgumentHelp(
      "Reveal a decision to the room (its id, e.g. S0.D1, or all): the debrief flags a change "
        + "of mind after it.", valueName: "DECISION"))
  var reveal: String?

  @Option(
    name: .customLong("no-vote"),
    help: ArgumentHelp(
      "Take a decision out of the vote (its id, or all): teams see its consequence as soon as "
        + "they confirm, as on their own.", valueName: "DECISION"))
  var noVote: String?

  @Option(
    name: .customLong("clock"),
    help: ArgumentHelp(
      "The room's clock: start (for the phase released last), pause, resume, or extend the "
        + "current block by 5 minutes.", valueName: "ACTION"))
  var clock: ClockAction?

  @Option(
    name: .customLong("inject"),
    help: ArgumentHelp("Send one of the case study's injects to every team.", valueName: "ID"))
  var inject: String?

  @Option(
    name: .customLong("release"),
    help: ArgumentHelp("Open a phase (its id or number) when pacing.", valueName: "PHASE"))
  var release: String?

  @Flag(
    inversion: .prefixedNo,
    help: "Pace the room: phases open only when released (the first opens at once).")
  var pace: Bool?

  @Option(name: .customLong("report"), help: "Write the debrief: markdown or html.")
  var report: WorkshopReport.Format?

  @Option(
    name: [.customShort("o"), .customLong("output")],
    help: ArgumentHelp("Write the report to OUT instead of standard output.", valueName: "OUT"))
  var output: String?

  @Option(
    name: .customLong("phase"),
    help: ArgumentHelp("With --report: one phase's debrief (its id or number).", valueName: "PHASE")
  )
  var reportPhase: String?

  @OptionGroup var audience: AudienceOptions

  @OptionGroup var settings: ConfigOptions

  @Flag(
    name: .customLong("projector"),
    help:
      "Open the projector view (one decision per screen, for the room) instead of the dashboard.")
  var projector = false

  @Flag(name: .customLong("list"), help: "Print one line per file instead of the dashboard.")
  var list = false

  @Flag(
    name: .customLong("init"),
    help: "Set the folder up (as its owner, before teams join): mode, ACL, facilitator's file.")
  var initialize = false

  @OptionGroup var locations: LocationOptions

  func validate() throws {
    if output != nil && report == nil { throw ValidationError("-o needs --report.") }
    if reportPhase != nil && report == nil { throw ValidationError("--phase needs --report.") }
    if let announce, let problem = WorkshopState.problem(withAnnouncement: announce) {
      throw ValidationError("--announce: \(problem).")
    }
  }

  mutating func run() throws {
    let study = try resolveCaseStudy(caseStudy, locations: locations)
    let dir = URL(fileURLWithPath: folder, isDirectory: true)
    var st = stat()
    guard stat(dir.path, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else {
      throw CLIError.failure(
        DiagnosticLine.format(
          file: folder, message: "no such workshop folder",
          fix: "create it first (mkdir), then share it with the teams"))
    }
    if initialize {
      do {
        for line in try WorkshopStateFile.initialize(folder: dir) { Console.out(line + "\n") }
      } catch {
        throw CLIError.failure(error.description)
      }
    }
    let changes =
      announce != nil || release != nil || pace != nil || reveal != nil || noVote != nil
    if changes { try changeState(in: dir, study: study) }
    if clock != nil || inject != nil { try changeRoom(in: dir, study: study) }
    if let report {
      try writeReport(report, folder: dir, study: study)
      return
    }
    if initialize || announce != nil || release != nil || reveal != nil || noVote != nil
      || clock != nil || inject != nil || (changes && pace == false)
    {
      return
    }
    if isatty(STDOUT_FILENO) == 0 || list {
      Console.out(WorkshopList.text(WorkshopFolder.read(dir, caseStudy: study), now: Date()))
      return
    }
    try Interactive.runDashboard(
      folder: dir, caseStudy: study, projector: projector,
      config: ConfigFile.load(override: settings.config))
  }

  private func changeState(in dir: URL, study: CaseStudy) throws(CLIError) {
    var phaseID: String?
    if let release {
      guard let phase = study.phase(named: release) else {
        throw Self.noSuchPhase(release, option: "--release", in: study)
      }
      phaseID = phase.id
    }
    var revealIDs: [String] = []
    if let reveal { revealIDs = try Self.decisionIDs(reveal, option: "--reveal", in: study) }
    var noVoteIDs: [String] = []
    if let noVote { noVoteIDs = try Self.decisionIDs(noVote, option: "--no-vote", in: study) }
    let now = Date()
    var announced: Announcement?
    var sent: [String] = []
    do {
      let state = try WorkshopStateFile.update(in: dir) { state in
        if let pace {
          state.pacing = pace
          if pace, state.released.isEmpty, let first = study.phases.first {
            state.release(first.id, at: now)
          }
        }
        if let phaseID { state.release(phaseID, at: now) }
        for id in revealIDs { state.reveal(id, at: now) }
        for id in noVoteIDs { state.skipVote(id) }
        if !revealIDs.isEmpty { sent = state.sendDue(in: study, at: now).compactMap(\.inject) }
        if let announce {
          announced = state.announce(announce.trimming(.whitespacesAndNewlines), at: now)
        }
      }
      if let announced {
        Console.out("Announced to every team in \(dir.path): \(announced.text)\n")
      }
      if let phaseID {
        Console.out(
          "Released \(phaseID)\(state.pacing ? "" : " (pacing is off: every phase is open)")\n")
      }
      if let pace { Console.out("Pacing is \(pace ? "on" : "off")\n") }
      if !revealIDs.isEmpty {
        Console.out("Revealed \(revealIDs.joined(separator: ", "))\n")
      }
      if !noVoteIDs.isEmpty {
        Console.out("No vote on \(noVoteIDs.joined(separator: ", ")): teams see it at once\n")
      }
      if !sent.isEmpty { Console.out("Sent \(sent.joined(separator: ", ")) to every team\n") }
    } catch {
      throw CLIError.failure(error.description)
    }
    if announce != nil && announced == nil {
      throw CLIError.failure(
        DiagnosticLine.format(
          file: WorkshopStateFile.url(in: dir).path,
          message: "the announcement ids are used up",
          fix: "move the facilitator's file aside and run `casebench workshop DIR --init`"))
    }
  }

  static func noSuchPhase(_ text: String, option: String, in study: CaseStudy) -> CLIError {
    let ids = study.phases.map(\.id).joined(separator: ", ")
    return CLIError(
      code: Exit.usage,
      description: DiagnosticLine.format(
        file: option, message: "no phase '\(text)' in \(study.id)",
        fix: "give a phase id (\(ids)) or a number from 1 to \(study.phases.count)"))
  }

  private func writeReport(_ format: WorkshopReport.Format, folder dir: URL, study: CaseStudy)
    throws(CLIError)
  {
    var phaseID: String?
    if let reportPhase {
      guard let phase = study.phase(named: reportPhase) else {
        throw Self.noSuchPhase(reportPhase, option: "--phase", in: study)
      }
      phaseID = phase.id
    }
    let read = WorkshopFolder.read(dir, caseStudy: study)
    if let problem = read.folderError { throw CLIError.failure(problem) }
    // A damaged facilitator's file loses only the reveal flags, and says so.
    var reveals: [DecisionReveal] = []
    do {
      reveals = try WorkshopStateFile.read(in: dir).reveals
    } catch {
      Console.error("warning: \(error.description)\n")
    }
    let text = WorkshopReport.render(
      read,
      WorkshopReport.Options(
        format: format, facilitator: audience.facilitator, phase: phaseID, reveals: reveals),
      now: Date())
    guard let output else {
      Console.out(text)
      return
    }
    // Nothing goes into the folder, nor into a folder inside it.
    if WorkshopFolder.holds(URL(fileURLWithPath: output), folder: dir) {
      throw CLIError.failure(
        DiagnosticLine.format(
          file: output, message: "the report would go into the workshop folder",
          fix: "write it somewhere else; the folder holds only the teams' sessions"))
    }
    do {
      try Reports.write(text, to: output)
    } catch {
      throw CLIError(error)
    }
    Console.out("Wrote \(output)\n")
  }
}

// Help, errors and completion list the raw values: argument-parser's defaults.
extension WorkshopReport.Format: ExpressibleByArgument {}
extension ClockAction: ExpressibleByArgument {}

/// A case study by id or path, worded for the command line when it cannot be found.
func resolveCaseStudy(_ idOrPath: String, locations: LocationOptions) throws(CLIError)
  -> CaseStudy
{
  do {
    return try CaseStudyCatalog.resolve(idOrPath, searchDirectories: locations.searchDirectories)
  } catch {
    throw CLIError.badData(error.description)
  }
}
