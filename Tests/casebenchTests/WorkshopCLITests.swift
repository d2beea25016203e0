import Foundation
import Testing

/// `casebench join` and `casebench workshop` as a facilitator's script sees them.
@Suite("casebench workshop and join")
struct WorkshopCLITests {
  let cli: CLITests

  init() throws { cli = try CLITests() }

  func makeFolder(_ name: String = "room") throws -> String {
    let dir = cli.path(name)
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
  }

  func state(_ dir: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/.casebench-workshop.json"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  @Test func announceReleaseAndPaceWriteTheStateFile() throws {
    let dir = try makeFolder()
    let announce = try cli.run(["workshop", dir, "--announce", "Helen has just called"])
    #expect(announce.status == 0, "\(announce.err)")
    #expect(announce.out.contains("Announced"))
    let pace = try cli.run(["workshop", dir, "--pace", "--release", "2"])
    #expect(pace.status == 0, "\(pace.err)")
    let s = try state(dir)
    #expect(s["pacing"] as? Bool == true)
    let released = try #require(s["released"] as? [[String: Any]])
    #expect(released.map { $0["phase"] as? String } == ["sprint-0", "data"])
    let announcements = try #require(s["announcements"] as? [[String: Any]])
    #expect(announcements.first?["text"] as? String == "Helen has just called")
    #expect(announcements.first?["id"] as? Int == 1)
    let off = try cli.run(["workshop", dir, "--no-pace"])
    #expect(off.status == 0)
    #expect(try state(dir)["pacing"] as? Bool == false)
  }

  @Test func anUnknownPhaseIsAUsageError() throws {
    let dir = try makeFolder()
    let result = try cli.run(["workshop", dir, "--release", "nine"])
    #expect(result.status == 2)
    #expect(result.err.contains("--release: error: no phase 'nine' in bike-shop"))
    #expect(!FileManager.default.fileExists(atPath: dir + "/.casebench-workshop.json"))
  }

  @Test func revealRecordsTheDecisionOnceAndRefusesAnUnknownOne() throws {
    let dir = try makeFolder()
    let first = try cli.run(["workshop", dir, "--reveal", "S0.D1"])
    #expect(first.status == 0, "\(first.err)")
    #expect(first.out.contains("Revealed S0.D1"))
    let reveals = try #require(try state(dir)["reveals"] as? [[String: Any]])
    #expect(reveals.map { $0["decision"] as? String } == ["S0.D1"])
    let at = reveals.first?["at"] as? String
    _ = try cli.run(["workshop", dir, "--reveal", "S0.D1"])
    let again = try #require(try state(dir)["reveals"] as? [[String: Any]])
    #expect(again.count == 1 && again.first?["at"] as? String == at, "the first time stays")
    let unknown = try cli.run(["workshop", dir, "--reveal", "S9.D9"])
    #expect(unknown.status == 2)
    #expect(unknown.err.contains("--reveal: error: no decision 'S9.D9' in bike-shop"))
    let all = try cli.run(["workshop", dir, "--reveal", "all"])
    #expect(all.status == 0, "\(all.err)")
    let every = try #require(try state(dir)["reveals"] as? [[String: Any]])
    #expect(every.count > 1)
  }

  @Test func theDebriefTakesThePhaseAndTheFacilitatorFlag() throws {
    let dir = try makeFolder()
    let data = try cli.run(["workshop", dir, "--report", "markdown", "--phase", "2"])
    #expect(data.status == 0, "\(data.err)")
    #expect(data.out.contains("The Data debrief only."))
    #expect(data.out.contains("Participants' copy: no verdicts."))
    let facilitator = try cli.run(["workshop", dir, "--report", "markdown", "--facilitator"])
    #expect(facilitator.out.contains("Facilitator's copy"))
    let wrong = try cli.run(["workshop", dir, "--report", "markdown", "--phase", "nine"])
    #expect(wrong.status == 2)
    #expect(wrong.err.contains("--phase: error: no phase 'nine' in bike-shop"))
    let noReport = try cli.run(["workshop", dir, "--phase", "2"])
    #expect(noReport.status == 2)
  }

  @Test func aMissingFolderIsRefused() throws {
    let result = try cli.run(["workshop", cli.path("nowhere"), "--announce", "hi"])
    #expect(result.status == 1)
    #expect(result.err.contains("nowhere: error: no such workshop folder"))
  }

  @Test func theReportGoesToStandardOutputOrAFileOutsideTheFolder() throws {
    let dir = try makeFolder()
    let before = try FileManager.default.contentsOfDirectory(atPath: dir)
    let md = try cli.run(["workshop", dir, "--report", "markdown"])
    #expect(md.status == 0, "\(md.err)")
    #expect(md.out.hasPrefix("# Workshop debrief: "))
    let out = cli.path("debrief.html")
    let html = try cli.run(["workshop", dir, "--report", "html", "-o", out])
    #expect(html.status == 0, "\(html.err)")
    #expect(try String(contentsOfFile: out, encoding: .utf8).contains("<ol class=\"split\">"))
    let inside = try cli.run(["workshop", dir, "--report", "html", "-o", dir + "/debrief.html"])
    #expect(inside.status == 1)
    #expect(inside.err.contains("the report would go into the workshop folder"))
    // Nor into a folder inside it: the dashboard would list that folder as a marked row.
    try FileManager.default.createDirectory(
      atPath: dir + "/reports", withIntermediateDirectories: false)
    let nested = try cli.run(["workshop", dir, "--report", "html", "-o", dir + "/reports/d.html"])
    #expect(nested.status == 1)
    #expect(nested.err.contains("the report would go into the workshop folder"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/reports").isEmpty)
    try FileManager.default.removeItem(atPath: dir + "/reports")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == before)
  }

  @Test func joinCreatesTheTeamsFileAndRefusesANameOfAnotherCaseStudy() throws {
    let dir = try makeFolder()
    // No terminal here: the file is made, then the workbench cannot start.
    _ = try cli.run(["join", dir, "--name", "Team 3"])
    #expect(FileManager.default.fileExists(atPath: dir + "/team-3-bike-shop.json"))
    let session = try String(contentsOfFile: dir + "/team-3-bike-shop.json", encoding: .utf8)
    let other = session.replacingOccurrences(
      of: "\"case_study_id\" : \"bike-shop\"", with: "\"case_study_id\" : \"other-study\""
    ).replacingOccurrences(of: "\"participant\" : \"Team 3\"", with: "\"participant\" : \"Team 7\"")
    try other.write(toFile: dir + "/team-7-other-study.json", atomically: true, encoding: .utf8)
    let taken = try cli.run(["join", dir, "--name", "Team 7"])
    #expect(taken.status == 1)
    #expect(taken.err.contains("is taken by a session of another case study (other-study)"))
    #expect(!FileManager.default.fileExists(atPath: dir + "/team-7-bike-shop.json"))
    let missing = try cli.run(["join", cli.path("nowhere"), "--name", "Team 1"])
    #expect(missing.status == 1)
    #expect(missing.err.contains("error: no such workshop folder"))
  }
}
