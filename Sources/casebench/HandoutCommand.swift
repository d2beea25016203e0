import ArgumentParser
import CaseBenchReports

struct HandoutCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "handout",
    abstract: "Write the team's printed pack: each phase's briefing, items and decisions.",
    discussion: """
      For the people of a team who are not at the keyboard: per phase its goal, time, briefing, \
      core and extension items, and each decision's situation with its options (letter and \
      label). Nothing that comes after a choice or belongs to the facilitator is in it: no \
      verdict, consequence, debrief, hint, model answer, risk prompt or reflection prompt. In \
      HTML each phase starts on a new printed page and each decision on a page of its own; \
      --part prints the sheets and the decisions apart, so that a decision's situation reaches \
      the table only when it is voted.
      """)

  @Argument(
    help: ArgumentHelp(
      "A case-study id (the built-in bike-shop) or the path of a case-study file.",
      valueName: "CASE"))
  var caseStudy: String = "bike-shop"

  @Option(
    name: .customLong("phase"),
    help: ArgumentHelp(
      "One phase: its id, number or title (default: every phase).", valueName: "ID"))
  var phase: String?

  @Option(
    name: .customLong("part"),
    help: ArgumentHelp(
      "all, sheet (goal, time, briefing and items: hand out at release) or decisions (each "
        + "decision's situation and options, each on its own printed page: hand out when it is "
        + "voted).", valueName: "PART"))
  var part: Handout.Part = .all

  @Option(name: .customLong("format"), help: "markdown or html.")
  var format: WorkshopReport.Format = .markdown

  @Option(
    name: [.customShort("o"), .customLong("output")],
    help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
  var output: String?

  @OptionGroup var locations: LocationOptions

  mutating func run() throws {
    let study = try resolveCaseStudy(caseStudy, locations: locations)
    var phaseID: String?
    if let phase {
      guard let found = study.phase(named: phase) else {
        throw WorkshopCommand.noSuchPhase(phase, option: "--phase", in: study)
      }
      phaseID = found.id
    }
    let text = Handout.render(study, phaseID: phaseID, part: part, format: format)
    guard let output else { return Console.out(text) }
    do {
      try Reports.write(text, to: output)
    } catch {
      throw CLIError(error)
    }
    Console.out("Wrote \(output)\n")
  }
}

extension Handout.Part: ExpressibleByArgument {}
