import ArgumentParser
import CaseBenchTUI

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

/// Reads the user's config file for the interactive screens; `Config` (CaseBenchTUI) parses it.
enum ConfigFile {
  /// The config at `--config FILE`, else at the default place; no file at the default place is
  /// no config (one failed open, nothing more, so the first frame stays cheap). A file that does
  /// not parse is bad data (65), located; a named file that cannot be read is a failure (1).
  static func load(override: String?) throws(CLIError) -> Config {
    let environment = ProcessInfo.processInfo.environment
    guard let path = Config.path(override: override, environment: environment) else {
      return Config()
    }
    guard access(path, R_OK) == 0 else {
      let reason = String(cString: strerror(errno))
      if override == nil, access(path, F_OK) != 0 { return Config() }
      throw CLIError.failure("\(path): cannot read the config file: \(reason)")
    }
    guard let data = try? Data(contentsOf: URL(fileURLWithPath: path)) else {
      throw CLIError.failure("\(path): cannot read the config file")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw CLIError.badData("\(path):1:1: the config file is not UTF-8 text")
    }
    do throws(ConfigError) {
      return try Config.parse(text, file: path)
    } catch {
      throw CLIError.badData(error.description)
    }
  }
}

/// `casebench keys`: the key table in force with the config file applied, as the README's
/// Markdown tables; a config file that does not parse is reported as the workbench would.
struct KeysCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "keys",
    abstract: "Print the keys in force (the config file's [keys] applied) as Markdown tables.")

  @OptionGroup var settings: ConfigOptions

  mutating func run() throws {
    let config = try ConfigFile.load(override: settings.config)
    Console.out(config.keys.keyTable(phases: nil))
  }
}
