import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports
import CaseBenchStore
import Foundation
import Testing

@testable import CaseBenchTUI

/// Lessons learned in the workbench (`R`): the prompts wait for the reveal, then a team answers
/// them in the note editor's box, and the answers reach the session.
@Suite("Lessons learned page")
struct LessonsPageTests {
  static let size = Size(width: 80, height: 24)

  static func bikeShop() throws -> CaseStudy { try #require(CaseStudyCatalog.builtIn().first) }

  /// Team 3 on the Bike Shop's Sprint 0, both decisions voted; in a workshop folder when
  /// `workshop` is given.
  static func workbench(workshop: WorkshopState?) throws -> AppState {
    let study = try bikeShop()
    var session = Session(participant: "Team 3", caseStudy: study, now: Fixture.now)
    session.decide("S0.D1", option: "b", rationale: "Evidence first.", at: Fixture.now)
    session.decide("S0.D2", option: "b", rationale: "Not this contract.", at: Fixture.now)
    var state = AppState(
      caseStudies: [study], sessions: [], options: Fixture.options, now: Fixture.now)
    _ = update(&state, .resize(size))
    state.openWorkbench(
      caseStudy: study, session: session, sessionName: "Team 3", readOnly: false,
      readOnlyReason: nil)
    if let workshop {
      state.joinWorkshop()
      _ = update(&state, .workshop(workshop))
    }
    return state
  }

  static func revealed(_ ids: [String]) -> WorkshopState {
    var w = WorkshopState()
    for id in ids { w.reveal(id, at: Fixture.now) }
    return w
  }

  func screen(_ state: AppState) -> String { render(state, size: Self.size).text }

  @Test func beforeTheRevealThePromptsWaitAndCannotBeAnswered() throws {
    var state = try Self.workbench(workshop: Self.revealed(["S0.D2"]))
    send(&state, .char("R"))
    let text = screen(state)
    assertGolden(text, "lessons-before-reveal-80x24")
    #expect(text.contains("1. after the decisions are revealed"))
    #expect(text.contains("Waiting for the facilitator to"))
    #expect(text.contains("reveal: A live demo in three weeks."))
    #expect(!text.contains("Helen wanted something working"), "no prompt before the reveal")
    send(&state, .enter)
    #expect(state.session?.reflections == nil)
    #expect(screen(state).contains("Opens after the decisions are revealed."))
  }

  @Test func afterTheRevealATeamAnswersInTheNoteEditorsBox() throws {
    var state = try Self.workbench(workshop: Self.revealed(["S0.D1", "S0.D2"]))
    send(&state, .char("R"))
    assertGolden(screen(state), "lessons-after-reveal-80x24")
    send(&state, .down, .enter)
    // `q` and Esc belong to the answer while it is written: typing never quits.
    type(&state, "Our price quoted Ola's three weeks")
    assertGolden(screen(state), "lessons-editing-80x24")
    #expect(state.session?.reflections == nil)
    send(&state, .ctrl("s"))
    let answer = "Our price quoted Ola's three weeks"
    #expect(state.session?.reflection("S0.L2") == answer)
    #expect(state.session?.events.last?.kind == .reflection)
    #expect(screen(state).contains("     " + answer))
    // Esc now closes the page again.
    send(&state, .escape)
    #expect(!screen(state).contains("Lessons learned"))
  }

  @Test func textBeingTypedIsKeptOnASaveOrASignal() throws {
    var state = try Self.workbench(workshop: Self.revealed(["S0.D1", "S0.D2"]))
    send(&state, .char("R"), .enter)
    type(&state, "Half a thought")
    let kept = state.commitPendingEdits()
    #expect(kept)
    #expect(state.session?.reflection("S0.L1") == "Half a thought")
  }

  @Test func onOnesOwnThePromptsOpenOnceTheDecisionsAreDecided() throws {
    var state = try Self.workbench(workshop: nil)
    send(&state, .char("R"))
    #expect(screen(state).contains("1. What? Helen wanted something working"))
    // Right goes to the next phase, whose decisions are not decided yet.
    send(&state, .right)
    let data = screen(state)
    #expect(data.contains("Lessons learned · 2 Data"))
    #expect(data.contains("decide The loyalty data and its"))
    #expect(data.contains("1. after the decisions are revealed"))
  }

  @Test func ownProjectModeHasNoPrompts() throws {
    let study = try Self.bikeShop()
    var state = AppState(
      caseStudies: [study], sessions: [], options: Fixture.options, now: Fixture.now)
    _ = update(&state, .resize(Self.size))
    state.openWorkbench(
      caseStudy: study,
      session: Session(
        participant: "Own", caseStudy: study, mode: .ownProject, now: Fixture.now),
      sessionName: "Own", readOnly: false, readOnlyReason: nil)
    send(&state, .char("R"))
    #expect(screen(state).contains("This phase has no lessons-learned questions."))
  }
}

/// The dashboard's notes page puts the class's answers side by side, per phase and prompt.
@Suite("Lessons learned on the dashboard")
struct DashboardLessonsTests {
  @Test func theNotesPageShowsEachTeamsAnswerUnderItsName() throws {
    var study = Fixture.caseStudy
    study.phases[0].facilitatorNotes = "Ask who changed their mind."
    study.phases[0].reflection = [
      ReflectionPrompt(id: "F.L1", prompt: "What? What did the pilot's scope decide for Marta?"),
      ReflectionPrompt(id: "F.L2", prompt: "So what? What would you tell Jonas now?"),
    ]
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("casebench-lessons-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let answers = [
      ("Team 1", "Two shops first: the third had one season."),
      ("Team 2", "All three, and it swung.\nWe would not again."),
      ("Team 3", ""),
    ]
    for (team, answer) in answers {
      var s = Session(participant: team, caseStudy: study, now: Fixture.now)
      s.answerReflection(answer, to: "F.L1", at: Fixture.now)
      try SessionStore.save(s, to: WorkshopJoin.url(team: team, caseStudyID: study.id, in: dir))
    }
    var d = Dashboard(
      folder: WorkshopFolder.read(dir, caseStudy: study), workshop: WorkshopState(),
      options: Fixture.options, now: Fixture.now)
    let size = Size(width: 80, height: 24)
    _ = d.update(.resize(size))
    _ = d.update(.key(.tab))
    _ = d.update(.key(.tab))
    let text = render(d, size: size).text
    assertGolden(text, "dashboard-notes-lessons-80x24")
    #expect(text.contains("Lessons learned (2 of 6 answers)"))
    #expect(text.contains("      Team 1\n"))
    #expect(text.contains("        All three, and it swung."))
    #expect(text.contains("Not answered yet: Team 3"))
    #expect(text.contains("F.L2 So what? What would you tell Jonas now?"))
  }
}
