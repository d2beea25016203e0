import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports
import CaseBenchStore
import Foundation
import Testing

@testable import CaseBenchTUI

/// A workshop folder of the fixture's case study: twelve sample teams and two bad files.
func withWorkshop(_ body: (URL) throws -> Void) throws {
  let dir = FileManager.default.temporaryDirectory
    .appendingPathComponent("casebench-dash-\(UUID().uuidString)", isDirectory: true)
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: dir) }
  for n in 0..<12 {
    let s = WorkshopSample.session(n, caseStudy: Fixture.caseStudy, now: Fixture.now)
    try SessionStore.save(
      s, to: WorkshopJoin.url(team: s.participant, caseStudyID: Fixture.caseStudy.id, in: dir))
  }
  try Data("{\"schema_version\": 2, \"case_st".utf8).write(
    to: dir.appendingPathComponent("half-written.json"))
  try Data("x".utf8).write(to: dir.appendingPathComponent("team-2 (conflicted copy).json"))
  try body(dir)
}

func dashboard(_ dir: URL, size: Size, workshop: WorkshopState = WorkshopState())
  -> Dashboard
{
  var d = Dashboard(
    folder: WorkshopFolder.read(dir, caseStudy: Fixture.caseStudy), workshop: workshop,
    options: Fixture.options, now: Fixture.now)
  _ = d.update(.resize(size))
  return d
}

let announced = WorkshopState(
  pacing: true, released: [PhaseRelease(phase: Fixture.caseStudy.phases[0].id, at: Fixture.now)],
  announcements: [
    Announcement(
      id: 1, at: Fixture.now.addingTimeInterval(-120),
      text: "Helen has just called: the bank brought the review forward a week")
  ])

@Suite("Workshop dashboard")
struct DashboardTests {
  @Test func golden80x24() throws {
    try withWorkshop { dir in
      let d = dashboard(dir, size: Size(width: 80, height: 24), workshop: announced)
      assertGolden(render(d, size: Size(width: 80, height: 24)).text, "dashboard-80x24")
    }
  }

  @Test func golden200x50() throws {
    try withWorkshop { dir in
      let d = dashboard(dir, size: Size(width: 200, height: 50), workshop: announced)
      assertGolden(render(d, size: Size(width: 200, height: 50)).text, "dashboard-200x50")
    }
  }

  @Test func badFilesAreMarkedRowsAfterTheTeams() throws {
    try withWorkshop { dir in
      let text = render(
        dashboard(dir, size: Size(width: 80, height: 24)), size: Size(width: 80, height: 24)
      ).text
      #expect(text.contains("skipped: half-written"))
      #expect(text.contains("skipped: conflicted copy"))
      #expect(text.contains("12 teams"))
    }
  }

  @Test func sortingEnterAndEscape() throws {
    try withWorkshop { dir in
      var d = dashboard(dir, size: Size(width: 80, height: 24))
      #expect(d.selectedRow?.team?.team == "Team 1")
      _ = d.update(.key(.char("s")))  // progress: the most settled first
      let best = d.folder.teams.max { $0.progress.fraction < $1.progress.fraction }
      #expect(d.selectedRow?.team?.team == "Team 1")
      _ = d.update(.key(.char("g")))
      #expect(d.selectedRow?.team?.progress.fraction == best?.progress.fraction)
      _ = d.update(.key(.char("s")))  // activity: Team 1 was active last
      _ = d.update(.key(.char("g")))
      #expect(d.selectedRow?.team?.team == "Team 1")
      _ = d.update(.key(.enter))
      #expect(d.isShowingTeam)
      let screen = render(d, size: Size(width: 80, height: 24)).text
      #expect(screen.contains("Team 1"))
      // Read-only: a key that would change the session changes nothing.
      let before = d.team?.session
      _ = d.update(.key(.char(" ")))
      #expect(d.team?.session == before)
      _ = d.update(.key(.escape))
      #expect(!d.isShowingTeam)
    }
  }

  @Test func announceAndReleaseAreCommands() throws {
    try withWorkshop { dir in
      var d = dashboard(dir, size: Size(width: 80, height: 24))
      _ = d.update(.key(.char("a")))
      _ = d.update(.paste("Break until 11:15"))
      #expect(d.update(.key(.enter)) == [.announce("Break until 11:15")])
      _ = d.update(.key(.char("r")))
      _ = d.update(.key(.down))
      #expect(
        d.update(.key(.enter)) == [.release(phaseID: Fixture.caseStudy.phases[1].id)])
      #expect(d.update(.key(.char("q"))) == [.quit])
    }
  }

  @Test func theProgramPicksUpAChangedFileAndWritesOnlyTheStateFile() throws {
    try withWorkshop { dir in
      let clock = FakeClock()
      let terminal = FakeTerminal(
        [nil, nil, .key(.char("a")), .paste("Helen called"), .key(.enter)]
          + Array(
            repeating: nil, count: 12) + [.key(.char("q"))], clock: clock, step: 0.2)
      var program = DashboardProgram(
        folder: WorkshopFolder.read(dir, caseStudy: Fixture.caseStudy), terminal: terminal,
        options: Fixture.options, clock: { clock.now })
      // A team saves while the dashboard runs.
      let url = WorkshopJoin.url(team: "Team 1", caseStudyID: Fixture.caseStudy.id, in: dir)
      var s = try SessionStore.load(from: url)
      let item = try #require(Fixture.caseStudy.allItems.last)
      s.setStatus(.done, of: item.id, at: Fixture.now)
      try SessionStore.save(s, to: url)
      #expect(program.run() == 0)
      let team = program.dashboard.folder.teams.first { $0.team == "Team 1" }
      #expect(team?.progress.settled == 1)
      let state = try WorkshopStateFile.read(in: dir)
      #expect(state.announcements.map(\.text) == ["Helen called"])
      #expect(try SessionStore.load(from: url) == s)
    }
  }
}

@Suite("Workshop participant")
struct ParticipantWorkshopTests {
  func workbench(readOnly: Bool = false) -> AppState {
    var state = AppState(
      caseStudies: [Fixture.caseStudy], sessions: [], options: Fixture.options, now: Fixture.now)
    _ = update(&state, .resize(Size(width: 100, height: 30)))
    state.openWorkbench(
      caseStudy: Fixture.caseStudy,
      session: Session(participant: "Team 3", caseStudy: Fixture.caseStudy, now: Fixture.now),
      sessionName: "Team 3", readOnly: readOnly, readOnlyReason: readOnly ? "test" : nil)
    state.joinWorkshop()
    return state
  }

  @Test func anAnnouncementIsABannerAndGoesIntoTheLogOnce() {
    var state = workbench()
    _ = update(&state, .workshop(announced))
    let screen = render(state, size: Size(width: 100, height: 30)).text
    #expect(screen.contains("From the facilitator"))
    #expect(screen.contains("Helen has just called"))
    #expect(state.session?.hasRecorded(announcement: 1) == true)
    let revision = state.sessionRevision
    _ = update(&state, .workshop(announced))
    #expect(state.sessionRevision == revision)
    #expect(state.session?.events.filter { $0.kind == .announcement }.count == 1)
    _ = update(&state, .key(.escape))
    #expect(
      !render(state, size: Size(width: 100, height: 30)).text.contains("From the facilitator"))
  }

  @Test func aClosedPhaseIsOutlinedAndNotWorkedOn() {
    var state = workbench()
    _ = update(&state, .workshop(announced))
    _ = update(&state, .key(.escape))
    _ = update(&state, .key(.char("2")))
    let screen = render(state, size: Size(width: 100, height: 30)).text
    #expect(screen.contains("opens when the facilitator says"))
    let before = state.session
    _ = update(&state, .key(.char(" ")))
    #expect(state.session == before)
    #expect(
      render(state, size: Size(width: 100, height: 30)).text.contains(
        "Phase 2 opens when the facilitator says."))
    // Released: work goes on.
    var open = announced
    open.release(Fixture.caseStudy.phases[1].id, at: Fixture.now)
    _ = update(&state, .workshop(open))
    _ = update(&state, .key(.char(" ")))
    #expect(state.session != before)
  }

  /// The Bike Shop's phases have timeboxes: in the released phase the key hints must not run
  /// under it; a closed phase has no running timebox, and its refusal reads in full.
  @Test(arguments: [(80, 24), (100, 30), (200, 50)])
  func theRefusalInAClosedPhaseIsWholeAndOnlyAReleasedPhaseHasATimebox(width: Int, height: Int)
    throws
  {
    let size = Size(width: width, height: height)
    var state = try BikeShopScreenTests.state(size: size)
    state.joinWorkshop()
    _ = update(
      &state,
      .workshop(
        WorkshopState(
          pacing: true,
          released: [
            PhaseRelease(phase: "sprint-0", at: Fixture.now)
          ])))
    _ = update(&state, .tick(Fixture.now.addingTimeInterval(60)))
    let bar = { (s: AppState) in render(s, size: size).text.split(separator: "\n").last ?? "" }
    let timebox = try #require(state.workshop?.timebox(state.workbench))
    #expect(timebox.minutes > 0)
    #expect(bar(state).hasSuffix("m left"))
    // Whole hints end two cells before the timebox, at every size: the last hint before it is
    // one the widest bar shows whole (not cut short, no ellipsis).
    let line = String(bar(state))
    let timeboxAt = try #require(line.range(of: "  Timebox "))
    let pieces = { (text: Substring) in
      text.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty }
    }
    let lastHint = try #require(pieces(line[..<timeboxAt.lowerBound]).last)
    let wide = String(
      render(state, size: Size(width: 240, height: 50)).text.split(separator: "\n").last ?? "")
    let wideTimebox = try #require(wide.range(of: "  Timebox "))
    let whole = pieces(wide[..<wideTimebox.lowerBound])
    #expect(whole.last == "q quit", "\(wide)")
    #expect(whole.contains(lastHint), "'\(lastHint)' is not a whole hint: \(line)")
    #expect(!lastHint.hasSuffix("…") && !lastHint.hasSuffix("..."), "\(line)")
    _ = update(&state, .key(.char("2")))
    #expect(state.workshop?.timebox(state.workbench) == nil)
    #expect(!bar(state).contains("Timebox"), "\(bar(state))")
    let before = state.session
    _ = update(&state, .key(.char(" ")))
    #expect(state.session == before)
    #expect(bar(state).contains("Phase 2 opens when the facilitator says."))
  }

  @Test func theTimeboxCountsDownAndShowsOverrun() {
    var state = workbench()
    var unpaced = WorkshopState()
    unpaced.announce("x", at: Fixture.now)
    _ = update(&state, .workshop(unpaced))
    _ = update(&state, .key(.escape))
    let minutes = Fixture.caseStudy.phases[0].timeboxMinutes
    _ = update(&state, .tick(Fixture.now.addingTimeInterval(60)))
    #expect(
      render(state, size: Size(width: 100, height: 30)).text.contains(
        "Timebox \(minutes - 1)m left"))
    _ = update(&state, .tick(Fixture.now.addingTimeInterval(Double(minutes + 3) * 60)))
    #expect(render(state, size: Size(width: 100, height: 30)).text.contains("Timebox +3m over"))
  }
}
