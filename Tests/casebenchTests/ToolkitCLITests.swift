import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `casebench risk …` and `casebench estimate`, run as a script would run them.
@Suite("casebench risk and estimate")
struct ToolkitCLITests {
  let cli: CLITests

  init() throws { cli = try CLITests() }

  private func newSession(_ name: String = "s.json") throws -> String {
    let file = cli.path(name)
    let made = try cli.run(["new", "--name", "Team A", "--out", file])
    #expect(made.status == 0, "\(made.err)")
    return file
  }

  @Test func helpListsTheNewCommands() throws {
    let help = try cli.run(["--help"])
    #expect(help.out.contains("risk") && help.out.contains("estimate"))
  }

  @Test func theWorkedExample() throws {
    let run = try cli.run(["estimate", "--days", "10", "--complex-data", "--big-data"])
    #expect(run.status == 0, "\(run.err)")
    #expect(
      run.out == """
        Base (solo) estimate: 10 person-days from 1 task
        × 2 for doubling the solo estimate: 10 → 20
        × 2 for complex or poorly understood data: 20 → 40
        × 2 for big data: 40 → 80
        Flagged, not multiplied: none
        Workings: 10 → 20 → 40 → 80 person-days (× 8)
        Result: 80 person-days

        """)
  }

  @Test func flagsAndTheWarningAreShown() throws {
    let run = try cli.run([
      "estimate", "--days", "21", "--dirty-data", "--ethics", "--many-models",
      "--unstructured-data", "--complex-evaluation", "--model-docs", "--distributed-platform",
    ])
    #expect(run.status == 0, "\(run.err)")
    #expect(run.out.contains("Warning: the base is over 20 person-days"))
    #expect(run.out.contains("× 2 for a complex or distributed platform: 42 → 84"))
    for flag in [
      "dirty data", "ethics, security or privacy work", "many models", "unstructured data",
      "complicated evaluation", "model documentation required",
    ] {
      #expect(run.out.contains("Flagged, not multiplied: \(flag)\n"), "\(flag)")
    }
    #expect(run.out.contains("Result: 84–134.4 person-days"))
  }

  @Test func badDaysAreAClearUsageError() throws {
    for (days, words) in [
      ("-5", "cannot be negative"), ("abc", "'abc' is not a number"), ("", "is not a number"),
      ("nan", "cannot be"),
    ] {
      let run = try cli.run(["estimate", "--days", days])
      #expect(run.status == 2, "\(days): \(run.err)")
      #expect(run.err.contains("--days"), "\(days): \(run.err)")
      #expect(run.err.contains(words), "\(days): \(run.err)")
      #expect(run.out.isEmpty)
    }
    let missing = try cli.run(["estimate"])
    #expect(missing.status == 2)
  }

  @Test func estimateAsJSON() throws {
    let run = try cli.run(["estimate", "--days", "15", "--complex-data", "--ethics", "--json"])
    #expect(run.status == 0, "\(run.err)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
    #expect(object["chain"] as? String == "15 → 30 → 60")
    #expect(object["low"] as? Double == 60)
    #expect(object["high"] as? Double == 66)
    #expect(object["flags"] as? [String] == ["ethics"])
    #expect((object["workings"] as? [String])?.count == 6)
  }

  @Test func estimateIsStoredInASessionAndShownByStatusAndExport() throws {
    let file = try newSession()
    let run = try cli.run(["estimate", "--days", "15", "--complex-data", "--session", file])
    #expect(run.status == 0, "\(run.err)")
    #expect(run.out.hasSuffix("Saved the estimate in \(file)\n"))
    let status = try cli.run(["status", file])
    #expect(status.out.contains("Estimate: 60 person-days (15 -> 30 -> 60)"), "\(status.out)")
    let md = try cli.run(["export", file])
    #expect(md.out.contains("- Workings: 15 → 30 → 60 person-days (× 4)"))
    let json = try cli.run(["export", file, "--format", "json"])
    #expect(json.out.contains("\"chain\" : \"15 → 30 → 60\""))
    let saved = try String(contentsOfFile: file, encoding: .utf8)
    #expect(saved.contains("\"schema_version\" : 2"))
    #expect(saved.contains("\"kind\" : \"estimate\""))
  }

  @Test func addListAndCloseRisks() throws {
    let file = try newSession()
    let add = try cli.run([
      "risk", "add", file, "--title", "Fixed price before the data is known", "--phase",
      "sprint-0", "--likelihood", "4", "--impact", "5", "--owner", "Helen", "--mitigation",
      "Price Sprint 0 separately",
    ])
    #expect(add.status == 0, "\(add.err)")
    #expect(add.out == "Added R1 to \(file): Fixed price before the data is known (L4 x I5 = 20)\n")
    let second = try cli.run([
      "risk", "add", file, "--title", "Nadia at the stocktake", "--phase", "data",
      "--likelihood", "3", "--impact", "4",
    ])
    #expect(second.status == 0, "\(second.err)")

    let list = try cli.run(["risk", "list", file])
    #expect(list.status == 0)
    #expect(list.out.contains("R1  open    4  5  20     sprint-0  Helen"))
    #expect(list.out.contains("R2  open    3  4  12     data"))
    #expect(list.out.contains("L4   .  .  .  .  1\nL3   .  .  .  1  .\n"))

    let status = try cli.run(["status", file])
    #expect(status.out.contains("1 open and high"))
    #expect(status.out.contains("  R1  L4 x I5 = 20  Fixed price before the data is known"))

    let close = try cli.run(["risk", "close", file, "R1"])
    #expect(close.status == 0, "\(close.err)")
    #expect(close.out == "Closed R1 in \(file)\n")
    let again = try cli.run(["risk", "close", file, "R1"])
    #expect(again.status == 0)
    #expect(again.out == "R1 was already closed\n")

    let json = try cli.run(["risk", "list", file, "--json"])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
    let risks = try #require(object["risks"] as? [[String: Any]])
    #expect(risks.map { $0["status"] as? String } == ["closed", "open"])
    #expect(risks.first?["mitigation"] as? String == "Price Sprint 0 separately")
    #expect(object["high_risks"] as? [String] == [])
    #expect((object["heat_map"] as? [[Int]])?[3][4] == 0, "closed risks leave the heat map")

    let html = try cli.run(["export", file, "--format", "html"])
    #expect(html.out.contains("<td>Nadia at the stocktake</td>"))
  }

  @Test func badRiskArgumentsAreUsageErrorsAndChangeNothing() throws {
    let file = try newSession()
    let before = try Data(contentsOf: URL(fileURLWithPath: file))
    let base = ["risk", "add", file, "--title", "T", "--phase", "data"]
    let likelihood = try cli.run(base + ["--likelihood", "6", "--impact", "2"])
    #expect(likelihood.status == 2)
    #expect(likelihood.err.contains("--likelihood must be from 1"))
    let impact = try cli.run(base + ["--likelihood", "2", "--impact", "0"])
    #expect(impact.status == 2)
    let phase = try cli.run([
      "risk", "add", file, "--title", "T", "--phase", "nope", "--likelihood", "2", "--impact", "2",
    ])
    #expect(phase.status == 2)
    #expect(phase.err.contains("there is no phase 'nope'"))
    #expect(phase.err.contains("fix: use one of sprint-0, data"))
    let review = try cli.run(base + ["--likelihood", "2", "--impact", "2", "--review", "soon"])
    #expect(review.status == 2)
    #expect(review.err.contains("YYYY-MM-DD"))
    let unknown = try cli.run(["risk", "close", file, "R7"])
    #expect(unknown.status == 2)
    #expect(unknown.err.contains("there is no risk R7"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
    let missing = try cli.run(["risk", "list", cli.path("nope.json")])
    #expect(missing.status == 1)
    #expect(!FileManager.default.fileExists(atPath: cli.path("nope.json") + ".lock"))
  }

  @Test func aSessionOpenInAWorkbenchIsNotChanged() throws {
    let file = try newSession()
    let before = try Data(contentsOf: URL(fileURLWithPath: file))
    // Hold the session's lock the way an open workbench does.
    let fd = open(file + ".lock", O_RDWR | O_CREAT, 0o600)
    #expect(fd >= 0)
    defer { close(fd) }
    #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
    let add = try cli.run([
      "risk", "add", file, "--title", "T", "--phase", "data", "--likelihood", "2", "--impact",
      "2",
    ])
    #expect(add.status == 1)
    #expect(add.err.contains("open in another casebench"), "\(add.err)")
    #expect(add.err.contains("fix: close it in the workbench"), "\(add.err)")
    let estimate = try cli.run(["estimate", "--days", "3", "--session", file])
    #expect(estimate.status == 1)
    #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
    // Reading is fine while it is open.
    let list = try cli.run(["risk", "list", file])
    #expect(list.status == 0)
  }
}
