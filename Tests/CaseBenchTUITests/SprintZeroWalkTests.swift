import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports
import CaseBenchStore
import Foundation
import Testing

@testable import CaseBenchTUI

/// Issue 21: a participant walks Sprint 0 at 80×24 (read, status, note, hint, decision, search)
/// and after every step sees what was just done without scrolling the detail pane. A golden of
/// the screen after each step shows it; tests/e2e scenario 27 does the same walk in tmux.
@Suite("Sprint 0 at 80x24")
struct SprintZeroWalkTests {
  static let size = Size(width: 80, height: 24)
  static let note = "We test the hypothesis on last spring's sales at Thornby."

  /// A new Bike Shop session, as `casebench new --open` shows it: on the phase's briefing.
  static func fresh() throws -> AppState {
    let study = try #require(CaseStudyCatalog.builtIn().first)
    var state = AppState(
      caseStudies: [study], sessions: [], options: Fixture.options, now: Fixture.now)
    _ = update(&state, .resize(size))
    state.openWorkbench(
      caseStudy: study, session: Session(participant: "Team A", caseStudy: study, now: Fixture.now),
      sessionName: "Team A", readOnly: false, readOnlyReason: nil)
    return state
  }

  static func rows(_ state: AppState) -> [String] {
    render(state, size: size).text.components(separatedBy: "\n")
  }

  /// The rows inside the detail pane's border, as drawn now.
  static func detailRows(_ state: AppState) -> [String] {
    let inner = WorkbenchLayout(size: size, for: state.workbench).detail.inner
    return Array(rows(state)[inner.y..<(inner.y + inner.h)])
  }

  /// The detail pane shows `text` (each of its words in order on consecutive rows, as wrapped).
  static func detailShows(_ text: String, _ state: AppState) -> Bool {
    let flat = detailRows(state).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "│ ")) }
      .joined(separator: " ")
    return flat.contains(text)
  }

  @Test func theWalkNeverNeedsTheDetailPaneScrolled() throws {
    var state = try Self.fresh()
    let hints = { (s: AppState) in Self.rows(s)[23] }

    // Read: the briefing, from its first line.
    #expect(state.workbench?.detailMode == .briefing)
    #expect(Self.detailRows(state)[0].contains("Phase 1 of 6: Sprint 0"))
    #expect(Self.detailShows("Goal Find the real requirement", state))
    #expect(hints(state).contains("Space status") && hints(state).contains("n note"))
    assertGolden(render(state, size: Self.size).text, "walk-80x24-1-briefing")

    // Status: the second item, doing, in the checklist and in the detail pane.
    send(&state, .char("j"), .char(" "))
    #expect(state.workbench?.currentItem?.id == "S0.3")
    #expect(Self.rows(state).contains { $0.contains("│ [~] Write the project hypothesis") })
    #expect(Self.detailShows("S0.3 · required · doing", state))
    #expect(state.workbench?.detailScroll == 0)
    assertGolden(render(state, size: Self.size).text, "walk-80x24-2-status")

    // Note: written and kept, then shown under the item's title.
    send(&state, .char("n"))
    type(&state, Self.note)
    send(&state, .escape)
    #expect(state.workbench?.session.note(of: "S0.3") == Self.note)
    #expect(Self.detailShows("Note " + Self.note, state))
    #expect(
      Self.rows(state).contains { $0.contains("Write the project hypothesis") && $0.contains("✎") })
    #expect(state.workbench?.detailScroll == 0)
    #expect(hints(state).contains("h hint") || hints(state).contains("Note saved"))
    assertGolden(render(state, size: Self.size).text, "walk-80x24-3-note")

    // Hint: the whole of it, and the note still above it.
    let hint = try #require(state.workbench?.currentItem?.hint)
    send(&state, .char("h"))
    let words = hint.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(Self.detailShows("Hint " + words, state), "\(Self.detailRows(state))")
    #expect(Self.detailShows(Self.note, state))
    #expect(state.workbench?.detailScroll == 0)
    assertGolden(render(state, size: Self.size).text, "walk-80x24-4-hint")

    // Decision: the first of the phase's two, option b, with a rationale.
    send(&state, .char("d"), .enter, .char("b"))
    type(&state, "The bank wants to see the real thing.")
    send(&state, .ctrl("s"))
    let decision = try #require(state.workbench?.caseStudy.phases[0].decisions.first)
    let chosen = try #require(state.workbench?.session.decisions[decision.id]?.option)
    #expect(DecisionDialog.shownLetter(of: chosen, in: decision) == "b")
    #expect(render(state, size: Self.size).text.contains("b) "))
    assertGolden(render(state, size: Self.size).text, "walk-80x24-5-outcome")
    send(&state, .enter, .escape)
    #expect(state.overlay == .none)
    // The checklist's footer says which letter was chosen; the item is as it was left.
    #expect(Self.rows(state).contains { $0.contains("d: 1/2 decisions taken (b)") })
    #expect(Self.detailShows("Note " + Self.note, state))
    #expect(state.workbench?.detailScroll == 0)
    assertGolden(render(state, size: Self.size).text, "walk-80x24-6-decided")

    // Search: the match is selected, scrolled into view and highlighted.
    send(&state, .char("/"))
    type(&state, "Nadia")
    send(&state, .enter)
    let buffer = render(state, size: Self.size)
    let inner = WorkbenchLayout(size: Self.size, for: state.workbench).detail.inner
    let lit = SmallScreenTests.highlightedRows("Nadia", in: buffer)
    #expect(lit.contains { inner.y..<(inner.y + inner.h) ~= $0 }, "\(buffer.text)")
    #expect(buffer.text.contains("match 1 of"))
    assertGolden(buffer.text, "walk-80x24-7-search")
  }

  /// The phases line says more where there is room: counts and readiness at 120 columns would
  /// be the wide layout, so 100×24 (still short) shows titles and the readiness.
  @Test func thePhasesLineUsesTheRoomItHas() throws {
    var state = try Self.fresh()
    let wide = Size(width: 100, height: 24)
    _ = update(&state, .resize(wide))
    let top = render(state, size: wide).text.components(separatedBy: "\n")[0]
    #expect(top.hasPrefix(" 1 Sprint 0 │ 2 Data │ 3 Modelling"), "\(top)")
    #expect(top.hasSuffix("Readiness 0%"), "\(top)")
    // At 60 columns the other phases give up their titles' ends, never the selected one's.
    let narrow = Size(width: 60, height: 16)
    send(&state, .char("2"))
    let line = render(state, size: narrow).text.components(separatedBy: "\n")[0]
    #expect(line.contains(" 2 Data "), "\(line)")
    #expect(line.contains(" 6 "), "\(line)")
    #expect(DisplayWidth.of(line) <= narrow.width)
  }

  /// Moving down the short checklist keeps the next item in view.
  @Test func theShortChecklistShowsTheItemAfterTheSelection() throws {
    var state = try Self.fresh()
    send(&state, .char("j"), .char("j"), .char("j"), .char("j"), .char("j"))
    let wb = try #require(state.workbench)
    let next = try #require(wb.row(wb.phase, wb.item + 1)?.item.title)
    #expect(Self.rows(state).contains { $0.contains(next) }, "\(Self.rows(state))")
  }
}
