import CaseBenchCore
import Foundation
import Testing

@testable import CaseBenchTUI

/// The real Bike Shop on screen, so a content change that breaks a layout shows in review.
@Suite("Bike Shop screens")
struct BikeShopScreenTests {
  static func state(size: Size) throws -> AppState {
    let study = try #require(CaseStudyCatalog.builtIn().first)
    var state = AppState(
      caseStudies: [study], sessions: [], options: Fixture.options, now: Fixture.now)
    _ = update(&state, .resize(size))
    var session = Session(participant: "Team A", caseStudy: study, now: Fixture.now)
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
    var state = try Self.state(size: Size(width: width, height: height))
    if render(state, size: Size(width: width, height: height)).text.contains("Briefing") {
      _ = update(&state, .key(.char("b")))  // a new session opens on the briefing; show the item
    }
    let buffer = render(state, size: Size(width: width, height: height))
    assertGolden(buffer.text, "bike-shop-workbench-\(width)x\(height)")
  }

  @Test func decisionDialogOnTheFirstDecision() throws {
    var state = try Self.state(size: Size(width: 80, height: 24))
    _ = update(&state, .key(.char("d")))
    _ = update(&state, .key(.enter))
    assertGolden(render(state, size: Size(width: 80, height: 24)).text, "bike-shop-decision-80x24")
  }
}
