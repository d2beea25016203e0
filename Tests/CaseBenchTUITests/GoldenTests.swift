import CaseBenchCore
import Foundation
import Testing

@testable import CaseBenchTUI

@Suite("Golden screens")
struct GoldenTests {
  @Test func startScreen() {
    let state = Fixture.startState()
    assertGolden(render(state, size: Size(width: 80, height: 24)).text, "start-80x24")
  }

  @Test func workbench80x24() {
    var state = Fixture.workbench()
    var s = Fixture.session()
    s.setStatus(.done, of: "frame-1", at: Fixture.now)
    s.setStatus(.doing, of: "frame-2", at: Fixture.now)
    s.setStatus(.notApplicable, of: "frame-3", reason: "one shop only", at: Fixture.now)
    s.setNote("Marta decides the spring order in January.", of: "frame-1", at: Fixture.now)
    s.setStatus(.done, of: "data-1", at: Fixture.now)
    s.setStatus(.blocked, of: "data-2", at: Fixture.now)
    state = Fixture.workbench(session: s)
    assertGolden(render(state, size: Size(width: 80, height: 24)).text, "workbench-80x24")
  }
}
