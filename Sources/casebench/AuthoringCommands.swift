import ArgumentParser
import CaseBenchLoading
import CaseBenchReports
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

struct NewCaseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new-case",
    abstract: "Write a complete, lint-clean case-study skeleton to start authoring from.")

  @Argument(help: ArgumentHelp("The new case study's id, e.g. ice-cream-van.", valueName: "ID"))
  var id: String

  @Option(
    name: .customLong("out"),
    help: ArgumentHelp("Where to write it (default: ID.yaml here).", valueName: "FILE"))
  var out: String?

  @Flag(name: .customLong("force"), help: "Replace an existing file.")
  var force = false

  func validate() throws {
    let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_")
    if id.isEmpty || !id.allSatisfy(allowed.contains) || id.hasPrefix("-") {
      throw ValidationError(
        "ID '\(id)' should be letters, digits, '.', '-' and '_', e.g. ice-cream-van.")
    }
  }

  mutating func run() throws {
    let path = out ?? "\(id).yaml"
    let data = Data(CaseStudySkeleton.yaml(id: id).utf8)
    do {
      try data.write(
        to: URL(fileURLWithPath: path), options: force ? .atomic : .withoutOverwriting)
    } catch {
      let exists = FileManager.default.fileExists(atPath: path)
      throw CLIError.failure(
        DiagnosticLine.format(
          file: path, line: 0, column: 0,
          message: exists ? "the file already exists" : "cannot write the file",
          fix: exists ? "choose another --out, or add --force to replace it" : nil))
    }
    Console.out("Created \(path): check it with `casebench lint \(path)`\n")
  }
}

struct PreviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "preview",
    abstract: "Show a case study in the workbench while you write it; it reloads on save.",
    discussion: """
      No session is made: nothing is written and nothing is locked. When FILE changes, the \
      workbench reloads it; if the new version has an error, the error is shown with its \
      line and column, and the last good version stays on screen until the file is fixed.
      """)

  @Argument(help: ArgumentHelp("The case-study file (.yaml).", valueName: "FILE"))
  var file: String

  @OptionGroup var audience: AudienceOptions

  @OptionGroup var settings: ConfigOptions

  mutating func run() throws {
    try Interactive.runPreview(
      path: file, facilitator: audience.facilitator,
      config: ConfigFile.load(override: settings.config))
  }
}
