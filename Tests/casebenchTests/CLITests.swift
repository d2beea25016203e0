import Foundation
import Testing

/// Runs the real `casebench` binary (built next to the test bundle) the way a script would.
@Suite("casebench command line")
struct CLITests {
  struct Run {
    var status: Int32
    var out: String
    var err: String
  }

  static let repoRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The binary sits in the same build folder as the test bundle.
  static var binary: URL {
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    while dir.path != "/" {
      let candidate = dir.appendingPathComponent("casebench")
      var isDir: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDir),
        !isDir.boolValue
      {
        return candidate
      }
      dir = dir.deletingLastPathComponent()
    }
    return repoRoot.appendingPathComponent(".build/debug/casebench")
  }

  let temp: URL

  init() throws {
    temp = FileManager.default.temporaryDirectory.appendingPathComponent(
      "casebench-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: temp, withIntermediateDirectories: true)
  }

  func run(
    _ args: [String], stdin: FileHandle? = nil, executable: URL? = nil,
    environment: [String: String] = [:]
  ) throws -> Run {
    let process = Process()
    process.executableURL = executable ?? Self.binary
    process.arguments = args
    process.currentDirectoryURL = temp
    var env = ProcessInfo.processInfo.environment
    env["XDG_DATA_HOME"] = temp.appendingPathComponent("data").path
    env["SWIFT_BACKTRACE"] = "interactive=no"
    env.merge(environment) { _, new in new }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = stdin ?? FileHandle.nullDevice
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
      err: String(decoding: errData, as: UTF8.self))
  }

  func path(_ name: String) -> String { temp.appendingPathComponent(name).path }

  @Test func versionAndHelp() throws {
    let version = try run(["--version"])
    #expect(version.status == 0)
    #expect(version.out.hasPrefix("0."))
    let help = try run(["--help"])
    #expect(help.status == 0)
    for command in ["open", "new", "list", "lint", "status", "export"] {
      #expect(help.out.contains(command), "help lists \(command)")
    }
  }

  @Test func usageErrorsExitTwo() throws {
    let unknown = try run(["frobnicate"])
    #expect(unknown.status == 2)
    #expect(unknown.err.contains("Error"))
    let missing = try run(["export"])
    #expect(missing.status == 2)
    let badFormat = try run(["export", "x.json", "--format", "pdf"])
    #expect(badFormat.status == 2)
    #expect(
      badFormat.err.contains(
        "Please provide one of the following:\n  - markdown\n  - html\n  - json\n"
          + "  - model-card\n  - datasheet\n  - model-card-json\n"))
  }

  /// A value named in a list (`--format`) is listed in help and offered by completion, as
  /// argument-parser writes them for a `CaseIterable` raw-value enum.
  @Test func namedValuesAreListedInHelpAndCompletion() throws {
    let export = try run(["export", "--help"])
    let exportHelp = export.out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(
      exportHelp.contains(
        "(values: markdown, html, json, model-card, datasheet, model-card-json; default: markdown)"
      ), "\(export.out)")
    let workshop = try run(["workshop", "--help"])
    let workshopHelp = workshop.out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(workshopHelp.contains("(values: markdown, html)"), "\(workshop.out)")
    let bash = try run(["--generate-completion-script", "bash"])
    #expect(bash.status == 0)
    #expect(bash.out.contains("'markdown'$'\\n''html'$'\\n''json'"))
    #expect(bash.out.contains("'markdown'$'\\n''html'\n"))
  }

  @Test func lintPassesTheShippedCaseStudy() throws {
    let result = try run([
      "lint", Self.repoRoot.appendingPathComponent("CaseStudies/bike-shop.yaml").path,
    ])
    #expect(result.status == 0, "\(result.err)")
    #expect(result.out.contains(": ok"))
  }

  @Test func lintReportsEveryProblemWithFileLineColumnAndExits65() throws {
    let file = path("broken.yaml")
    try """
    format_version: 1
    id: broken
    version: "1"
    title: Broken
    summary: s
    background: b
    cast: []
    phases:
      - id: p
        title: P
        gaol: typo
        briefing: b
        timebox_minutes: ten
        items: []
        decisions: []
        risk_prompts: []
        facilitator_notes: n

    """.write(toFile: file, atomically: true, encoding: .utf8)
    let result = try run(["lint", file])
    #expect(result.status == 65)
    #expect(result.err.contains("\(file):11:5: error:"), "unknown key located: \(result.err)")
    #expect(result.err.contains("did you mean 'goal'"))
    #expect(result.err.contains("\(file):13:22: error:"), "wrong type located: \(result.err)")
    #expect(!result.err.contains("Fatal error"))
    #expect(!result.err.contains("Stack dump"))
  }

  @Test func lintOfAMissingFileFailsWithExitOne() throws {
    let result = try run(["lint", path("nowhere.yaml")])
    #expect(result.status == 1)
    #expect(result.err.contains("nowhere.yaml"))
  }

  @Test func lintOfAMissingFileHasNoMadeUpPositionAndCountsAnError() throws {
    let file = path("nowhere.yaml")
    let result = try run(["lint", file])
    let lines = result.err.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("\(file): error: cannot read the case study") == true)
    #expect(!result.err.contains(":0:0:"))
    #expect(lines.last == "1 error, 0 warnings in 1 file")
  }

  @Test func aSessionForAnUnknownCaseStudyHasNoMadeUpPosition() throws {
    let file = path("ice.json")
    #expect(try run(["new", "--name", "A", "--out", file]).status == 0)
    let text = try String(contentsOfFile: file, encoding: .utf8)
    try text.replacingOccurrences(of: "\"bike-shop\"", with: "\"ice-cream\"")
      .write(toFile: file, atomically: true, encoding: .utf8)
    for args in [["status", file], ["export", file], ["open", file]] {
      let result = try run(args)
      #expect(result.status == 65, "\(args[0]): \(result.err)")
      #expect(result.err.hasPrefix("\(file): error: the session is for case study 'ice-cream'"))
      #expect(!result.err.contains(":0:0:"))
    }
  }

  @Test func newWithoutOutNumbersASecondSessionOfTheSameName() throws {
    let first = try run(["new", "--name", "Team A"])
    let second = try run(["new", "--name", "Team A"])
    #expect(first.status == 0 && second.status == 0, "\(first.err)\(second.err)")
    #expect(first.out.hasSuffix("/team-a-bike-shop.json\n"))
    #expect(second.out.hasSuffix("/team-a-bike-shop-2.json\n"))
  }

  @Test func newStatusAndExportWorkTogether() throws {
    let file = path("team.json")
    let created = try run(["new", "--name", "Team <A>", "--out", file])
    #expect(created.status == 0, "\(created.err)")
    let attributes = try FileManager.default.attributesOfItem(atPath: file)
    #expect((attributes[.posixPermissions] as? Int) == 0o600, "session files are private")

    let again = try run(["new", "--name", "Team A", "--out", file])
    #expect(again.status == 1, "an existing session is never overwritten without --force")

    let status = try run(["status", file])
    #expect(status.status == 0)
    #expect(status.out.contains("Readiness 0%"))
    let json = try run(["status", file, "--json"])
    #expect(json.status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8))
    #expect(object is [String: Any])

    let html = try run(["export", file, "--format", "html"])
    #expect(html.status == 0)
    #expect(html.out.contains("Team &lt;A&gt;"))
    #expect(!html.out.contains("Team <A>"))

    let out = path("report.md")
    let md = try run(["export", file, "--format", "markdown", "-o", out])
    #expect(md.status == 0)
    let report = try String(contentsOfFile: out, encoding: .utf8)
    #expect(report.contains("Sprint 0"))
  }

  @Test func newWithAnUnknownCaseStudyExits65() throws {
    let result = try run(["new", "--case", "bike-shoq", "--name", "A", "--out", path("x.json")])
    #expect(result.status == 65)
    #expect(result.err.contains("did you mean 'bike-shop'"))
  }

  @Test func aCorruptSessionIsReportedAndLeftAlone() throws {
    let file = path("corrupt.json")
    let bytes = Data("{\n  \"schema_version\" : 1,\n  \"participant\" : \"A".utf8)
    try bytes.write(to: URL(fileURLWithPath: file))
    for args in [["status", file], ["export", file], ["open", file]] {
      let result = try run(args)
      #expect(result.status == 65, "\(args[0]): \(result.err)")
      #expect(result.err.contains("\(file):3:"), "\(args[0]) names the line: \(result.err)")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == bytes)
  }

  @Test func theWorkbenchNeedsATerminal() throws {
    let result = try run([])
    #expect(result.status == 1)
    #expect(result.err.contains("terminal"))
  }

  @Test func listShowsTheBikeShopAndSessions() throws {
    _ = try run(["new", "--name", "Team C"])
    let result = try run(["list"])
    #expect(result.status == 0)
    #expect(result.out.contains("bike-shop"))
    #expect(result.out.contains("Team C"))
  }
}

extension CLITests {
  @Test func forceNeverDeletesAFolderOrAFileThatIsNotASession() throws {
    let dir = path("precious")
    try FileManager.default.createDirectory(
      atPath: dir + "/sub", withIntermediateDirectories: true)
    try Data("keep me".utf8).write(to: URL(fileURLWithPath: dir + "/sub/important.txt"))
    let onFolder = try run(["new", "--name", "A", "--out", dir, "--force"])
    #expect(onFolder.status == 1)
    #expect(onFolder.err.contains("is a folder"))
    #expect(FileManager.default.fileExists(atPath: dir + "/sub/important.txt"))

    let notes = path("notes.json")
    try Data("my own notes".utf8).write(to: URL(fileURLWithPath: notes))
    let onOther = try run(["new", "--name", "A", "--out", notes, "--force"])
    #expect(onOther.status == 1)
    #expect(try String(contentsOfFile: notes, encoding: .utf8) == "my own notes")
  }

  @Test func forceReplacesASessionAndKeepsTheOldOneAsBackup() throws {
    let file = path("s.json")
    #expect(try run(["new", "--name", "First", "--out", file]).status == 0)
    let replaced = try run(["new", "--name", "Second", "--out", file, "--force"])
    #expect(replaced.status == 0, "\(replaced.err)")
    #expect(try String(contentsOfFile: file, encoding: .utf8).contains("\"Second\""))
    #expect(try String(contentsOfFile: file + ".bak", encoding: .utf8).contains("\"First\""))
  }

  @Test func newCreatesTheSessionsFolderWhenMissing() throws {
    let file = path("deep/er/s.json")
    let result = try run(["new", "--name", "A", "--out", file])
    #expect(result.status == 0, "\(result.err)")
    #expect(FileManager.default.fileExists(atPath: file))
  }
}

extension CLITests {
  @Test func openingAMissingFileSaysSoAndLeavesNothingBehind() throws {
    let file = path("missing.json")
    let result = try run(["open", file])
    #expect(result.status == 1)
    #expect(result.err.contains("no such session file"))
    #expect(!FileManager.default.fileExists(atPath: file + ".lock"))
    #expect(!FileManager.default.fileExists(atPath: file))
  }
}

extension CLITests {
  /// `open NAME` looks in the sessions folder; a name that matches nothing says where it looked.
  @Test func openingAnUnknownNameListsTheSessionsFolder() throws {
    let sessions = path("sessions")
    #expect(try run(["new", "--name", "Team A", "--sessions", sessions]).status == 0)
    let result = try run(["open", "Team 9", "--sessions", sessions])
    #expect(result.status == 1)
    #expect(result.err.contains("no session file or team named 'Team 9'"), "\(result.err)")
    #expect(result.err.contains("team-a-bike-shop"), "\(result.err)")
  }
}
