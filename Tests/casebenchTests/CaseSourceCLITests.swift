import Foundation
import Testing

/// A session started from a case-study file finds it again (issue 11, item 3).
@Suite("casebench: a session remembers its case study")
struct CaseSourceCLITests {
  let cli: CLITests
  let fixture = CLITests.repoRoot.appendingPathComponent(
    "Tests/CaseBenchDomainTests/Fixtures/valid/minimal.yaml")

  init() throws { cli = try CLITests() }

  /// Copies the fixture to `studies/mini.yaml` in the test's folder and starts a session from
  /// that path; returns the case file and the session file.
  private func startFromPath() throws -> (caseFile: String, session: String) {
    let dir = cli.temp.appendingPathComponent("studies")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let caseFile = dir.appendingPathComponent("mini.yaml").path
    try FileManager.default.copyItem(atPath: fixture.path, toPath: caseFile)
    let session = cli.path("mini.json")
    let created = try cli.run([
      "new", "--case", "studies/mini.yaml", "--name", "A", "--out", session,
    ])
    #expect(created.status == 0, "\(created.err)")
    return (caseFile, session)
  }

  /// Runs casebench from another folder, where `./CaseStudies` has nothing.
  private func runElsewhere(_ args: [String]) throws -> CLITests.Run {
    let elsewhere = try CLITests()
    return try elsewhere.run(args)
  }

  @Test func statusAndExportFindTheFileWithoutCaseDir() throws {
    let (caseFile, session) = try startFromPath()
    let text = try String(contentsOfFile: session, encoding: .utf8)
    #expect(text.contains("\"path\" : \"\(caseFile)\""), "the absolute path is stored")
    #expect(text.contains("\"hash\" : \"fnv1a64:"))

    let status = try runElsewhere(["status", session])
    #expect(status.status == 0, "\(status.err)")
    #expect(status.out.contains("Scoping"))
    let export = try runElsewhere(["export", session, "--format", "markdown"])
    #expect(export.status == 0, "\(export.err)")
    #expect(export.out.contains("The Mini Shop"))
    // `open` gets past finding the case study; without a terminal it stops there.
    let open = try runElsewhere(["open", session])
    #expect(!open.err.contains("not found"), "\(open.err)")
  }

  @Test func aMovedFileSaysWhereItWasAndHowToFixIt() throws {
    let (caseFile, session) = try startFromPath()
    let moved = cli.path("moved")
    try FileManager.default.createDirectory(atPath: moved, withIntermediateDirectories: true)
    try FileManager.default.moveItem(atPath: caseFile, toPath: moved + "/mini.yaml")
    let status = try runElsewhere(["status", session])
    #expect(status.status == 65)
    #expect(status.err.contains("\(caseFile), which is no longer there"), "\(status.err)")
    #expect(status.err.contains("fix: put the file back, or pass --case-dir"))
    let fixed = try runElsewhere(["status", session, "--case-dir", moved])
    #expect(fixed.status == 0, "\(fixed.err)")
  }

  @Test func aChangedFileNamesTheItemsTheSessionWouldLose() throws {
    let (caseFile, session) = try startFromPath()
    // Record work on S.1, then rename S.1 in the case study.
    let data = try Data(contentsOf: URL(fileURLWithPath: session))
    guard var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      Issue.record("the session is not a JSON object")
      return
    }
    object["items"] = ["S.1": ["note": "", "status": "done"]]
    try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: session))
    #expect(try runElsewhere(["status", session]).status == 0)

    let yaml = try String(contentsOfFile: caseFile, encoding: .utf8)
    try yaml.replacingOccurrences(of: "id: S.1\n", with: "id: S.9\n")
      .write(toFile: caseFile, atomically: true, encoding: .utf8)
    let status = try runElsewhere(["status", session])
    #expect(status.status == 65)
    #expect(status.err.contains("S.1 is no longer in it (renamed or removed)"), "\(status.err)")

    // A change that keeps every id the session used is fine.
    try yaml.replacingOccurrences(of: "Check the data", with: "Check the data first")
      .write(toFile: caseFile, atomically: true, encoding: .utf8)
    let edited = try runElsewhere(["status", session])
    #expect(edited.status == 0, "\(edited.err)")
  }

  @Test func anOldSessionWithoutASourceStillOpens() throws {
    let session = cli.path("old.json")
    #expect(try cli.run(["new", "--name", "A", "--out", session]).status == 0)
    let text = try String(contentsOfFile: session, encoding: .utf8)
    #expect(!text.contains("case_study_source"), "the built-in study needs no path")
    #expect(try runElsewhere(["status", session]).status == 0)
  }
}

@Suite("casebench new-case")
struct NewCaseCLITests {
  let cli: CLITests

  init() throws { cli = try CLITests() }

  @Test func writesASkeletonThatLintsCleanAndNeverOverwrites() throws {
    let made = try cli.run(["new-case", "ice-cream-van"])
    #expect(made.status == 0, "\(made.err)")
    let file = cli.path("ice-cream-van.yaml")
    let lint = try cli.run(["lint", file])
    #expect(lint.status == 0, "\(lint.err)")
    #expect(lint.err.isEmpty && lint.out == "\(file): ok\n")

    try "mine".write(toFile: file, atomically: true, encoding: .utf8)
    let again = try cli.run(["new-case", "ice-cream-van"])
    #expect(again.status == 1)
    #expect(again.err.contains("ice-cream-van.yaml: error: the file already exists"))
    #expect(try String(contentsOfFile: file, encoding: .utf8) == "mine")
    #expect(try cli.run(["new-case", "ice-cream-van", "--force"]).status == 0)

    let session = try cli.run(["new", "--case", file, "--name", "A", "--out", cli.path("s.json")])
    #expect(session.status == 0, "\(session.err)")
  }

  @Test func aBadIDIsAUsageError() throws {
    #expect(try cli.run(["new-case", "ice cream"]).status == 2)
  }
}

@Suite("casebench list: case sources that are not listed")
struct ListProblemsCLITests {
  let cli: CLITests

  init() throws { cli = try CLITests() }

  @Test func brokenDuplicateAndMissingSourcesAreReportedWithTheirReason() throws {
    let dir = cli.path("cases")
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let fixture = CLITests.repoRoot.appendingPathComponent(
      "Tests/CaseBenchDomainTests/Fixtures/valid/minimal.yaml")
    try FileManager.default.copyItem(atPath: fixture.path, toPath: dir + "/a.yaml")
    try FileManager.default.copyItem(atPath: fixture.path, toPath: dir + "/b.yaml")
    try "id: broken\nphases: [\n".write(toFile: dir + "/c.yaml", atomically: true, encoding: .utf8)
    let yaml = try String(contentsOf: fixture, encoding: .utf8)
    try yaml.replacingOccurrences(of: "id: mini-shop", with: "id: bike-shop")
      .write(toFile: dir + "/d.yaml", atomically: true, encoding: .utf8)

    let result = try cli.run(["list", "--case-dir", dir, "--case-dir", cli.path("nowhere")])
    #expect(result.status == 0, "\(result.err)")
    let out = result.out
    #expect(out.contains("  mini-shop  The Mini Shop"))
    #expect(out.contains("Not listed (4):"), "\(out)")
    #expect(out.contains("\(cli.path("nowhere")): error: the case-study folder does not exist"))
    #expect(
      out.contains(
        "\(dir)/b.yaml: error: not listed: case study id 'mini-shop' is already "
          + "used by \(dir)/a.yaml"))
    #expect(out.contains("\(dir)/c.yaml: error: not listed: 1 error: "))
    #expect(
      out.contains(
        "\(dir)/d.yaml: error: not listed: case study id 'bike-shop' is already "
          + "used by bike-shop.yaml (built in)"))
  }

  @Test func aCleanSetupSaysNothingExtra() throws {
    let result = try cli.run(["list"])
    #expect(result.status == 0)
    #expect(!result.out.contains("Not listed"))
  }
}

@Suite("casebench lint --against")
struct LintAgainstCLITests {
  let cli: CLITests

  init() throws { cli = try CLITests() }

  @Test func renamedAndRemovedIDsAreWarnedAbout() throws {
    let fixture = CLITests.repoRoot.appendingPathComponent(
      "Tests/CaseBenchDomainTests/Fixtures/valid/minimal.yaml")
    let yaml = try String(contentsOf: fixture, encoding: .utf8)
    let new = cli.path("new.yaml")
    try yaml.replacingOccurrences(of: "id: S.1\n", with: "id: S.9\n")
      .replacingOccurrences(of: "id: S.D1\n", with: "id: S.D2\n")
      .replacingOccurrences(of: "title: Build or buy\n", with: "title: Make or buy\n")
      .write(toFile: new, atomically: true, encoding: .utf8)
    let result = try cli.run(["lint", new, "--against", fixture.path])
    #expect(result.status == 0, "warnings only")
    // The fixture's own warning (a phase without decisions) is left aside.
    let lines = result.err.split(separator: "\n").map(String.init).filter {
      !$0.contains("has no decisions")
    }
    #expect(
      lines == [
        "\(new): warning: item 'S.1' (Name the decision) of \(fixture.path) is renamed to 'S.9': "
          + "sessions with work on it would lose it (fix: keep the id 'S.1'; change only the title)",
        "\(new): warning: decision 'S.D1' (Build or buy) of \(fixture.path) is removed: sessions "
          + "with work on it would lose it (fix: keep it, or say in the release notes that its "
          + "work is dropped)",
        "0 errors, 3 warnings in 1 file",
      ], "\(result.err)")
    let same = try cli.run(["lint", fixture.path, "--against", fixture.path])
    #expect(same.status == 0)
    #expect(!same.err.contains(" of \(fixture.path) is "), "\(same.err)")
  }
}
