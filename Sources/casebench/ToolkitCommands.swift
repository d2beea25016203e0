import ArgumentParser
import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// `casebench risk add|list|close`: the risk register from the command line.
struct RiskCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "risk", abstract: "Add, list and close risks in a session's risk register.",
    subcommands: [RiskAddCommand.self, RiskListCommand.self, RiskCloseCommand.self])
}

struct RiskAddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: "Add a risk to a session's register.")

  @Argument(help: ArgumentHelp("The session file.", valueName: "FILE"))
  var file: String

  @Option(name: .customLong("title"), help: "What could go wrong, in a sentence.")
  var title: String

  @Option(name: .customLong("phase"), help: ArgumentHelp("The phase id.", valueName: "ID"))
  var phase: String

  @Option(name: .customLong("likelihood"), help: ArgumentHelp("1 (rare) to 5.", valueName: "N"))
  var likelihood: Int

  @Option(name: .customLong("impact"), help: ArgumentHelp("1 (minor) to 5.", valueName: "N"))
  var impact: Int

  @Option(name: .customLong("owner"), help: "Who watches it.")
  var owner: String = ""

  @Option(name: .customLong("mitigation"), help: "What will be done about it.")
  var mitigation: String = ""

  @Option(
    name: .customLong("review"), help: ArgumentHelp("The next review day.", valueName: "YYYY-MM-DD")
  )
  var review: String?

  @OptionGroup var locations: LocationOptions

  func validate() throws {
    if !(1...5).contains(likelihood) {
      throw ValidationError("--likelihood must be from 1 (rare) to 5 (almost certain).")
    }
    if !(1...5).contains(impact) {
      throw ValidationError("--impact must be from 1 (minor) to 5 (severe).")
    }
    if title.trimming(.whitespacesAndNewlines).isEmpty {
      throw ValidationError("--title must not be empty.")
    }
  }

  mutating func run() throws {
    let draft = RiskDraft(
      title: title, phase: phase, likelihood: likelihood, impact: impact, owner: owner,
      mitigation: mitigation, reviewDate: review)
    let risk = try editSession(at: file, locations: locations) {
      (study, session: inout Session) throws(ToolkitError) -> Risk in
      try session.addRisk(draft, in: study)
    }
    Console.out(
      "Added \(risk.id) to \(file): \(risk.title) (L\(risk.likelihood) x I\(risk.impact) = "
        + "\(risk.score))\n")
  }
}

struct RiskListCommand: SessionReportCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List a session's risks and the heat map.")

  @Argument(help: ArgumentHelp("The session file.", valueName: "FILE"))
  var file: String

  @Flag(name: .customLong("json"), help: "Print machine-readable JSON.")
  var json = false

  @OptionGroup var locations: LocationOptions

  static func text(_ study: CaseStudy, _ session: Session) -> String {
    Reports.riskList(caseStudy: study, session: session)
  }

  static func json(_ study: CaseStudy, _ session: Session) -> Data {
    Reports.riskListJSON(session: session)
  }
}

struct RiskCloseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "close", abstract: "Close a risk in a session's register.")

  @Argument(help: ArgumentHelp("The session file.", valueName: "FILE"))
  var file: String

  @Argument(help: ArgumentHelp("The risk's id, such as R1.", valueName: "ID"))
  var id: String

  @OptionGroup var locations: LocationOptions

  mutating func run() throws {
    let id = self.id
    let changed = try editSession(at: file, locations: locations) {
      (_, session: inout Session) throws(ToolkitError) -> Bool in
      try session.closeRisk(id)
    }
    Console.out(changed ? "Closed \(id) in \(file)\n" : "\(id) was already closed\n")
  }
}

/// `casebench estimate`: the doubling heuristic with its workings, optionally stored.
struct EstimateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "estimate",
    abstract: "Apply the doubling heuristic to a solo estimate and show the workings.",
    discussion: """
      Doubles the solo estimate, then doubles again for each of --complex-data, --big-data and \
      --distributed-platform. The other flags are listed without multiplying; the top of the \
      range allows 10% for each, casebench's own allowance (the author gives no figure for \
      them). Example: --days 10 --complex-data --big-data gives 10 -> 20 -> 40 -> 80.
      """)

  @Option(
    name: .customLong("days"), parsing: .unconditional,
    help: ArgumentHelp("The solo estimate in person-days.", valueName: "N"))
  var days: String

  @Flag(help: "The factors that apply: three double the estimate, the rest are flagged.")
  var factors: [EstimateFactor] = []

  @Flag(name: .customLong("json"), help: "Print machine-readable JSON.")
  var json = false

  @Option(
    name: .customLong("session"),
    help: ArgumentHelp("Store the estimate in this session file.", valueName: "FILE"))
  var session: String?

  @OptionGroup var locations: LocationOptions

  func validate() throws {
    if case .failure(let problem) = EstimateWorkings.parseDays(days) {
      throw ValidationError("--days: \(problem.description)")
    }
  }

  mutating func run() throws {
    guard case .success(let base) = EstimateWorkings.parseDays(days) else {
      throw ValidationError("--days: not a number of person-days")
    }
    let tasks = [EstimateTask(title: EstimateCommand.taskTitle, days: base)]
    let workings = EstimateWorkings(tasks: tasks, factors: factors)
    if let session {
      let factors = self.factors
      _ = try editSession(at: session, locations: locations) {
        (_, s: inout Session) throws(ToolkitError) -> Bool in
        try s.setEstimate(tasks: tasks, factors: factors)
      }
    }
    if json {
      Console.out(Reports.estimateJSON(workings))
    } else {
      Console.out(Reports.estimateText(workings))
      if let session { Console.out("Saved the estimate in \(session)\n") }
    }
  }

  /// The one task an estimate made on the command line holds.
  static let taskTitle = "Solo estimate"
}

/// Changes a session file from the command line: opens it through `SessionFiles.open` (which
/// takes the session's lock), refuses if a workbench has it open, applies `change` and saves it
/// atomically through the store. A `ToolkitError` is a usage error (exit 2): it names the
/// argument at fault.
func editSession<T>(
  at path: String, locations: LocationOptions,
  _ change: (CaseStudy, inout Session) throws(ToolkitError) -> T
) throws(CLIError) -> T {
  var opened: OpenedSession
  do {
    opened = try SessionFiles.open(
      URL(fileURLWithPath: path), searchDirectories: locations.searchDirectories)
  } catch {
    throw CLIError(error)
  }
  defer { opened.lock?.release() }
  guard opened.lock != nil else {
    throw .failure(
      DiagnosticLine.format(
        file: path,
        message: "not changed: \(opened.readOnlyReason ?? "the session cannot be locked")",
        fix: "close it in the workbench, then run the command again"))
  }
  let result: T
  do {
    result = try change(opened.caseStudy, &opened.session)
  } catch {
    throw CLIError(
      code: Exit.usage,
      description: DiagnosticLine.format(file: path, message: error.message, fix: error.fix))
  }
  do {
    try SessionStore.save(opened.session, to: opened.url)
  } catch {
    throw CLIError(error)
  }
  return result
}

/// Each factor of the heuristic is a flag of `casebench estimate`, named by the domain
/// (`--complex-data`) and explained by its label and whether it doubles.
extension EstimateFactor: EnumerableFlag {
  public static func name(for value: EstimateFactor) -> NameSpecification {
    .customLong(value.flagName)
  }

  public static func help(for value: EstimateFactor) -> ArgumentHelp? {
    ArgumentHelp(
      value.label.prefix(1).uppercased() + value.label.dropFirst()
        + (value.doubles ? " (doubles)." : " (flagged)."))
  }
}
