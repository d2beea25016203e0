import Foundation
import Testing

/// `workshop DIR --no-vote` and `export` of a team's file in a workshop folder (issue 22).
@Suite("casebench: vote, then reveal")
struct VoteCLITests {
  let cli: CLITests

  init() throws { cli = try CLITests() }

  /// A folder with the facilitator's file and Team 1's session, which voted c) on S0.D1.
  func folderWithAVote() throws -> (dir: String, file: String) {
    let dir = cli.path("room")
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let announce = try cli.run(["workshop", dir, "--announce", "Welcome"])
    #expect(announce.status == 0, "\(announce.err)")
    let file = dir + "/team-1-bike-shop.json"
    let made = try cli.run(["new", "--name", "Team 1", "--out", file])
    #expect(made.status == 0, "\(made.err)")
    let url = URL(fileURLWithPath: file)
    var session = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    session["decisions"] = [
      "S0.D1": ["decided_at": "2026-11-18T11:10:40Z", "option": "c", "rationale": "Cheap."]
    ]
    try JSONSerialization.data(withJSONObject: session).write(to: url)
    return (dir, file)
  }

  @Test func noVoteIsStoredAndAnUnknownDecisionIsAUsageError() throws {
    let (dir, _) = try folderWithAVote()
    let run = try cli.run(["workshop", dir, "--no-vote", "S0.D2"])
    #expect(run.status == 0, "\(run.err)")
    #expect(run.out.contains("No vote on S0.D2"))
    let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/.casebench-workshop.json"))
    let state = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(state["no_vote"] as? [String] == ["S0.D2"])
    let unknown = try cli.run(["workshop", dir, "--no-vote", "S9.D9"])
    #expect(unknown.status == 2)
    #expect(unknown.err.contains("--no-vote: error: no decision 'S9.D9' in bike-shop"))
  }

  @Test func anExportInAWorkshopFolderWaitsForTheReveal() throws {
    let (dir, file) = try folderWithAVote()
    let consequence = "Two days of Ola's time produce three screens"
    let before = try cli.run(["export", file, "--format", "markdown"])
    #expect(before.status == 0, "\(before.err)")
    #expect(before.out.contains("Waiting for the facilitator to reveal this decision"))
    #expect(!before.out.contains(consequence))
    #expect(try cli.run(["workshop", dir, "--reveal", "S0.D1"]).status == 0)
    let after = try cli.run(["export", file, "--format", "markdown"])
    #expect(after.out.contains(consequence))
    #expect(!after.out.contains("Waiting for the facilitator"))
  }
}
