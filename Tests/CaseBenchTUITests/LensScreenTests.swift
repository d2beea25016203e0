import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports
import CaseBenchStore
import Foundation
import Testing

@testable import CaseBenchTUI

/// Lenses in the workbench (issue 20): their items in their phases, marked with the lens's
/// name and filtered; the ML Test Score's points and workings; adding a lens from the screens.
@Suite("Lens screens")
struct LensScreenTests {
  /// deon 0.3.0's default checklist, as the Core tests keep it.
  static let deon = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent(
      "CaseBenchDomainTests/Fixtures/deon-0.3.0/checklist.yml")

  static func bikeShop() throws -> CaseStudy { try #require(CaseStudyCatalog.builtIn().first) }

  /// A Bike Shop session with some work in it, before any lens.
  static func session(_ study: CaseStudy) -> Session {
    var session = Session(participant: "Team A", caseStudy: study, now: Fixture.now)
    session.setStatus(.done, of: "D.1", at: Fixture.now)
    session.setNote("Nadia has the till exports.", of: "D.1", at: Fixture.now)
    session.moveCursor(phase: "data", item: "D.1")
    return session
  }

  /// The session with the ML Test Score and deon's checklist added, as `lens add` adds them.
  static func withLenses(_ study: CaseStudy) throws -> Session {
    var session = Self.session(study)
    for spec in ["ml-test-score", deon.path] {
      let source = try LensSource.load(spec)
      try session.addLens(
        content: source.content, checklist: source.checklist, caseStudy: study, at: Fixture.now)
    }
    return session
  }

  static func state(size: Size, session: Session? = nil) throws -> AppState {
    let study = try bikeShop()
    var state = AppState(
      caseStudies: [study], sessions: [], options: Fixture.options, now: Fixture.now)
    _ = update(&state, .resize(size))
    state.openWorkbench(
      caseStudy: study, session: try session ?? withLenses(study), sessionName: "Team A",
      readOnly: false, readOnlyReason: nil)
    return state
  }

  /// Selects the row of `id` (a case study's id or `LENS:ITEM`) in the current phase.
  static func select(_ state: inout AppState, _ id: String) throws {
    var wb = try #require(state.workbench)
    let index = try #require(wb.rowIndex(wb.phase, id: id), "\(id) is not shown")
    wb.select(phase: wb.phase, item: index, detail: .item)
    wb.focus = .checklist
    state.workbench = wb
    state.fixScroll()
  }

  static let deonID = "data-science-ethics-checklist"

  /// `tag` is how the checklist names the rubric: by its initials in 120×40's middle column, in
  /// full across 80×24's whole width.
  @Test(arguments: [
    (120, 40, "[MLTS] Every feature e"), (80, 24, "[ML Test Score] The data pipeline"),
  ])
  func deonAndTheMLTestScoreShowInTheirPhaseMarkedWithTheirNames(
    width: Int, height: Int, tag: String
  ) throws {
    let size = Size(width: width, height: height)
    var state = try Self.state(size: size)
    let wb = try #require(state.workbench)
    #expect(wb.lenses.map(\.id) == ["ml-test-score", Self.deonID])
    #expect(wb.caseStudy.phases[wb.phase].id == "data")
    // The Data phase: its own items, then deon's sections A to C, then the rubric's data tests.
    let own = wb.caseStudy.phases[wb.phase].items.count
    #expect(wb.rowCount(wb.phase) == own + 12 + 7)
    try Self.select(&state, "\(Self.deonID):A.1")
    let screen = render(state, size: size).text
    #expect(screen.contains("[deon] Informed consent"))
    #expect(screen.contains("A.1 · [deon] · todo"))
    // In a narrow checklist the rubric's long name gives way to its initials.
    #expect(screen.contains(tag), "\(screen)")
    assertGolden(screen, "lens-workbench-\(width)x\(height)")
  }

  @Test func theFilterCyclesAllItemsTheCaseStudysAndEachLenss() throws {
    var state = try Self.state(size: Size(width: 120, height: 40))
    let own = try #require(state.workbench).caseStudy.phases[1].items.count
    var seen: [(String, Int)] = []
    for _ in 0..<4 {
      send(&state, .char("f"))
      let wb = try #require(state.workbench)
      let title =
        render(state, size: Size(width: 120, height: 40)).text
        .split(separator: "\n").first { $0.contains("2 Data") }.map(String.init) ?? ""
      seen.append((title, wb.rowCount(wb.phase)))
    }
    #expect(seen[0].0.contains("2 Data · case study only"))
    #expect(seen[0].1 == own)
    #expect(seen[1].0.contains("2 Data · ML Test Score only"))
    #expect(seen[1].1 == 7)
    #expect(seen[2].0.contains("2 Data · deon only"))
    #expect(seen[2].1 == 12)
    #expect(!seen[3].0.contains(" only"))
    #expect(seen[3].1 == own + 19)
    // The deon-only filter shows deon's items alone.
    send(&state, .char("f"), .char("f"), .char("f"))
    let wb = try #require(state.workbench)
    #expect(
      (0..<wb.rowCount(1)).allSatisfy { wb.row(1, $0)?.lens.map(LensTag.short) == "deon" })
    assertGolden(render(state, size: Size(width: 80, height: 24)).text, "lens-filter-deon-80x24")
  }

  @Test func lensItemsLeaveThePhaseBarsAndTheGatesAlone() throws {
    let size = Size(width: 120, height: 40)
    var state = try Self.state(size: size)
    let before = render(state, size: size)
    let progress = CaseBenchModel.Progress(
      caseStudy: try #require(state.workbench).caseStudy, session: try #require(state.session))
    // Every deon item in Data done, by the keys, on screen.
    send(&state, .char("f"), .char("f"), .char("f"))
    #expect(state.workbench?.filter == .lens(Self.deonID))
    send(&state, .char("g"))
    for _ in 0..<12 {
      send(&state, .char(" "), .char(" "), .char("j"))
    }
    let session = try #require(state.session)
    #expect(session.status(of: "\(Self.deonID):A.1") == .done)
    #expect(session.status(of: "\(Self.deonID):C.5") == .done)
    let after = render(state, size: size)
    let phases = WorkbenchLayout(size: size, for: state.workbench).phases
    for y in phases.y..<(phases.y + phases.h) {
      let row = { (b: ScreenBuffer) in
        (phases.x..<(phases.x + phases.w)).map { b[$0, y].text }.joined()
      }
      #expect(row(before) == row(after), "phase bars changed on row \(y)")
    }
    let now = CaseBenchModel.Progress(
      caseStudy: try #require(state.workbench).caseStudy, session: session)
    #expect(now == progress)
  }

  @Test func spaceGivesATestHalfAPointThenOneAndThePageShowsTheWorkings() throws {
    var state = try Self.state(size: Size(width: 120, height: 40))
    try Self.select(&state, "ml-test-score:Data.1")
    send(&state, .char(" "))
    #expect(state.session?.points(of: "ml-test-score:Data.1") == .byHand)
    #expect(state.session?.status(of: "ml-test-score:Data.1") == .todo)
    try Self.select(&state, "ml-test-score:Data.2")
    send(&state, .char(" "), .char(" "))
    #expect(state.session?.points(of: "ml-test-score:Data.2") == .automated)
    // Monitoring stays at 0, so it sets the final score.
    let item = render(state, size: Size(width: 120, height: 40)).text
    #expect(item.contains("Data.2 · [ML Test Score] · 1 points"))
    #expect(item.contains("Data 1.5 · Model 0 ·"))
    assertGolden(item, "lens-ml-test-120x40")
    send(&state, .char("S"))
    for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
      _ = update(&state, .resize(size))
      let page = render(state, size: size).text
      #expect(page.contains("Lens scores"))
      assertGolden(page, "lens-scores-\(size.width)x\(size.height)")
    }
    let page = render(state, size: Size(width: 120, height: 40)).text
    #expect(page.contains("Data            1.5 of 7  (1 automated, 1 by hand, 5 not done)"))
    #expect(page.contains("the minimum is 0 (Model, Infrastructure, Monitoring)"))
    #expect(page.contains("Final score 0, band 0: more a research project"))
    // Space again: back to 0.
    send(&state, .escape, .char(" "))
    #expect(state.session?.points(of: "ml-test-score:Data.2") == TestPoints.none)
  }

  @Test func theEthicsLensListsDeonsItemsUnderItsName() throws {
    var state = try Self.state(size: Size(width: 120, height: 40))
    let wb = try #require(state.workbench)
    let rows = StoryPages.ethicsRows(wb)
    let deonRows = rows.filter { $0.lens?.id == Self.deonID }
    #expect(deonRows.count == 21)
    // Grouped, after the case study's: the ML Test Score's ethics tests (added first), then
    // every deon item.
    let firstLens = try #require(rows.firstIndex { $0.lens != nil })
    #expect(rows[..<firstLens].allSatisfy { $0.lens == nil })
    let first = try #require(rows.firstIndex { $0.lens?.id == Self.deonID })
    #expect(rows[firstLens..<first].allSatisfy { $0.lens?.id == "ml-test-score" })
    #expect(rows[first...].allSatisfy { $0.lens?.id == Self.deonID })
    send(&state, .char("L"), .char("g"))
    for _ in 0..<first { send(&state, .char("j")) }
    let screen = render(state, size: Size(width: 120, height: 40)).text
    #expect(screen.contains("[deon] Informed consent"))
    #expect(screen.contains("── Data Science Ethics Checklist [deon]"))
    #expect(screen.contains("── ML Test Score (2017 rubric) [ML Test Score]"))
    assertGolden(screen, "lens-ethics-120x40")
    // Enter goes to it in its phase, with every item shown.
    send(&state, .enter)
    #expect(state.workbench?.currentItem?.id == "\(Self.deonID):A.1")
    #expect(state.workbench?.caseStudy.phases[state.workbench?.phase ?? 0].id == "data")
  }

  @Test func addingALensFromTheWorkbenchKeepsEverythingTheSessionHad() throws {
    let study = try Self.bikeShop()
    var state = try Self.state(size: Size(width: 120, height: 40), session: Self.session(study))
    let before = try #require(state.session)
    send(&state, .char("+"))
    let prompt = render(state, size: Size(width: 120, height: 40)).text
    #expect(
      prompt.contains("Add a lens (ml-test-score, or a lens file's or deon checklist's path)"))
    _ = update(&state, .resize(Size(width: 80, height: 24)))
    let narrow = render(state, size: Size(width: 80, height: 24)).text
    #expect(narrow.contains(" Add a lens (ml-test-score, or a path):"))
    let commands = type(&state, Self.deon.path) + send(&state, .enter)
    #expect(commands == [.loadLens(Self.deon.path)])
    _ = update(&state, .lensLoaded(try LensSource.load(Self.deon.path)))
    let after = try #require(state.session)
    #expect(after.lensRecords.map(\.id) == [Self.deonID])
    #expect(after.items == before.items)
    #expect(after.decisions == before.decisions)
    #expect(after.toolkit == before.toolkit)
    #expect(after.cursor == before.cursor)
    #expect(Array(after.events.prefix(before.events.count)) == before.events)
    #expect(state.workbench?.lenses.map(\.id) == [Self.deonID])
    #expect(state.message?.text.hasPrefix("Added lens deon (21 items)") == true)
  }

  @Test func aBrokenDeonFileGivesALocatedErrorAndNoLens() throws {
    // A long path: the status bar names the file by its name, so the place stays on screen.
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("casebench-lens-screen-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let broken = dir.appendingPathComponent("checklist.yml")
    try """
    title: Broken checklist
    sections:
      - title: Data Collection
        section_id: A
        lines:
          - line_id: A.1
            line: "Consent was asked for."
    """.write(to: broken, atomically: true, encoding: .utf8)
    // Through the program, as a user would: the key, the path, Enter; then quit.
    let keys: [Event?] =
      [ProgramTests.key(.char("+"))] + broken.path.map { ProgramTests.key(.char($0)) }
      + [ProgramTests.key(.enter)] + ProgramTests.idle(2)
      + [ProgramTests.key(.char("q")), ProgramTests.key(.char("y"))]
    var rig = ProgramTests.make(keys)
    let before = try #require(rig.storage.files[ProgramTests.file])
    #expect(rig.program.run() == 0)
    let shown = try #require(
      rig.terminal.frames.last { $0.text.contains("Can't add the lens:") }?.text)
    #expect(
      shown.contains("Can't add the lens: checklist.yml:6:9: error: missing key 'line_summary'"),
      "located: \(shown)")
    let saved = try #require(rig.storage.files[ProgramTests.file])
    #expect(saved.lensRecords.isEmpty)
    #expect(saved.items == before.items)
    // The error as the status bar gets it, in full.
    do {
      _ = try LensSource.load(broken.path)
      Issue.record("a deon line without line_summary loaded")
    } catch {
      let first = LensText.firstError(error)
      #expect(first.hasPrefix("\(broken.path):6:"))
      #expect(first.contains("line_summary"))
    }
  }

  @Test func plusOnASavedSessionOpensItAndAsksForTheLens() throws {
    var state = Fixture.startState()
    let commands = send(&state, .char("+"))
    #expect(commands == [.openSession(path: Fixture.entries[0].path)])
    let file = SessionFile(
      url: URL(fileURLWithPath: Fixture.entries[0].path), caseStudy: Fixture.caseStudy,
      session: Fixture.session())
    _ = update(&state, .sessionOpened(file, created: false))
    guard case .addLens = state.overlay else {
      Issue.record("the add-a-lens prompt is not open: \(String(describing: state.overlay))")
      return
    }
    // On a case study rather than a session, + says what it wants.
    var start = Fixture.startState()
    #expect(send(&start, .char("g"), .char("+")).isEmpty)
    #expect(start.message?.text == "Select a saved session to add a lens to it.")
  }

  @Test func minusTakesALensOffAndPlusWithItsIdBringsItBackWithItsAnswers() throws {
    var state = try Self.state(size: Size(width: 120, height: 40))
    let own = try #require(state.workbench).caseStudy.phases[1].items.count
    try Self.select(&state, "\(Self.deonID):A.1")
    send(&state, .char(" "))
    #expect(state.session?.status(of: "\(Self.deonID):A.1") == .doing)
    send(&state, .char("-"))
    let session = try #require(state.session)
    #expect(session.lensRecords.first { $0.id == Self.deonID }?.isActive == false)
    #expect(session.status(of: "\(Self.deonID):A.1") == .doing, "its answer stays in the file")
    let wb = try #require(state.workbench)
    #expect(wb.lenses.map(\.id) == ["ml-test-score"])
    #expect(wb.rowCount(wb.phase) == own + 7)
    #expect(wb.item < wb.rowCount(wb.phase))
    #expect(state.message?.text.hasPrefix("Took off the lens deon") == true)
    // + with its id: back, from the text the session kept, with its answer.
    send(&state, .char("+"))
    let commands = type(&state, Self.deonID) + send(&state, .enter)
    #expect(commands.isEmpty)
    #expect(state.workbench?.lenses.map(\.id) == ["ml-test-score", Self.deonID])
    #expect(state.session?.status(of: "\(Self.deonID):A.1") == .doing)
    #expect(state.message?.text.hasPrefix("Added lens deon (21 items)") == true)
    // On one of the case study's items, - says what it wants and takes nothing off.
    try Self.select(&state, "D.1")
    send(&state, .char("-"))
    #expect(state.workbench?.lenses.count == 2)
    #expect(state.message?.text.hasPrefix("Select an item of a lens") == true)
  }
}
