import CaseBenchModel
import CaseBenchStore
import Foundation
import Testing

@testable import CaseBenchTUI

/// A team's workbench in a workshop folder that has read the facilitator's file once.
private func teamInWorkshop(_ state: WorkshopState = WorkshopState()) -> AppState {
  var app = Fixture.workbench()
  app.joinWorkshop()
  _ = update(&app, .workshop(state))
  return app
}

/// Votes b) on the fixture's one decision, with a rationale.
private func vote(_ app: inout AppState) {
  send(&app, .char("d"), .enter, .char("b"))
  type(&app, "Two shops have history; the third can join later.")
  send(&app, .ctrl("s"))
}

private let consequenceB = "The pilot ships in six weeks"

@Suite("Vote, then reveal: a team's screen")
struct VoteRevealTeamTests {
  @Test func aVoteInAWorkshopWaitsForTheReveal() {
    var app = teamInWorkshop()
    vote(&app)
    let text = render(app, size: Size(width: 80, height: 24)).text
    #expect(text.contains("Waiting for the facilitator to reveal this decision"))
    #expect(!text.contains(consequenceB))
    assertGolden(text, "decision-waiting-80x24")
  }

  @Test func outsideAWorkshopTheConsequenceShowsAtOnce() {
    var app = Fixture.workbench()
    vote(&app)
    let text = render(app, size: Size(width: 80, height: 24)).text
    #expect(text.contains(consequenceB))
    #expect(!text.contains("Waiting for the facilitator"))
  }

  @Test func theRevealShowsTheConsequenceWithoutAKeyAndABanner() {
    var app = teamInWorkshop()
    vote(&app)
    var revealed = WorkshopState()
    revealed.reveal(Fixture.decision.id, at: Fixture.now)
    _ = update(&app, .workshop(revealed))
    let text = render(app, size: Size(width: 80, height: 24)).text
    #expect(text.contains(consequenceB))
    #expect(!text.contains("Waiting for the facilitator"))
    #expect(app.workshop?.banner?.text == "Decision frame-d1 revealed: see its consequence")
    // Enter goes back to the phase's list, Esc closes it: the banner shows over the workbench.
    send(&app, .enter, .escape)
    #expect(
      render(app, size: Size(width: 80, height: 24)).text.contains(
        "Decision frame-d1 revealed: see its consequence"))
  }

  @Test func revealsAlreadyMadeWhenTheTeamOpensGetNoBanner() {
    var revealed = WorkshopState()
    revealed.reveal(Fixture.decision.id, at: Fixture.now)
    var app = teamInWorkshop(revealed)
    vote(&app)
    #expect(app.workshop?.banner == nil)
    #expect(render(app, size: Size(width: 80, height: 24)).text.contains(consequenceB))
  }

  @Test func aDecisionOutOfTheVoteShowsItsConsequenceAtOnce() {
    var state = WorkshopState()
    state.skipVote(Fixture.decision.id)
    var app = teamInWorkshop(state)
    vote(&app)
    #expect(render(app, size: Size(width: 80, height: 24)).text.contains(consequenceB))
  }
}

/// A dashboard over `teams` (name and the option each chose, nil for no vote yet).
private func dashboard(
  _ dir: URL, teams: [(String, String?)], workshop: WorkshopState, changeAfter: Date? = nil
) throws -> Dashboard {
  for (name, option) in teams {
    var s = Session(
      participant: name, caseStudy: Fixture.caseStudy, mode: .caseStudy,
      now: Fixture.now.addingTimeInterval(-3600))
    if let option {
      _ = s.decide(
        Fixture.decision.id, option: option, rationale: "Because.",
        at: Fixture.now.addingTimeInterval(-600))
      if let changeAfter {
        _ = s.decide(Fixture.decision.id, option: "a", rationale: "Changed.", at: changeAfter)
      }
    }
    try SessionStore.save(
      s, to: WorkshopJoin.url(team: name, caseStudyID: Fixture.caseStudy.id, in: dir))
  }
  var d = Dashboard(
    folder: WorkshopFolder.read(dir, caseStudy: Fixture.caseStudy), workshop: workshop,
    options: Fixture.options, now: Fixture.now)
  _ = d.update(.resize(Size(width: 80, height: 24)))
  _ = d.update(.key(.tab))
  return d
}

private func withFolder(_ body: (URL) throws -> Void) throws {
  let dir = FileManager.default.temporaryDirectory
    .appendingPathComponent("casebench-votes-\(UUID().uuidString)", isDirectory: true)
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: dir) }
  try body(dir)
}

@Suite("Vote, then reveal: the dashboard")
struct VoteRevealDashboardTests {
  @Test func theVoteViewNamesWhoVotedNotWhat() throws {
    try withFolder { dir in
      let d = try dashboard(
        dir, teams: [("Team 1", "b"), ("Team 2", "c"), ("Team 3", nil)],
        workshop: WorkshopState())
      let text = render(d, size: Size(width: 80, height: 24)).text
      #expect(text.contains("2 of 3 teams have voted."))
      #expect(text.contains("Voted: Team 1, Team 2"))
      #expect(text.contains("Not yet: Team 3"))
      #expect(!text.contains("Start with the two shops"))
      assertGolden(text, "dashboard-votes-80x24")
    }
  }

  @Test func vAsksWhileATeamHasNotVotedThenYReveals() throws {
    try withFolder { dir in
      var d = try dashboard(
        dir, teams: [("Team 1", "b"), ("Team 2", "c"), ("Team 3", nil)],
        workshop: WorkshopState())
      #expect(d.update(.key(.char("v"))).isEmpty)
      #expect(
        render(d, size: Size(width: 80, height: 24)).text.contains(
          "2 of 3 teams have voted. Reveal frame-d1 now? y/n"))
      #expect(d.update(.key(.char("y"))) == [.reveal(decisionID: Fixture.decision.id)])
    }
  }

  @Test func vRevealsAtOnceWhenEveryTeamVoted() throws {
    try withFolder { dir in
      var d = try dashboard(
        dir, teams: [("Team 1", "b"), ("Team 2", "c")], workshop: WorkshopState())
      #expect(d.update(.key(.char("v"))) == [.reveal(decisionID: Fixture.decision.id)])
    }
  }

  @Test func aRevealedSplitNamesTheTeamsAndFlagsAChangeAfterTheReveal() throws {
    try withFolder { dir in
      var state = WorkshopState()
      state.reveal(Fixture.decision.id, at: Fixture.now.addingTimeInterval(-300))
      let d = try dashboard(
        dir, teams: [("Team 1", "b"), ("Team 2", "c"), ("Team 3", nil)], workshop: state,
        changeAfter: Fixture.now.addingTimeInterval(-60))
      let text = render(d, size: Size(width: 80, height: 24)).text
      #expect(text.contains("Changed after the reveal: Team 1, Team 2"))
      #expect(text.contains("1 not decided"))
      #expect(!text.contains("have voted"))
      assertGolden(text, "dashboard-revealed-80x24")
    }
  }
}
