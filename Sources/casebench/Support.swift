import ArgumentParser
import CaseBenchModel
import CaseBenchStore
import CaseBenchTUI

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Ends the process with `code` through the C library's `exit`.
func terminate(_ code: Int32) -> Never {
  exit(code)
}

/// The exit codes casebench promises (see README): 0 ok, 1 failure, 2 usage, 65 bad data.
enum Exit {
  static let failure: Int32 = 1
  static let usage: Int32 = 2
  static let badData: Int32 = 65
}

/// An error that has already been worded for the user; `main` prints it and exits with `code`.
struct CLIError: Error, CustomStringConvertible {
  var code: Int32
  var description: String

  static func badData(_ text: String) -> CLIError {
    CLIError(code: Exit.badData, description: text)
  }
  static func failure(_ text: String) -> CLIError {
    CLIError(code: Exit.failure, description: text)
  }
}

enum Console {
  /// Whether standard output is a terminal (asked once).
  static let outputIsTerminal = isatty(STDOUT_FILENO) == 1

  /// Writes to standard error (unbuffered, so messages are never lost on exit). Every message
  /// goes through the one sanitiser (`DisplayWidth.visible`): a name or a file's text quoted in
  /// it shows its control and bidi characters, never obeys them.
  static func error(_ text: String) {
    let line = text.hasSuffix("\n") ? text : text + "\n"
    StandardStreams.error(Data(DisplayWidth.visible(line).utf8))
  }

  /// Writes to standard output; to a terminal, through the one sanitiser, so nothing a team,
  /// a file name or a case study holds can drive the terminal. Files and pipes get the text as
  /// it is.
  static func out(_ text: String) {
    StandardStreams.output(outputIsTerminal ? DisplayWidth.visible(text) : text)
  }

  static func out(_ data: Data) {
    guard outputIsTerminal else { return StandardStreams.output(data) }
    StandardStreams.output(DisplayWidth.visible(String(decoding: data, as: UTF8.self)))
  }
}

/// The audience, shared by the root command (the start screen), `open`, `new --open` and
/// `export`. Declared once: ArgumentParser decodes a shared option group for every command on
/// the path, so `casebench --facilitator open FILE`, `casebench open --facilitator FILE` and
/// `casebench open FILE --facilitator` all reach the command that runs.
struct AudienceOptions: ParsableArguments {
  @Flag(
    name: .customLong("facilitator"),
    help: "Facilitator view: facilitator notes, verdicts, debriefs and model answers.")
  var facilitator = false
}

/// The config file, for the commands that take the terminal (the start screen, `open`, `new
/// --open`, `join`, `workshop`, `preview`) and for `keys`, which prints what it binds. A
/// command that writes a report or a file (`export`, `status`, …) reads no config, so it does
/// not offer the option.
struct ConfigOptions: ParsableArguments {
  @Option(
    name: .customLong("config"),
    help: ArgumentHelp(
      "The config file: keys, theme, mouse (default: $XDG_CONFIG_HOME/casebench/config.toml).",
      valueName: "FILE"))
  var config: String?
}

/// Options shared by the commands that look up case studies and sessions.
struct LocationOptions: ParsableArguments {
  @Option(
    name: .customLong("case-dir"),
    help: ArgumentHelp(
      "A folder of extra case studies (*.yaml). Repeatable.", valueName: "DIR"))
  var caseDirectories: [String] = []

  @Option(
    name: .customLong("sessions"),
    help: ArgumentHelp(
      "The sessions folder (default: $XDG_DATA_HOME/casebench/sessions).", valueName: "DIR"))
  var sessionsDirectory: String?

  /// Where case studies are looked up by id: `--case-dir`, then `./CaseStudies`, then the
  /// user's own folder. The built-in Bike Shop always wins for its own id.
  var searchDirectories: [URL] {
    var dirs = caseDirectories.map { URL(fileURLWithPath: $0) }
    let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    dirs.append(cwd.appendingPathComponent("CaseStudies"))
    dirs.append(
      SessionDirectory.defaultURL().deletingLastPathComponent().appendingPathComponent(
        "case-studies"))
    return dirs
  }

  var sessionsURL: URL {
    sessionsDirectory.map { URL(fileURLWithPath: $0) } ?? SessionDirectory.defaultURL()
  }
}

extension CLIError {
  /// A session-file error, with the exit code its kind calls for: a file whose content is wrong
  /// is bad data (65); one that is missing, unreadable, locked, in the way or not written is a
  /// failure (1).
  init(_ error: SessionStoreError) {
    switch error.kind {
    case .notJSON, .truncated, .foreign, .wrongSchema, .invalid, .caseStudyNotFound:
      self = .badData(error.description)
    case .unreadable, .writeFailed, .locked, .exists:
      self = .failure(error.description)
    }
  }
}

/// Loads a session and the case study it belongs to, or explains why not.
func loadSession(at path: String, locations: LocationOptions) throws(CLIError) -> (
  CaseStudy, Session
) {
  do {
    let url = URL(fileURLWithPath: path)
    let (study, session) = try SessionFiles.read(
      url, searchDirectories: locations.searchDirectories)
    // A team's file in a paced folder reports only what the team may see now.
    return (WorkshopFolder.paced(study, forSessionAt: url), session)
  } catch {
    throw CLIError(error)
  }
}

/// A command that reads one session and prints a report of it: text, or JSON with `--json`.
/// `run` is written once here; each command says what its two reports are.
protocol SessionReportCommand: ParsableCommand {
  var file: String { get }
  var json: Bool { get }
  var locations: LocationOptions { get }
  static func text(_ study: CaseStudy, _ session: Session) -> String
  static func json(_ study: CaseStudy, _ session: Session) -> Data
}

extension SessionReportCommand {
  mutating func run() throws {
    let (study, session) = try loadSession(at: file, locations: locations)
    if json {
      Console.out(Self.json(study, session))
    } else {
      Console.out(Self.text(study, session))
    }
  }
}
