import CaseBenchModel
import CaseBenchReports
import CaseBenchStore
import Foundation
import Testing

@testable import CaseBenchTUI

/// The room's clock and the injects on screen: the dashboard's clock line, its injects list and
/// keys, and a team's status bar and banner.
@Suite("The room's clock and injects on screen")
struct RoomClockScreenTests {
  static let size = Size(width: 80, height: 24)

  /// The fixture's case study with three injects in its first phase.
  static let study: CaseStudy = {
    var study = Fixture.caseStudy
    study.phases[0].injects = [
      Inject(
        id: "S.I1", from: "Helen, by email", text: "The bank wants the payback by Friday.",
        trigger: .atMinute(10)),
      Inject(
        id: "S.I2", text: "The owner heard what you chose.",
        trigger: .afterReveal(study.phases[0].decisions.first?.id ?? "")),
      Inject(id: "S.I3", text: "A reporter is asking questions.", trigger: .manual),
    ]
    return study
  }()

  /// Phase 1 released and its clock started 12 minutes and 20 seconds ago; S.I1 went out.
  static let running: WorkshopState = {
    let started = Fixture.now.addingTimeInterval(-740)
    var state = WorkshopState(
      pacing: true, released: [PhaseRelease(phase: study.phases[0].id, at: started)])
    state.clock = RoomClock(phase: study.phases[0].id, started: started)
    if let first = study.phases[0].injects.first {
      state.send(first, at: started.addingTimeInterval(600))
    }
    return state
  }()

  func withFolder(_ body: (URL) throws -> Void) throws {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("casebench-room-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    for n in 0..<3 {
      let s = WorkshopSample.session(n, caseStudy: Self.study, now: Fixture.now)
      try SessionStore.save(
        s, to: WorkshopJoin.url(team: s.participant, caseStudyID: Self.study.id, in: dir))
    }
    try body(dir)
  }

  func dashboard(_ dir: URL, _ state: WorkshopState = running) -> Dashboard {
    var d = Dashboard(
      folder: WorkshopFolder.read(dir, caseStudy: Self.study), workshop: state,
      options: Fixture.options, now: Fixture.now)
    _ = d.update(.resize(Self.size))
    return d
  }

  func team(_ state: WorkshopState) -> AppState {
    Fixture.team(on: Self.study, size: Self.size, workshop: state)
  }

  // MARK: The dashboard

  @Test func theDashboardsClockLineGolden() throws {
    try withFolder { dir in
      let screen = render(dashboard(dir), size: Self.size).text
      assertGolden(screen, "room-clock-dashboard-80x24")
      let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
      #expect(lines[22].hasSuffix("Work 17:40 left"), "the block and its time, at the right end")
    }
  }

  @Test func thePausedOrOverClockSaysSo() throws {
    try withFolder { dir in
      var state = Self.running
      state.clock?.pause(at: Fixture.now.addingTimeInterval(-60))
      #expect(
        render(dashboard(dir, state), size: Self.size).text.contains("Work 18:40 left, paused"))
      state.clock = RoomClock(
        phase: Self.study.phases[0].id, started: Fixture.now.addingTimeInterval(-31 * 60))
      #expect(render(dashboard(dir, state), size: Self.size).text.contains("Over by 1:00"))
    }
  }

  @Test func theClockKeysAreCommands() throws {
    try withFolder { dir in
      var d = dashboard(dir)
      #expect(d.update(.key(.char("c"))) == [.clock(.start)])
      #expect(d.update(.key(.char(" "))) == [.clock(.pause)])
      #expect(d.update(.key(.char("+"))) == [.clock(.extend)])
      var paused = Self.running
      paused.clock?.pause(at: Fixture.now)
      d.workshopChanged(paused)
      #expect(d.update(.key(.char(" "))) == [.clock(.resume)])
    }
  }

  @Test func theInjectListGolden() throws {
    try withFolder { dir in
      var d = dashboard(dir)
      #expect(d.update(.key(.char("i"))).isEmpty)
      assertGolden(render(d, size: Self.size).text, "room-injects-80x24")
    }
  }

  @Test func anInjectIsSentOnEnterTwiceAndNeverAgain() throws {
    try withFolder { dir in
      var d = dashboard(dir)
      _ = d.update(.key(.char("i")))
      // The first went out already: Enter says so and sends nothing.
      #expect(d.update(.key(.enter)).isEmpty)
      #expect(render(d, size: Self.size).text.contains("S.I1 went out"))
      _ = d.update(.key(.down))
      _ = d.update(.key(.down))
      #expect(d.update(.key(.enter)).isEmpty, "the first Enter asks")
      #expect(render(d, size: Self.size).text.contains("Send this to every team?"))
      #expect(d.update(.key(.enter)) == [.sendInject("S.I3")])
      _ = d.update(.key(.char("i")))
      _ = d.update(.key(.down))
      _ = d.update(.key(.enter))
      #expect(d.update(.key(.escape)).isEmpty, "Esc goes back from the question")
      #expect(!render(d, size: Self.size).text.contains("Send this to every team?"))
      #expect(render(d, size: Self.size).text.contains("Injects of"))
    }
  }

  /// Runs the dashboard's program for 50 s of its clock (idle ticks of 0.5 s) on a folder whose
  /// clock started 9.5 minutes before: S.I1 (minute 10) comes due 30 s in.
  func runProgram(_ dir: URL, paused: Bool) throws -> WorkshopState {
    var state = WorkshopState(pacing: true, released: Self.running.released)
    var clock = RoomClock(
      phase: Self.study.phases[0].id, started: Fixture.now.addingTimeInterval(-570))
    if paused { clock.pause(at: Fixture.now) }
    state.clock = clock
    try WorkshopStateFile.update(in: dir) { $0 = state }
    let fake = FakeClock()
    let terminal = FakeTerminal(
      Array(repeating: nil, count: 100) + [.key(.char("q"))], clock: fake, step: 0.5)
    var program = DashboardProgram(
      folder: WorkshopFolder.read(dir, caseStudy: Self.study), terminal: terminal,
      options: Fixture.options, clock: { fake.now })
    #expect(program.run() == 0)
    return try WorkshopStateFile.read(in: dir)
  }

  @Test func theDashboardProgramSendsADueInjectOnTheClockOnce() throws {
    try withFolder { dir in
      let after = try runProgram(dir, paused: false)
      #expect(after.injectsSent.map(\.inject) == ["S.I1"])
      let sent = try #require(after.sentTime(ofInject: "S.I1"))
      #expect(sent.timeIntervalSince(Fixture.now) >= 30)
      #expect(sent.timeIntervalSince(Fixture.now) <= 31.5, "within the second's poll")
      #expect(after.announcements.map(\.inject) == ["S.I1"], "one announcement, never two")
    }
  }

  @Test func theDashboardProgramSendsNothingWhileTheClockIsPaused() throws {
    try withFolder { dir in
      let after = try runProgram(dir, paused: true)
      #expect(after.injectsSent.isEmpty)
      #expect(after.announcements.isEmpty)
    }
  }

  // MARK: A team

  @Test func aTeamsStatusBarShowsTheRoomsClockGolden() {
    var state = team(Self.running)
    _ = update(&state, .key(.escape))  // the inject's banner
    let screen = render(state, size: Self.size).text
    assertGolden(screen, "room-clock-team-80x24")
    let bar = String(screen.split(separator: "\n", omittingEmptySubsequences: false)[23])
    #expect(bar.hasSuffix(" Work 17:40 left"))
    #expect(!bar.contains("Timebox"))
  }

  @Test func withoutARoomClockTheTimeboxShowsAsBefore() {
    var state = team(WorkshopState(pacing: true, released: Self.running.released))
    _ = update(&state, .key(.escape))
    let bar = render(state, size: Self.size).text.split(separator: "\n").last ?? ""
    #expect(bar.contains("Timebox"))
    #expect(!bar.contains("left,"))
  }

  @Test func anInjectIsABannerFromItsSenderAndOnTheMessagesPage() {
    var state = team(Self.running)
    let screen = render(state, size: Self.size).text
    #expect(screen.contains("From Helen, by email"))
    #expect(screen.contains("The bank wants the payback by Friday."))
    #expect(
      state.workbench?.session.events.last?.detail == "inject S.I1 shown",
      "the session's log records it")
    _ = update(&state, .key(.char("M")))
    #expect(render(state, size: Self.size).text.contains("from Helen, by email"))
  }
}
