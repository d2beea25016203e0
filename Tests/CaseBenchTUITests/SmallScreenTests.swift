import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports
import CaseBenchStore
import Foundation
import Testing

@testable import CaseBenchTUI

/// The workbench at 80×24, the size a newcomer's terminal often has (issue 21).
@Suite("80x24 and small defects")
struct SmallScreenTests {
  static let size = Size(width: 80, height: 24)

  /// The Bike Shop at 80×24 with a note on S0.1 whose last word only the note holds.
  static func state(cursor: String = "S0.2", note: String = shortNote) throws -> AppState {
    let study = try #require(CaseStudyCatalog.builtIn().first)
    var state = AppState(
      caseStudies: [study], sessions: [], options: Fixture.options, now: Fixture.now)
    _ = update(&state, .resize(size))
    var session = Session(participant: "Team A", caseStudy: study, now: Fixture.now)
    session.setNote(note, of: "S0.1", at: Fixture.now)
    session.moveCursor(phase: "sprint-0", item: cursor)
    state.openWorkbench(
      caseStudy: study, session: session, sessionName: "Team A", readOnly: false,
      readOnlyReason: nil)
    return state
  }

  static let shortNote =
    "Marta decides what to order in October.\nAsk the stocktake team about zebrawood."

  /// A note of twelve conversations, longer than the detail pane at 80×24: its last word is
  /// below the fold although the note comes first.
  static let longNote =
    (1...12).map { "- Conversation \($0): who, when, and what they said about the data." }
    .joined(separator: "\n") + "\n\nAsk the stocktake team about zebrawood."

  /// The rows of the screen that show `word` painted as a search match.
  static func highlightedRows(_ word: String, in buffer: ScreenBuffer) -> [Int] {
    let lines = buffer.text.components(separatedBy: "\n")
    return lines.indices.filter { y in
      guard let found = lines[y].range(of: word) else { return false }
      let x = DisplayWidth.of(String(lines[y][..<found.lowerBound]))
      return buffer[x, y].role == .match
    }
  }

  @Test func searchScrollsTheDetailPaneToTheMatchAndHighlightsIt() throws {
    // The note's last line sits below the fold: the note is longer than the pane at 80×24.
    let unscrolled = try Self.state(cursor: "S0.1", note: Self.longNote)
    try #require(unscrolled.workbench?.currentItem?.id == "S0.1")
    try #require(!render(unscrolled, size: Self.size).text.contains("zebrawood"))
    var state = try Self.state(note: Self.longNote)
    send(&state, .char("/"))
    type(&state, "zebrawood")
    send(&state, .enter)
    #expect(state.workbench?.currentItem?.id == "S0.1")
    let buffer = render(state, size: Self.size)
    #expect(Self.highlightedRows("zebrawood", in: buffer).count == 1, "\(buffer.text)")
    assertGolden(buffer.text, "search-scrolls-to-match-80x24")
  }

  /// The estimate's factor keys share the phase keys' label "1-9"; only the phase keys follow
  /// the case study's phase count.
  @Test func helpKeepsTheEstimatesOneToNine() {
    #expect(KeyTable.toolFactor.label(phases: 6) == "1-9")
    #expect(KeyTable.phase.label(phases: 6) == "1-6")
    let tools = HelpScreen.groups(phases: 6).first { $0.0 == HelpGroup.tools.rawValue }
    #expect(tools?.1.contains { $0.0 == "1-9" && $0.1.contains("estimate") } == true)
  }

  /// An N/A item is settled but not done, and the checklist's header says what it counts.
  @Test func checklistHeaderCountsDoneOrNotApplicable() throws {
    var state = try Self.state()
    send(&state, .char("x"))
    type(&state, "We have no stores")
    send(&state, .enter)
    // Row 0 is the phases, on one line at 80×24; the checklist's top border is row 1.
    let top = render(state, size: Self.size).text.components(separatedBy: "\n")[1]
    #expect(top.contains("1/"), "\(top)")
    #expect(top.contains(" done or N/A"), "\(top)")
  }

  /// Keys typed while "Terminal too small" shows would land in a note nobody can see.
  @Test func keysWhileTheTerminalIsTooSmallDoNothing() throws {
    var state = try Self.state()
    send(&state, .char("n"))
    type(&state, "seen")
    _ = update(&state, .resize(Size(width: 40, height: 12)))
    #expect(render(state, size: Size(width: 40, height: 12)).text.contains("too small"))
    type(&state, "unseen")
    _ = update(&state, .paste("pasted"))
    send(&state, .enter, .escape)
    _ = update(&state, .resize(Self.size))
    send(&state, .escape)
    #expect(state.workbench?.session.note(of: "S0.2") == "seen")
    // Ctrl-C still quits while the terminal is too small.
    _ = update(&state, .resize(Size(width: 40, height: 12)))
    #expect(!send(&state, .ctrl("c")).isEmpty)
  }

  /// A message longer than the bar wraps upwards instead of losing its end at 80 columns.
  @Test func aLongStatusMessageWrapsInsteadOfBeingCutOff() throws {
    var state = try Self.state()
    state.showMessage(
      "Write a sentence on why before confirming: the debrief reads your rationale aloud, "
        + "so say what you expect to happen next.", isError: true)
    let buffer = render(state, size: Self.size)
    let rows = buffer.text.components(separatedBy: "\n")
    #expect(rows[22].contains("Write a sentence on why before confirming"), "\(buffer.text)")
    #expect(rows[23].contains("to happen next."), "\(buffer.text)")
    assertGolden(buffer.text, "status-message-wraps-80x24")
    // One that fits beside the session's name and save state still shares the row.
    state.showMessage("Saved.", isError: false)
    let short = render(state, size: Self.size).text.components(separatedBy: "\n")
    #expect(short[23].contains("Team A") && short[23].contains("Saved."), "\(short[23])")
    #expect(short[22] != rows[22], "the row above the bar shows the workbench again")
  }

  /// The rationale reminder did not fit beside the save indicator and lost its last word.
  @Test func theRationaleReminderIsWhole() throws {
    var state = try Self.state()
    state.showMessage("Write a sentence on why before confirming.", isError: true)
    let bar = render(state, size: Self.size).text.components(separatedBy: "\n")[23]
    #expect(bar.contains("Write a sentence on why before confirming."), "\(bar)")
  }

  /// The note editor's scroll, kept from a smaller window, hid the note's first rows after the
  /// terminal grew.
  @Test func theNoteEditorShowsItsFirstRowAfterAResize() throws {
    var state = try Self.state()
    send(&state, .char("n"))
    type(&state, (1...30).map { String(format: "row %02d", $0) }.joined(separator: "\n"))
    let small = render(state, size: Self.size).text
    try #require(small.contains("row 30") && !small.contains("row 01"), "\(small)")
    let big = Size(width: 160, height: 60)
    _ = update(&state, .resize(big))
    let grown = render(state, size: big).text
    #expect(grown.contains("row 01") && grown.contains("row 30"), "\(grown)")
  }

  /// The detail pane called an extension item "optional" where the checklist marks it "ext" and
  /// the reports say "extension".
  @Test func anExtensionItemIsCalledAnExtension() throws {
    let state = try Self.state()
    let wb = try #require(state.workbench)
    let ext = try #require(
      (0..<wb.rowCount(wb.phase)).first {
        wb.row(wb.phase, $0).map { $0.item.level == .extension && !$0.item.required } ?? false
      })
    var shown = wb
    shown.select(phase: wb.phase, item: ext, detail: .item)
    let meta = DetailContent.lines(shown, options: state.options, width: 60)[1].text
    #expect(meta.contains("extension") && !meta.contains("optional"), "\(meta)")
  }

  /// After an outcome, Enter went past the list and closed the dialog; a participant taking
  /// Sprint 0's two decisions in turn landed back in the checklist.
  @Test func enterAfterAnOutcomeGoesBackToTheList() throws {
    var state = try Self.state()
    send(&state, .char("d"), .enter, .char("b"))
    type(&state, "Marta needs the order before October.")
    send(&state, .ctrl("s"))
    guard case .decision(let shown)? = state.overlay, case .outcome(0) = shown.stage else {
      Issue.record(
        "expected the first decision's outcome, got \(String(describing: state.overlay))")
      return
    }
    send(&state, .enter)
    guard case .decision(let back)? = state.overlay, case .pick(0) = back.stage else {
      Issue.record("expected the list, got \(String(describing: state.overlay))")
      return
    }
    let screen = render(state, size: Self.size).text
    #expect(screen.contains("2 decisions"), "\(screen)")
  }

  /// Ethics has 8 items where the others have 13 or 14, and its bar took the cell "0/8" left.
  /// (At 80×24 the phases are one line without bars; 100×40 has the phases pane, 28 wide.)
  @Test func everyPhaseBarHasTheSameLength() throws {
    let state = try Self.state()
    let rows = render(state, size: Size(width: 100, height: 40)).text
      .components(separatedBy: "\n")
    let bars = rows.map { row in row.prefix(28).filter { $0 == "░" || $0 == "█" }.count }
      .filter { $0 > 0 }
    #expect(bars.count == 6 + 1, "six phases and the overall bar: \(bars)")
    #expect(Set(bars.prefix(6)).count == 1, "\(bars)")
  }

  /// The start screen marks an own-project session, and two sessions with one team name show
  /// their file names.
  @Test func savedSessionsAreMarkedAndToldApart() throws {
    let study = try #require(CaseStudyCatalog.builtIn().first)
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("casebench-small-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let own = Session(participant: "Team A", caseStudy: study, mode: .ownProject, now: Fixture.now)
    let story = Session(participant: "Team A", caseStudy: study, now: Fixture.now)
    try SessionStore.save(own, to: dir.appendingPathComponent("team-a-own.json"))
    try SessionStore.save(story, to: dir.appendingPathComponent("team-a.json"))
    var storage = DiskStorage(folder: dir, searchDirectories: [])
    let details = storage.list().map(\.detail).sorted()
    #expect(details == ["bike-shop · own project · team-a-own.json", "bike-shop · team-a.json"])
  }
}
