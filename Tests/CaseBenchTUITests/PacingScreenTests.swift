import Foundation
import Testing

@testable import CaseBenchLoading
@testable import CaseBenchModel
@testable import CaseBenchReports
@testable import CaseBenchStore
@testable import CaseBenchTUI

/// Pacing on a team's screens and the dashboard (issue 22, item 3 and defects 4, 5 and 7): a
/// closed phase in outline on every page, a release banner, a damaged facilitator's file as a
/// warning, the dashboard's numbers and its own help.
@Suite("Pacing on the screens")
struct PacingScreenTests {
  static let size = Size(width: 100, height: 30)

  static func released(_ phases: String...) -> WorkshopState {
    WorkshopState(pacing: true, released: phases.map { PhaseRelease(phase: $0, at: Fixture.now) })
  }

  /// The Bike Shop's workbench in a workshop folder where Sprint 0 is released.
  static func team() throws -> AppState {
    var state = try BikeShopScreenTests.state(size: size)
    state.joinWorkshop()
    _ = update(&state, .workshop(released("sprint-0")))
    return state
  }

  static func text(_ state: AppState) -> String { render(state, size: size).text }

  @Test func aClosedPhasesBriefingShowsItsTitleGoalAndTimeboxAndNothingOfItsStory() throws {
    var state = try Self.team()
    let data = try #require(state.workbench?.unpaced?.phases[1])
    _ = update(&state, .key(.char("2")))
    if state.workbench?.detailMode != .briefing { _ = update(&state, .key(.char("b"))) }
    let screen = Self.text(state)
    #expect(screen.contains("Phase 2 of 6: \(data.title)"))
    #expect(screen.contains("Timebox \(data.timeboxMinutes) min"))
    #expect(screen.contains("This phase opens when the facilitator says"))
    let story = data.briefing.split(separator: " ").prefix(4).joined(separator: " ")
    #expect(!screen.contains(story), "\(story)")
    #expect(!screen.contains("Risks to weigh"))
    #expect(!screen.contains("Decisions (press d)"))
    assertGolden(screen, "pacing-closed-briefing-100x30")
    // Released, the same page has the story.
    _ = update(&state, .workshop(Self.released("sprint-0", "data")))
    _ = update(&state, .key(.escape))
    #expect(Self.text(state).contains(story))
  }

  @Test func aClosedPhasesItemShowsItsTitleAndNoGuidanceOrHint() throws {
    var state = try Self.team()
    _ = update(&state, .key(.char("2")))
    let item = try #require(state.workbench?.unpaced?.phases[1].items.first)
    if state.workbench?.detailMode == .briefing { _ = update(&state, .key(.char("b"))) }
    _ = update(&state, .key(.char("h")))
    let screen = Self.text(state)
    #expect(screen.contains(item.title))
    #expect(screen.contains("This phase opens when the facilitator says"))
    #expect(!screen.contains("Guidance"))
    #expect(!screen.contains("Why it matters"))
    #expect(!screen.contains("Hint"))
    assertGolden(screen, "pacing-closed-item-100x30")
  }

  @Test func searchFindsNothingInAClosedPhase() throws {
    var state = try Self.team()
    func search(_ word: String) -> [SearchMatch] {
      _ = update(&state, .key(.char("/")))
      for c in word { _ = update(&state, .key(.char(c))) }
      _ = update(&state, .key(.enter))
      return state.workbench?.search?.matches ?? []
    }
    // "pathfinder" is in the Data phase's briefing (found there once it is released).
    let closed = search("pathfinder")
    #expect(!closed.contains { $0.phase == 1 }, "\(closed)")
    _ = update(&state, .key(.escape))
    _ = update(&state, .workshop(Self.released("sprint-0", "data")))
    #expect(search("pathfinder").contains { $0.phase == 1 })
  }

  @Test func theDecisionsOfAClosedPhaseAreNotOnAnyPage() throws {
    var state = try Self.team()
    let decision = try #require(state.workbench?.unpaced?.phases[1].decisions.first)
    #expect(state.workbench?.caseStudy.phases[1].decisions.isEmpty == true)
    _ = update(&state, .key(.char("2")))
    _ = update(&state, .key(.char("d")))
    #expect(!Self.text(state).contains(decision.title))
  }

  @Test func aReleaseShowsEveryTeamABanner() throws {
    var state = try Self.team()
    #expect(!Self.text(state).contains("is open"))
    _ = update(&state, .workshop(Self.released("sprint-0", "data")))
    let screen = Self.text(state)
    #expect(screen.contains("Data is open"), "\(screen)")
    _ = update(&state, .key(.escape))
    #expect(!Self.text(state).contains("Data is open"))
    // The same state read again is no news.
    _ = update(&state, .workshop(Self.released("sprint-0", "data")))
    #expect(!Self.text(state).contains("Data is open"))
  }

  static let damage = WorkshopStateError(
    file: "/srv/day1/.casebench-workshop.json", line: 3, column: 14,
    message: "the facilitator's file is not valid", fix: "correct it")

  @Test func aDamagedFileIsAWarningOnTheStatusBarAndPacingStaysAsLastRead() throws {
    var state = try Self.team()
    _ = update(&state, .workshopUnreadable(Self.damage))
    let bar = Self.text(state).split(separator: "\n").last.map(String.init) ?? ""
    #expect(bar.contains(".casebench-workshop.json:3:14"), "\(bar)")
    _ = update(&state, .key(.char("2")))
    let before = state.session
    _ = update(&state, .key(.char(" ")))
    #expect(state.session == before)
    // Read again: the warning goes.
    _ = update(&state, .workshop(Self.released("sprint-0")))
    #expect(!Self.text(state).contains(".casebench-workshop.json:3:14"))
  }

  @Test func aFileNeverReadOpensNoPhase() throws {
    var state = try BikeShopScreenTests.state(size: Self.size)
    state.joinWorkshop()
    _ = update(&state, .workshopUnreadable(Self.damage))
    let before = state.session
    _ = update(&state, .key(.char(" ")))
    #expect(state.session == before)
    #expect(state.workbench?.caseStudy.phases[0].briefing.isEmpty == true)
  }
}

@Suite("Dashboard: numbers, help, a damaged file")
struct DashboardPacingTests {
  @Test func progressShowsNumbersWhereThereIsRoom() throws {
    try withWorkshop { dir in
      let size = Size(width: 120, height: 30)
      let d = dashboard(dir, size: size, workshop: announced)
      let screen = render(d, size: size).text
      let team = try #require(d.folder.teams.first { $0.team == "Team 1" })
      let first = team.progress.phases[0]
      #expect(screen.contains("\(first.settled)/\(first.total)"), "\(screen)")
      assertGolden(screen, "dashboard-numbers-120x30")
    }
  }

  @Test func theDashboardHasItsOwnHelpWithItsKeysFirst() throws {
    try withWorkshop { dir in
      let size = Size(width: 80, height: 24)
      var d = dashboard(dir, size: size)
      _ = d.update(.key(.char("?")))
      let screen = render(d, size: size).text
      #expect(screen.contains("Dashboard keys"))
      let lines = HelpScreen.lines(Fixture.options, phases: nil, width: 70, scope: .dashboard)
      #expect(lines.first?.text == HelpGroup.dashboard.rawValue)
      #expect(!lines.contains { $0.text.hasPrefix(HelpGroup.tools.rawValue) })
      #expect(lines.contains { $0.text.contains(KeyTable.release.help) })
      assertGolden(screen, "dashboard-help-80x24")
    }
  }

  @Test func aDamagedFileIsAWarningOnTheDashboard() throws {
    try withWorkshop { dir in
      let size = Size(width: 100, height: 30)
      var d = dashboard(dir, size: size, workshop: announced)
      d.workshopUnreadable(PacingScreenTests.damage)
      #expect(render(d, size: size).text.contains("/srv/day1/.casebench-workshop.json:3:14"))
      #expect(d.workshop == announced)
      d.workshopChanged(announced)
      #expect(!render(d, size: size).text.contains(".casebench-workshop.json:3:14"))
    }
  }
}

@Suite("Taking a read-only session over")
struct TakeOverTests {
  static func opened(readOnly: Bool) -> AppState {
    var state = AppState(
      caseStudies: [Fixture.caseStudy], sessions: [], options: Fixture.options, now: Fixture.now)
    _ = update(&state, .resize(Size(width: 200, height: 30)))
    let url = URL(fileURLWithPath: "/tmp/room/team-3-bike-shop.json")
    let file = SessionFile(
      url: url, caseStudy: Fixture.caseStudy,
      session: Session(participant: "Team 3", caseStudy: Fixture.caseStudy, now: Fixture.now),
      readOnlyReason: readOnly ? "open in another casebench (pid 42)" : nil)
    _ = update(&state, .sessionOpened(file, created: false))
    return state
  }

  @Test func aWindowReadOnlyBecauseOfTheLockOffersTAndOpensTheFileAgain() {
    var state = Self.opened(readOnly: true)
    let bar = render(state, size: Size(width: 200, height: 30)).text.split(separator: "\n").last
    #expect(bar?.contains("T take over") == true, "\(bar ?? "")")
    #expect(
      update(&state, .key(.char("T")))
        == [.openSession(path: "/tmp/room/team-3-bike-shop.json")])
  }

  @Test func aWritableWindowOrTheDashboardsViewHasNothingToTakeOver() throws {
    var writable = Self.opened(readOnly: false)
    #expect(
      !update(&writable, .key(.char("T"))).contains(
        .openSession(path: "/tmp/room/team-3-bike-shop.json")))
    try withWorkshop { dir in
      var d = dashboard(dir, size: Size(width: 200, height: 30))
      _ = d.update(.key(.enter))
      #expect(d.isShowingTeam)
      #expect(d.team?.workbench.takeOverHint == nil)
      #expect(!render(d, size: Size(width: 200, height: 30)).text.contains("T take over"))
    }
  }
}
