import CaseBenchModel
import CaseBenchStore
import Foundation
import Testing

@testable import CaseBenchTUI

/// A decision's vote before the room's clock reaches its `opens` block: the dialog holds back
/// the situation and the options and does not choose, the plain mode says when it opens, and the
/// dashboard's decision splits say at what time.
@Suite("The vote opens at its block: on screen")
struct VotingOpensScreenTests {
  static let size = Size(width: 80, height: 24)

  /// The fixture with a schedule on its first phase: read 5, work 15, decide 5, debrief 5.
  static let study: CaseStudy = {
    var study = Fixture.caseStudy
    study.phases[0].schedule = Schedule(read: 5, work: 15, decide: 5, debrief: 5)
    return study
  }()

  /// The first phase released, its clock started `minutes` ago (8: the work block, 12 minutes
  /// before the decide block).
  static func running(minutesAgo minutes: Double = 8) -> WorkshopState {
    let started = Fixture.now.addingTimeInterval(-minutes * 60)
    var state = WorkshopState(
      pacing: true, released: [PhaseRelease(phase: study.phases[0].id, at: started)])
    state.clock = RoomClock(phase: study.phases[0].id, started: started)
    return state
  }

  /// A team's workbench on `study`, in a workshop folder with `state` (nil: a solo session).
  func team(_ state: WorkshopState?) -> AppState {
    Fixture.team(on: Self.study, size: Self.size, workshop: state)
  }

  static let sentence = "Voting opens at the Decide block, in 12 min"
  static let why = "Why? A sentence or two"

  static let situation = "Marta wants a forecast for all three shops"
  static let option = "Start with the two shops"

  @Test func theClosedDialogHoldsBackTheSituationAndOptionsGolden() {
    var app = team(Self.running())
    send(&app, .char("d"))
    #expect(render(app, size: Self.size).text.contains("voting opens in 12 min"))
    send(&app, .enter)
    let screen = render(app, size: Self.size).text
    #expect(!screen.contains(Self.situation))
    #expect(!screen.contains(Self.option))
    #expect(screen.contains("The situation and the options open with the vote"))
    #expect(screen.contains(Self.sentence))
    assertGolden(screen, "decision-closed-80x24")
  }

  @Test func theyShowOnceTheVoteOpensAndToAFacilitatorBefore() {
    var app = team(Self.running())
    send(&app, .char("d"), .enter)
    _ = update(&app, .tick(Fixture.now.addingTimeInterval(12 * 60)))
    let opened = render(app, size: Self.size).text
    #expect(opened.contains(Self.situation))
    #expect(opened.contains(Self.option))
    var facilitator = team(Self.running())
    facilitator.options.facilitator = true
    send(&facilitator, .char("d"), .enter)
    let preview = render(facilitator, size: Self.size).text
    #expect(preview.contains(Self.situation))
    #expect(preview.contains(Self.sentence))
  }

  @Test func aLetterOrEnterSaysWhenInsteadOfChoosing() {
    var app = team(Self.running())
    send(&app, .char("d"), .enter, .char("b"))
    #expect(app.message?.text == Self.sentence + ".")
    #expect(!render(app, size: Self.size).text.contains(Self.why))
    send(&app, .down, .enter)
    #expect(app.message?.text == Self.sentence + ".")
    #expect(!render(app, size: Self.size).text.contains(Self.why))
    #expect(app.workbench?.session.decisions.isEmpty == true)
  }

  @Test func onceTheClockReachesTheDecideBlockTheTeamVotes() {
    var app = team(Self.running())
    send(&app, .char("d"), .enter)
    _ = update(&app, .tick(Fixture.now.addingTimeInterval(12 * 60)))
    #expect(!render(app, size: Self.size).text.contains("Voting opens"))
    send(&app, .char("b"))
    #expect(render(app, size: Self.size).text.contains(Self.why))
  }

  @Test func aPausedClockSaysSoAndKeepsItClosed() {
    var state = Self.running()
    state.clock?.pause(at: Fixture.now)
    var app = team(state)
    _ = update(&app, .tick(Fixture.now.addingTimeInterval(30 * 60)))
    send(&app, .char("d"), .enter)
    #expect(render(app, size: Self.size).text.contains(Self.sentence + " (clock paused)"))
    send(&app, .char("a"))
    #expect(!render(app, size: Self.size).text.contains(Self.why))
  }

  @Test func aSoloSessionOrAClockElsewhereChoosesAsBefore() {
    var other = Self.running()
    other.clock?.phase = Self.study.phases[1].id
    for state in [nil, WorkshopState(), other] {
      var app = team(state)
      send(&app, .char("d"), .enter)
      #expect(!render(app, size: Self.size).text.contains("Voting opens"))
      send(&app, .char("b"))
      #expect(render(app, size: Self.size).text.contains(Self.why), "\(String(describing: state))")
    }
  }

  // MARK: Plain mode

  func plain(_ script: String, state: WorkshopState) throws -> (String, Session?) {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("casebench-opens-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try WorkshopStateFile.update(in: dir) { $0 = state }
    let url = dir.appendingPathComponent("team-3.json")
    let storage = FakeStorage(clock: FakeClock())
    let session = Session(participant: "Team 3", caseStudy: Self.study, now: Fixture.now)
    storage.files[url] = session
    let lines = PlainScript(script)
    var file = try storage.open(url)
    file.caseStudy = Self.study
    var mode = PlainMode(
      storage: storage, file: file, io: lines.io, facilitator: false, workshop: dir,
      now: { Fixture.now })
    _ = mode.run()
    return (lines.output, storage.files[url])
  }

  @Test func thePlainModeHoldsTheDecisionBackAndSaysWhenTheVoteOpens() throws {
    let vote = "1\nd\n1\nb\nHistory matters.\n.\ny\n"
    let (closed, kept) = try plain(vote, state: Self.running())
    #expect(closed.contains("1. Pilot scope: voting opens in 12 min"))
    #expect(!closed.contains(Self.option))
    #expect(!closed.contains(Self.situation))
    #expect(closed.contains("The situation and the options open with the vote"))
    #expect(
      closed.contains("open with the vote, at the Decide block of the room's clock, in 12 min."))
    #expect(!closed.contains("Your choice, a to c"))
    #expect(kept?.decisions.isEmpty == true)
    let (open, saved) = try plain(vote, state: Self.running(minutesAgo: 20))
    #expect(!open.contains("Voting opens"))
    #expect(open.contains("Decision recorded."))
    #expect(saved?.decisions[Fixture.decision.id]?.option == "b")
  }

  // MARK: The dashboard

  @Test func theDashboardSaysWhenTheVoteOpens() throws {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("casebench-opens-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let s = Session(participant: "Team 1", caseStudy: Self.study, now: Fixture.now)
    try SessionStore.save(
      s, to: WorkshopJoin.url(team: "Team 1", caseStudyID: Self.study.id, in: dir))
    func page(_ state: WorkshopState) -> String {
      var d = Dashboard(
        folder: WorkshopFolder.read(dir, caseStudy: Self.study), workshop: state,
        options: Fixture.options, now: Fixture.now)
      _ = d.update(.resize(Self.size))
      _ = d.update(.key(.tab))
      return render(d, size: Self.size).text
    }
    let opensAt = shortClock(
      Fixture.now.addingTimeInterval(12 * 60), timeZone: Fixture.options.timeZone)
    #expect(
      page(Self.running()).contains("Pilot scope (Frame the problem): voting opens \(opensAt)"))
    let open = page(Self.running(minutesAgo: 20))
    #expect(open.contains("Pilot scope (Frame the problem): waiting for the reveal"))
  }
}
