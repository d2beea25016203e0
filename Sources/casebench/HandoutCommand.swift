import ArgumentParser
import CaseBenchCore

struct HandoutCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "handout",
    abstract: "Write the team's printed pack: each phase's briefing, items and decisions.",
    discussion: """
      For the people of a team who are not at the keyboard: per phase its goal, time, briefing, \
      core and extension items, and each decision's situation with its options (letter and \
      label). Nothing that comes after a choice or belongs to the facilitator is in it: no \
      verdict, consequence, debrief, hint, model answer, risk prompt or reflection prompt. In \
      HTML each phase starts on a new printed page.
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
      guard let found = WorkshopCommand.phase(named: phase, in: study) else {
        throw WorkshopCommand.noSuchPhase(phase, option: "--phase", in: study)
      }
      phaseID = found.id
    }
    let text = Handout.render(study, phaseID: phaseID, format: format)
    guard let output else { return Console.out(text) }
    do {
      try Reports.write(text, to: output)
    } catch {
      throw CLIError(error)
    }
    Console.out("Wrote \(output)\n")
  }
}
