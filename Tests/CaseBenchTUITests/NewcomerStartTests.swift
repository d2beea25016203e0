import CaseBenchModel
import CaseBenchStore
import Foundation
import Testing

@testable import CaseBenchTUI

/// Issue 21: the start screen and the checklist's words, as a newcomer met them.
@Suite("The start screen and the checklist's words")
struct NewcomerStartTests {
  @Test func theCursorStartsOnTheNewestSession() {
    let state = Fixture.startState()
    // Fixture.entries: Team Rocket an hour ago, Blue group three days ago, broken.json.
    #expect(state.start.selection == state.caseStudies.count)
    #expect(state.sessions[0].title == "Team Rocket")
    let screen = render(state, size: Size(width: 80, height: 24)).text
    #expect(screen.contains("▸ Team Rocket"))
    #expect(!screen.contains("▸ The Bike Shop"))
  }

  @Test func theCursorSkipsSessionsThatCannotOpenAndFallsBackToTheCaseStudy() {
    let broken = StartEntry(
      title: "broken.json", detail: "", path: "/tmp/s/broken.json", updated: Fixture.now,
      error: "line 3: unexpected end of file")
    let onlyBroken = AppState(
      caseStudies: [Fixture.caseStudy], sessions: [broken], options: Fixture.options,
      now: Fixture.now)
    #expect(onlyBroken.start.selection == 0)
    let none = AppState(
      caseStudies: [Fixture.caseStudy], sessions: [], options: Fixture.options, now: Fixture.now)
    #expect(none.start.selection == 0)
    let both = AppState(
      caseStudies: [Fixture.caseStudy], sessions: [broken] + Fixture.entries,
      options: Fixture.options, now: Fixture.now)
    #expect(both.sessions[both.start.selection - 1].title == "Team Rocket")
  }

  @Test func twoSessionsWithOneNameAreToldApartAndOwnProjectsAreMarked() {
    let summary = { (file: String, mode: SessionMode) in
      StartEntry.detail(
        of: SessionSummary(
          url: URL(fileURLWithPath: "/tmp/s/\(file)"), participant: "Team 3",
          caseStudyID: "bike-shop", updated: Fixture.now, mode: mode))
    }
    let one = summary("team-3.json", .caseStudy)
    let other = summary("team-3-2.json", .ownProject)
    #expect(one != other)
    #expect(one.contains("team-3.json"))
    #expect(other.contains("own project"))
    #expect(!one.contains("own project"))
  }

  @Test func helpExplainsTheChecklistsExt() {
    let lines = HelpScreen.lines(Fixture.options, phases: 6, width: 70).map(\.text)
    #expect(lines.contains("ext  an extension item, for longer courses"))
  }
}
