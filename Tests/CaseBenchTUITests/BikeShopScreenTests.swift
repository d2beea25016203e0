import CaseBenchLoading
import CaseBenchModel
import Foundation
import Testing

@testable import CaseBenchTUI

/// The real Bike Shop on screen, so a content change that breaks a layout shows in review.
@Suite("Bike Shop screens")
struct BikeShopScreenTests {
  static func state(
    size: Size, facilitator: Bool = false, mode: SessionMode = .caseStudy
  ) throws -> AppState {
    let study = try #require(CaseStudyCatalog.builtIn().first)
    var options = Fixture.options
    options.facilitator = facilitator
    var state = AppState(
      caseStudies: [study], sessions: [], options: options, now: Fixture.now)
    _ = update(&state, .resize(size))
    var session = Session(participant: "Team A", caseStudy: study, mode: mode, now: Fixture.now)
    session.setStatus(.done, of: "S0.1", at: Fixture.now)
    session.setNote(
      "Café <b>日本</b> ✓ — Nadia knows where the data is buried 🚲", of: "S0.1", at: Fixture.now)
    session.moveCursor(phase: "sprint-0", item: "S0.1")
    state.openWorkbench(
      caseStudy: study, session: session, sessionName: "Team A", readOnly: false,
      readOnlyReason: nil)
    return state
  }

  @Test(arguments: [(80, 24), (200, 50)])
  func workbench(width: Int, height: Int) throws {
    let state = try Self.state(size: Size(width: width, height: height))
    // The session has work in it, so it opens on its cursor's item, not on the briefing.
    #expect(state.workbench?.detailMode == .item)
    #expect(state.workbench?.currentItem?.id == "S0.1")
    let buffer = render(state, size: Size(width: width, height: height))
    assertGolden(buffer.text, "bike-shop-workbench-\(width)x\(height)")
  }

  @Test func decisionDialogOnTheFirstDecision() throws {
    var state = try Self.state(size: Size(width: 80, height: 24))
    _ = update(&state, .key(.char("d")))
    _ = update(&state, .key(.enter))
    assertGolden(render(state, size: Size(width: 80, height: 24)).text, "bike-shop-decision-80x24")
  }

  /// The facilitator's briefing: the schedule, the facilitator notes and the model answers.
  @Test func facilitatorBriefing() throws {
    let size = Size(width: 120, height: 60)
    var state = try Self.state(size: size, facilitator: true)
    #expect(state.workbench?.detailMode == .item)
    _ = update(&state, .key(.char("b")))
    #expect(state.workbench?.detailMode == .briefing)
    let screen = render(state, size: size).text
    #expect(screen.contains("Schedule: read "))
    #expect(screen.contains("Facilitator notes"))
    #expect(screen.contains("FACILITATOR"))
    assertGolden(screen, "bike-shop-facilitator-briefing-120x60")
  }

  /// Model answers are the facilitator's: the participant's briefing never shows them.
  @Test func modelAnswersAreShownOnlyToFacilitators() throws {
    let size = Size(width: 120, height: 200)
    for facilitator in [true, false] {
      var state = try Self.state(size: size, facilitator: facilitator)
      #expect(state.workbench?.detailMode == .item)
      _ = update(&state, .key(.char("b")))
      #expect(state.workbench?.detailMode == .briefing)
      let screen = render(state, size: size).text
      #expect(screen.contains("Briefing"))
      #expect(screen.contains("Model answers") == facilitator, "facilitator: \(facilitator)")
      #expect(screen.contains("Between 180 and 260") == facilitator, "facilitator: \(facilitator)")
    }
  }

  /// The facilitator's decision dialog before a choice: every option's verdict and debrief.
  @Test func facilitatorDecisionBeforeAChoice() throws {
    let size = Size(width: 100, height: 40)
    var state = try Self.state(size: size, facilitator: true)
    _ = update(&state, .key(.char("d")))
    _ = update(&state, .key(.enter))
    let screen = render(state, size: size).text
    #expect(screen.contains("Debrief: "))
    // Third edition: S0.D1's recommended option sits last, below the fold at 40 rows.
    #expect(screen.contains("defensible") && screen.contains("poor"))
    assertGolden(screen, "bike-shop-facilitator-decision-100x40")
    // The participant sees neither.
    var participant = try Self.state(size: size)
    _ = update(&participant, .key(.char("d")))
    _ = update(&participant, .key(.enter))
    let plain = render(participant, size: size).text
    #expect(
      !plain.contains("Debrief") && !plain.contains("recommended")
        && !plain.contains("defensible"))
  }

  /// Core items first, extension items after them, marked "ext".
  @Test func checklistPutsCoreFirstAndMarksExtensions() throws {
    let size = Size(width: 120, height: 40)
    let state = try Self.state(size: size)
    let study = try #require(CaseStudyCatalog.builtIn().first)
    let phase = study.phases[0]
    let screen = render(state, size: size).text
    let rows = screen.split(separator: "\n").map(String.init)
    let firstExtension = try #require(phase.items.first { $0.level == .extension })
    let lastCore = try #require(phase.items.last { $0.level == .core })
    let extRow = try #require(
      rows.firstIndex { $0.contains(String(firstExtension.title.prefix(20))) })
    let coreRow = try #require(rows.firstIndex { $0.contains(String(lastCore.title.prefix(20))) })
    #expect(coreRow < extRow, "core items come first")
    #expect(rows[extRow].contains(" ext "), "extension items are marked: \(rows[extRow])")
    #expect(!rows[coreRow].contains(" ext "))
  }

  /// Own-project mode has no decision points on screen.
  @Test func ownProjectHidesDecisionPoints() throws {
    let size = Size(width: 120, height: 40)
    var state = try Self.state(size: size, mode: .ownProject)
    #expect(state.workbench?.detailMode == .item)
    _ = update(&state, .key(.char("b")))
    #expect(state.workbench?.detailMode == .briefing)
    let screen = render(state, size: size).text
    #expect(!screen.contains("decision"), "\(screen)")
    #expect(!screen.contains("Decision"))
    _ = update(&state, .key(.char("d")))
    let after = render(state, size: size).text
    #expect(after.contains("Own-project mode has no decision points"))
  }

  /// Options are listed in the author's order under position letters; a recorded choice is shown
  /// under the letter it was listed with, not its id (3.0.0 lists S0.D1's option a second).
  @Test func aChoiceIsShownUnderTheLetterItWasListedWith() throws {
    let study = try #require(CaseStudyCatalog.builtIn().first)
    let decision = try #require(study.phases[0].decisions.first)
    let second = decision.options[1]
    #expect(second.id != "b", "the fixture needs an option whose id is not its position")
    #expect(DecisionDialog.shownLetter(of: second.id, in: decision) == "b")
    #expect(DecisionDialog.shownLetter(of: "gone", in: decision) == "gone")
    let size = Size(width: 100, height: 40)
    var state = try Self.state(size: size)
    _ = update(&state, .key(.char("d")))
    _ = update(&state, .key(.enter))
    _ = update(&state, .key(.down))
    _ = update(&state, .key(.enter))
    _ = update(&state, .paste("Second thoughts"))
    _ = update(&state, .key(.ctrl("s")))
    let screen = render(state, size: size).text
    #expect(screen.contains("What happened next"))
    #expect(screen.contains("b) \(second.label.prefix(30))"), "\(screen)")
  }
}
