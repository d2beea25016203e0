import ArgumentParser
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

@main
struct CaseBench: ParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "casebench",
    abstract: "Walk a machine-learning project case study, phase by phase, at the keyboard.",
    discussion: """
      With no command, opens the workbench on the start screen (the built-in Bike Shop works \
      from any folder).
      Exit codes: 0 ok, 1 failure, 2 usage, 65 bad data.
      """,
    version: version,
    subcommands: [
      OpenCommand.self, NewCommand.self, ListCommand.self, LintCommand.self, NewCaseCommand.self,
      PreviewCommand.self,
      StatusCommand.self, ExportCommand.self, HandoutCommand.self, RiskCommand.self,
      EstimateCommand.self,
      JoinCommand.self, WorkshopCommand.self, ImportCommand.self, LensCommand.self,
      KeysCommand.self,
    ]
  )

  @OptionGroup var locations: LocationOptions

  @OptionGroup var audience: AudienceOptions

  @OptionGroup var settings: ConfigOptions

  @OptionGroup var screen: ScreenOptions

  mutating func run() throws {
    try Interactive.runStartScreen(
      locations: locations, facilitator: audience.facilitator, plain: screen.plain,
      config: ConfigFile.load(override: settings.config))
  }

  /// Like ParsableCommand.main, but with casebench's exit codes: usage errors exit 2 (not 64),
  /// and worded errors print once on stderr with their own code.
  static func main() {
    do {
      var command = try parseAsRoot(nil)
      try command.run()
    } catch let error as CLIError {
      Console.error(error.description)
      terminate(error.code)
    } catch {
      let code = exitCode(for: error)
      if code == .validationFailure {
        Console.error(fullMessage(for: error))
        terminate(Exit.usage)
      }
      exit(withError: error)
    }
  }
}
