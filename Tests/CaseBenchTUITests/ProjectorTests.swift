import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports
import CaseBenchStore
import Foundation
import Testing

@testable import CaseBenchTUI

/// The Bike Shop with three teams: Team 1 and Team 3 chose the first decision's first option,
/// Tiago's team its third; nobody else in the class.
private func bikeShopClass() throws -> (CaseStudy, ClassSummary) {
  let study = try #require(CaseStudyCatalog.builtIn().first)
  let decision = try #require(study.phases.first?.decisions.first)
  var teams: [TeamSummary] = []
  for (team, option) in [
    ("Team 1", decision.options[0].id), ("Team 3", decision.options[0].id),
    ("Tiago's team", decision.options[2].id),
  ] {
    var s = Session(participant: team, caseStudy: study, now: Fixture.now)
    s.decide(decision.id, option: option, rationale: "Because.", at: Fixture.now)
    teams.append(TeamSummary(session: s, caseStudy: study))
  }
  return (study, ClassSummary(caseStudy: study, teams: teams))
}

/// The projector drawn on a screen of `size`.
private func screen(
  _ p: Projector, _ summary: ClassSummary, _ workshop: WorkshopState, _ size: Size
)
  -> String
{
  var buf = ScreenBuffer(size: size)
  ProjectorView.draw(
    p, summary: summary, workshop: workshop, options: Fixture.options,
    in: Rect(x: 0, y: 0, w: size.width, h: size.height), into: &buf)
  return buf.text
}

private let verdictWords = ["RECOMMENDED", "DEFENSIBLE", "POOR", "recommended", "defensible"]

@Suite("Projector view")
struct ProjectorTests {
  /// Every page of every step, at both sizes, against its golden: before the reveal, then the
  /// split, verdicts, what happened and the debrief, each reached with Space.
  @Test(arguments: [Size(width: 80, height: 24), Size(width: 200, height: 50)])
  func goldenAtEachStep(size: Size) throws {
    let (study, summary) = try bikeShopClass()
    var workshop = WorkshopState()
    var p = Projector(summary: summary, workshop: workshop)
    let name = "projector-\(size.width)x\(size.height)"
    assertGolden(screen(p, summary, workshop, size), name + "-votes")
    workshop.reveal(study.phases[0].decisions[0].id, at: Fixture.now)
    for step in ProjectorStep.allCases.dropFirst() {
      var pages: [String] = []
      while true {
        #expect(p.slide(summary, workshop)?.step == step)
        pages.append(screen(p, summary, workshop, size))
        let page = p.page
        _ = p.update(
          .key(.char(" ")), summary: summary, workshop: workshop, size: size, glyphs: .unicode)
        if p.step != step || p.page == page { break }
      }
      assertGolden(pages.joined(separator: "\n--- next page ---\n"), name + "-\(step)")
    }
  }

  @Test func beforeTheRevealItShowsWhoVotedAndNoVerdictWhateverTheKeys() throws {
    let (_, summary) = try bikeShopClass()
    let workshop = WorkshopState()
    var p = Projector(summary: summary, workshop: workshop)
    for key in [Key.char(" "), .right, .char(" "), .right, .right] {
      _ = p.update(
        .key(key), summary: summary, workshop: workshop, size: Size(width: 80, height: 24),
        glyphs: .unicode)
      let text = screen(p, summary, workshop, Size(width: 80, height: 24))
      #expect(text.contains("3 of 3 teams have voted"))
      #expect(!text.contains("Team 1"))
      for word in verdictWords { #expect(!text.contains(word), "\(word) before the reveal") }
    }
  }

  @Test func nothingIsCutAtEitherSize() throws {
    let (study, summary) = try bikeShopClass()
    var workshop = WorkshopState()
    workshop.reveal(study.phases[0].decisions[0].id, at: Fixture.now)
    let decision = study.phases[0].decisions[0]
    for size in [Size(width: 80, height: 24), Size(width: 200, height: 50)] {
      var p = Projector(summary: summary, workshop: workshop)
      p.decision = 0
      var seen = ""
      for _ in 0..<40 {
        seen += screen(p, summary, workshop, size)
        _ = p.update(
          .key(.char(" ")), summary: summary, workshop: workshop, size: size, glyphs: .unicode)
      }
      #expect(!seen.contains("…"))
      // Every word of every label and consequence is on some page.
      let words = Set(seen.split { $0 == " " || $0 == "\n" }.map(String.init))
      for option in decision.options {
        for word in (option.label + " " + option.consequence).split(separator: " ") {
          #expect(words.contains(String(word)), "\(word) missing at \(size)")
        }
      }
    }
  }

  @Test func keysStepBackChangeDecisionRevealAndClose() throws {
    let (study, summary) = try bikeShopClass()
    var workshop = WorkshopState()
    let size = Size(width: 200, height: 50)
    var p = Projector(summary: summary, workshop: workshop, standalone: true)
    func send(_ key: Key) -> [ProjectorCommand] {
      p.update(.key(key), summary: summary, workshop: workshop, size: size, glyphs: .unicode)
    }
    let first = study.phases[0].decisions[0].id
    #expect(send(.char("r")) == [.reveal(decisionID: first)])
    workshop.reveal(first, at: Fixture.now)
    #expect(send(.char("r")) == [])
    #expect(p.slide(summary, workshop)?.step == .split)
    _ = send(.right)
    #expect(p.step == .verdicts)
    _ = send(.backspace)
    #expect(p.step == .split)
    _ = send(.backspace)
    #expect(p.step == .split)
    _ = send(.char("n"))
    #expect(p.decision == 1)
    #expect(p.slide(summary, workshop)?.step == .votes)
    _ = send(.pageUp)
    #expect(p.decision == 0)
    _ = send(.char("N"))
    #expect(p.decision == 0)
    #expect(send(.char("q")) == [.close])
    #expect(send(.escape) == [.close])
  }
}

@Suite("Projector on the dashboard")
struct DashboardProjectorTests {
  @Test func pOpensItRRevealsAndQComesBack() throws {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("casebench-proj-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    for team in ["Team 1", "Team 2"] {
      var s = Session(participant: team, caseStudy: Fixture.caseStudy, now: Fixture.now)
      s.decide(Fixture.decision.id, option: "b", rationale: "Two shops first.", at: Fixture.now)
      try SessionStore.save(
        s, to: WorkshopJoin.url(team: team, caseStudyID: Fixture.caseStudy.id, in: dir))
    }
    var d = Dashboard(
      folder: WorkshopFolder.read(dir, caseStudy: Fixture.caseStudy), workshop: WorkshopState(),
      options: Fixture.options, now: Fixture.now)
    let size = Size(width: 80, height: 24)
    _ = d.update(.resize(size))
    _ = d.update(.key(.char("p")))
    #expect(d.isShowingProjector)
    var text = render(d, size: size).text
    #expect(text.contains("2 of 2 teams have voted"))
    #expect(!text.contains("Team 1"))
    #expect(d.update(.key(.char("r"))) == [.reveal(decisionID: Fixture.decision.id)])
    // What the program says about it shows on the projector's bottom row.
    d.showMessage("Revealed \(Fixture.decision.id) to the room.", isError: false)
    #expect(render(d, size: size).text.contains("Revealed \(Fixture.decision.id) to the room."))
    // The program writes the reveal and tells the dashboard; the projector shows the split.
    var revealed = WorkshopState()
    revealed.reveal(Fixture.decision.id, at: Fixture.now)
    d.workshopChanged(revealed)
    text = render(d, size: size).text
    #expect(text.contains("Team 1, Team 2"))
    #expect(!text.contains("RECOMMENDED"))
    _ = d.update(.key(.char(" ")))
    #expect(render(d, size: size).text.contains("RECOMMENDED"))
    #expect(d.update(.key(.char("q"))) == [])
    #expect(!d.isShowingProjector)
    #expect(render(d, size: size).text.contains("2 teams"))
  }
}
