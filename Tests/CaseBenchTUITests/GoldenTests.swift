import CaseBenchModel
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
    let state = Fixture.workbench(session: GoldenTests.progressed())
    assertGolden(render(state, size: Size(width: 80, height: 24)).text, "workbench-80x24")
  }
}

extension GoldenTests {
  static func progressed() -> Session {
    var s = Fixture.session()
    s.setStatus(.done, of: "frame-1", at: Fixture.now)
    s.setStatus(.doing, of: "frame-2", at: Fixture.now)
    s.setStatus(.notApplicable, of: "frame-3", reason: "one shop only", at: Fixture.now)
    s.setNote("Marta decides the spring order in January.", of: "frame-1", at: Fixture.now)
    s.setStatus(.done, of: "data-1", at: Fixture.now)
    s.setStatus(.blocked, of: "data-2", at: Fixture.now)
    return s
  }

  @Test func workbench160x48() {
    var state = Fixture.workbench(size: Size(width: 160, height: 48), session: Self.progressed())
    send(&state, .char("h"))
    _ = update(
      &state,
      .saved(
        revision: state.sessionRevision, cursorRevision: state.cursorRevision, at: Fixture.now))
    assertGolden(render(state, size: Size(width: 160, height: 48)).text, "workbench-160x48")
  }

  @Test func narrowLayout() {
    var state = Fixture.workbench(size: Size(width: 64, height: 20), session: Self.progressed())
    send(&state, .char("2"))
    assertGolden(render(state, size: Size(width: 64, height: 20)).text, "workbench-narrow-64x20")
  }

  @Test func asciiWorkbench() {
    var opts = Fixture.options
    opts.unicode = false
    let state = Fixture.workbench(options: opts, session: Self.progressed())
    assertGolden(render(state, size: Size(width: 80, height: 24)).text, "workbench-ascii-80x24")
  }

  @Test func helpOverlay() {
    var state = Fixture.workbench()
    send(&state, .char("?"))
    assertGolden(render(state, size: Size(width: 80, height: 24)).text, "help-80x24")
  }

  @Test func decisionChoosing() {
    var state = Fixture.workbench()
    send(&state, .char("d"), .enter, .down)
    assertGolden(render(state, size: Size(width: 80, height: 24)).text, "decision-choose-80x24")
  }

  @Test func decisionRationale() {
    var state = Fixture.workbench()
    send(&state, .char("d"), .enter, .char("b"))
    type(&state, "Two shops have history; the third can join later.")
    assertGolden(render(state, size: Size(width: 80, height: 24)).text, "decision-rationale-80x24")
  }

  @Test func decisionConsequence() {
    var opts = Fixture.options
    opts.facilitator = true
    var state = Fixture.workbench(options: opts)
    send(&state, .char("d"), .enter, .char("b"))
    type(&state, "Two shops have history; the third can join later.")
    send(&state, .ctrl("s"))
    assertGolden(render(state, size: Size(width: 80, height: 24)).text, "decision-outcome-80x24")
  }

  @Test func noteWithWideCharacters() {
    var state = Fixture.workbench()
    send(&state, .char("n"))
    type(&state, "Café <b>日本</b> ✓")
    send(&state, .enter)
    type(&state, "🚲 bikes: 日本語のテキスト wraps by width, not by count")
    let buf = render(state, size: Size(width: 80, height: 24))
    assertGolden(buf.text, "note-wide-80x24")
    #expect(buf.cursor != nil)
  }

  @Test func tooSmall() {
    let state = Fixture.workbench()
    assertGolden(render(state, size: Size(width: 40, height: 10)).text, "too-small-40x10")
  }

  @Test func startNewSessionPrompt() {
    var state = Fixture.startState()
    send(&state, .char("g"), .enter)
    type(&state, "Team Rocket")
    send(&state, .tab)
    assertGolden(render(state, size: Size(width: 80, height: 24)).text, "start-new-session-80x24")
  }
}

extension GoldenTests {
  @Test func workbenchRoles() {
    var state = Fixture.workbench(session: Self.progressed())
    send(&state, .down)
    assertGolden(render(state, size: Size(width: 80, height: 24)).roleMap, "workbench-roles-80x24")
  }
}

extension GoldenTests {
  @Test func freshSessionBriefing() {
    let state = Fixture.workbench()
    assertGolden(render(state, size: Size(width: 80, height: 24)).text, "workbench-fresh-80x24")
  }
}
