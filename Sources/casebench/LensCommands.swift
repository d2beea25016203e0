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

/// `casebench import deon FILE`: the field's own checklists, turned into lenses.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import", abstract: "Turn another tool's checklist into a casebench lens.",
    subcommands: [ImportDeonCommand.self])
}

struct ImportDeonCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "deon",
    abstract: "Convert a deon ethics checklist (drivendataorg/deon) into a lens.",
    discussion: """
      deon's ids and wording are kept. examples_of_ethical_issues.yml beside the checklist \
      (or given with --examples) becomes the items' references.
      """)

  @Argument(help: ArgumentHelp("The deon checklist (YAML).", valueName: "FILE"))
  var file: String

  @Option(
    name: [.customShort("o"), .customLong("output")],
    help: ArgumentHelp("Write the lens to OUT instead of standard output.", valueName: "OUT"))
  var output: String?

  @Option(
    name: .customLong("examples"),
    help: ArgumentHelp("deon's examples of ethical issues (YAML).", valueName: "FILE"))
  var examples: String?

  mutating func run() throws {
    let url = URL(fileURLWithPath: file)
    let examplesURL = examples.map { URL(fileURLWithPath: $0) } ?? DeonImport.examplesBeside(url)
    let checklist: DeonChecklist
    do {
      checklist = try DeonImport.load(checklist: url, examples: examplesURL)
    } catch {
      throw CLIError.badData(error.diagnostics.map(\.description).joined(separator: "\n"))
    }
    let yaml = checklist.lensYAML(source: "deon checklist \(url.lastPathComponent)")
    // What is written must load as a lens; a checklist that cannot is bad data.
    let written = CaseStudyLoader.lint(yaml, file: output ?? "(lens)")
    if written.contains(where: \.isError) {
      throw CLIError.badData(written.filter(\.isError).map(\.description).joined(separator: "\n"))
    }
    guard let output else {
      Console.out(yaml)
      return
    }
    do {
      try Reports.write(yaml, to: output)
    } catch {
      throw CLIError(error)
    }
    let count = checklist.sections.reduce(0) { $0 + $1.lines.count }
    Console.error(
      "Wrote lens '\(checklist.lensID)' to \(output): "
        + "\(counted(checklist.sections.count, "section")), \(counted(count, "item"))"
        + (examplesURL.map { ", references from \($0.lastPathComponent)" } ?? "") + ".")
  }
}

/// `casebench lens add|list|remove`: lenses on top of a session's case study.
struct LensCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lens", abstract: "Add, list and remove a session's lenses.",
    subcommands: [LensAddCommand.self, LensListCommand.self, LensRemoveCommand.self])
}

struct LensAddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract:
      "Add a lens (a case-study-format file, a deon checklist, or a built-in name) to a session.",
    discussion: "Built in: \(BuiltInLenses.byName.map(\.name).joined(separator: ", ")).")

  @Argument(
    help: ArgumentHelp(
      "A lens file, a deon checklist, or the name of a built-in lens (ml-test-score).",
      valueName: "LENS"))
  var lens: String

  @Argument(help: ArgumentHelp("The session file.", valueName: "SESSION"))
  var session: String

  @OptionGroup var locations: LocationOptions

  mutating func run() throws {
    let source: LensSource
    do {
      source = try LensSource.load(lens)
    } catch {
      let text = Self.errors(error.diagnostics)
      throw error.fileWasRead ? CLIError.badData(text) : CLIError.failure(text)
    }
    let (content, checklist) = (source.content, source.checklist)
    let added = try editSession(at: session, locations: locations) {
      (study, s: inout Session) throws(ToolkitError) -> (Lens, [Phase]) in
      let lens = try s.addLens(content: content, checklist: checklist, caseStudy: study)
      return (lens, lens.unplacedPhases(in: study))
    }
    let (lens, unplaced) = added
    let count = lens.checklist.allItems.count
    Console.out(
      "Added lens '\(lens.id)' (\(lens.title), \(counted(count, "item"))) to \(session).\n")
    for phase in unplaced {
      Console.error(
        "\(session): warning: the session's case study has no phase "
          + "'\(Lens.hostPhase(of: phase))', so the items of '\(phase.title)' show only in the "
          + "lens's report section and the ethics lens")
    }
  }

  /// A lens file's errors, one a line.
  private static func errors(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.filter(\.isError).map(\.description).joined(separator: "\n")
  }
}

struct LensListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List a session's lenses, with each one's own score.")

  @Argument(help: ArgumentHelp("The session file.", valueName: "SESSION"))
  var session: String

  @OptionGroup var locations: LocationOptions

  mutating func run() throws {
    let (study, s) = try loadSession(at: session, locations: locations)
    Console.out(Reports.lensList(caseStudy: study, session: s))
  }
}

struct LensRemoveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "remove",
    abstract: "Take a lens off a session; its answers stay in the file.")

  @Argument(help: ArgumentHelp("The lens's id (see `lens list`).", valueName: "ID"))
  var id: String

  @Argument(help: ArgumentHelp("The session file.", valueName: "SESSION"))
  var session: String

  @OptionGroup var locations: LocationOptions

  mutating func run() throws {
    let id = self.id
    try editSession(at: session, locations: locations) {
      (_, s: inout Session) throws(ToolkitError) in
      try s.removeLens(id: id)
    }
    Console.out("Removed lens '\(id)' from \(session); its answers are kept in the file.\n")
  }
}
