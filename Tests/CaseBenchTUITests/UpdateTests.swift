import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports
import CaseBenchStore
import Foundation
import Testing

@testable import CaseBenchTUI

@Suite("Workbench keys")
struct WorkbenchKeyTests {
  @Test func opensOnTheSessionCursorWithTheChecklistFocused() {
    var s = Fixture.session()
    s.moveCursor(phase: "data", item: "data-2")
    s.setStatus(.done, of: "data-1", at: Fixture.now)
    let state = Fixture.workbench(session: s)
    #expect(state.workbench?.phase == 1)
    #expect(state.workbench?.item == 1)
    #expect(state.workbench?.focus == .checklist)
    #expect(state.workbench?.detailMode == .item)
  }

  @Test func newSessionStartsOnTheFirstItemWithTheBriefing() {
    var state = Fixture.workbench()
    #expect(state.workbench?.phase == 0)
    #expect(state.workbench?.currentItem?.id == "frame-1")
    #expect(state.workbench?.focus == .checklist)
    #expect(state.workbench?.detailMode == .briefing)
    send(&state, .down, .up)
    #expect(state.workbench?.detailMode == .item)
  }

  @Test func movesWithArrowsAndVimKeys() {
    var state = Fixture.workbench()
    send(&state, .down, .char("j"))
    #expect(state.workbench?.item == 2)
    send(&state, .up)
    #expect(state.workbench?.item == 1)
    send(&state, .char("k"), .char("k"))
    #expect(state.workbench?.item == 0)
    send(&state, .char("G"))
    #expect(state.workbench?.item == 3)
    send(&state, .char("g"))
    #expect(state.workbench?.item == 0)
    send(&state, .end)
    #expect(state.workbench?.item == 3)
    send(&state, .home, .pageDown)
    #expect(state.workbench?.item == 3)
    send(&state, .pageUp)
    #expect(state.workbench?.item == 0)
    #expect(state.session?.cursor == SessionCursor(phase: "frame", item: "frame-1"))
  }

  @Test func navigationMovesTheCursorWithoutLogging() {
    var state = Fixture.workbench()
    let events = state.session?.events.count
    let revision = state.sessionRevision
    let cursorRevision = state.cursorRevision
    send(&state, .down)
    #expect(state.session?.cursor?.item == "frame-2")
    #expect(state.session?.events.count == events)
    #expect(state.sessionRevision == revision, "looking is not a change that needs a save")
    #expect(state.cursorRevision == cursorRevision + 1, "but the resume point moved")
  }

  @Test func tabCyclesPanesAndArrowsMoveBetweenThem() {
    var state = Fixture.workbench()
    send(&state, .tab)
    #expect(state.workbench?.focus == .detail)
    send(&state, .tab)
    #expect(state.workbench?.focus == .phases)
    #expect(state.workbench?.detailMode == .briefing)
    send(&state, .backTab)
    #expect(state.workbench?.focus == .detail)
    send(&state, .left, .left, .left)
    #expect(state.workbench?.focus == .phases)
    send(&state, .right)
    #expect(state.workbench?.focus == .checklist)
  }

  @Test func phasesPaneMovesBetweenPhasesAndShowsTheBriefing() {
    var state = Fixture.workbench()
    send(&state, .escape)
    #expect(state.workbench?.focus == .phases)
    send(&state, .down)
    #expect(state.workbench?.phase == 1)
    #expect(state.workbench?.detailMode == .briefing)
    send(&state, .enter)
    #expect(state.workbench?.focus == .checklist)
    send(&state, .down)
    #expect(state.workbench?.detailMode == .item)
    #expect(state.workbench?.currentItem?.id == "data-2")
    send(&state, .enter)
    #expect(state.workbench?.focus == .detail)
    send(&state, .escape)
    #expect(state.workbench?.focus == .checklist)
  }

  @Test func numberKeysJumpToPhasesAndRememberTheItem() {
    var state = Fixture.workbench()
    send(&state, .down, .down, .char("3"))
    #expect(state.workbench?.phase == 2)
    #expect(state.workbench?.detailMode == .briefing)
    #expect(state.session?.cursor?.phase == "model")
    send(&state, .char("1"))
    #expect(state.workbench?.item == 2)
    send(&state, .char("9"))
    #expect(state.workbench?.phase == 0)
    #expect(state.message?.text == "There are 6 phases.")
  }

  @Test func detailScrollsWhenFocused() {
    // At 60×16 the item is several times longer than the detail pane.
    var state = Fixture.workbench(size: Size(width: 60, height: 16))
    send(&state, .enter)
    #expect(state.workbench?.focus == .detail)
    send(&state, .char("j"), .char("j"))
    #expect(state.workbench?.detailScroll == 2)
    send(&state, .char("G"))
    let max = state.workbench?.detailScroll ?? 0
    #expect(max > 2)
    send(&state, .down)
    #expect(state.workbench?.detailScroll == max)
    send(&state, .char("g"))
    #expect(state.workbench?.detailScroll == 0)
  }

  @Test func spaceCyclesTheStatusAndLogsIt() {
    var state = Fixture.workbench()
    let r0 = state.sessionRevision
    send(&state, .char(" "))
    #expect(state.session?.status(of: "frame-1") == .doing)
    send(&state, .char(" "))
    #expect(state.session?.status(of: "frame-1") == .done)
    send(&state, .char(" "))
    #expect(state.session?.status(of: "frame-1") == .todo)
    #expect(state.sessionRevision == r0 + 3)
    #expect(state.session?.events.filter { $0.kind == .status }.count == 3)
  }

  @Test func xAsksForAReasonBeforeMarkingNA() {
    var state = Fixture.workbench()
    send(&state, .char("x"))
    guard case .naReason = state.overlay else {
      Issue.record("expected the N/A prompt")
      return
    }
    send(&state, .enter)
    #expect(state.message?.isError == true)
    #expect(state.session?.status(of: "frame-1") == .todo)
    type(&state, "only one shop")
    send(&state, .enter)
    #expect(state.overlay == .none)
    #expect(state.session?.status(of: "frame-1") == .notApplicable)
    #expect(state.session?.state(of: "frame-1").naReason == "only one shop")
  }

  @Test func escCancelsTheNAPrompt() {
    var state = Fixture.workbench()
    send(&state, .char("x"))
    type(&state, "nope")
    send(&state, .escape)
    #expect(state.overlay == .none)
    #expect(state.session?.status(of: "frame-1") == .todo)
  }

  @Test func bangTogglesBlocked() {
    var state = Fixture.workbench()
    send(&state, .char("!"))
    #expect(state.session?.status(of: "frame-1") == .blocked)
    send(&state, .char("!"))
    #expect(state.session?.status(of: "frame-1") == .todo)
  }

  @Test func hTogglesTheHint() {
    var state = Fixture.workbench()
    func shows() -> Bool {
      guard let wb = state.workbench else { return false }
      return DetailContent.lines(wb, options: state.options, width: 60).contains {
        $0.text.contains("Start from the decision")
      }
    }
    #expect(!shows())
    send(&state, .char("h"))
    #expect(shows())
    send(&state, .char("h"))
    #expect(!shows())
    send(&state, .char("h"), .down)
    #expect(!shows())
  }

  @Test func bTogglesTheBriefing() {
    var state = Fixture.workbench()
    #expect(state.workbench?.detailMode == .briefing)
    let text = render(state, size: Size(width: 80, height: 24)).text
    #expect(text.contains("Phase 1 of 6: Frame the problem"))
    send(&state, .char("b"))
    #expect(state.workbench?.detailMode == .item)
    send(&state, .char("b"))
    #expect(state.workbench?.detailMode == .briefing)
  }

  @Test func caseContextIsHiddenInOwnProjectMode() {
    var own = Fixture.workbench(session: Fixture.session(mode: .ownProject))
    send(&own, .char("b"))
    let text = render(own, size: Size(width: 160, height: 48)).text
    #expect(!text.contains("At the Bike Shop"))
    #expect(!text.contains("Marta runs three shops"))
    #expect(text.contains("(own project)"))
    var storyState = Fixture.workbench()
    send(&storyState, .char("b"))
    let story = render(storyState, size: Size(width: 160, height: 48)).text
    #expect(story.contains("At the Bike Shop"))
  }

  @Test func theStoryBriefingIsHiddenInOwnProjectMode() throws {
    var own = Fixture.workbench(session: Fixture.session(mode: .ownProject))
    own.workbench?.detailMode = .briefing
    let text = render(own, size: Size(width: 160, height: 48)).text
    #expect(text.contains("Agree on the decision the model supports"), "the goal stays")
    #expect(!text.contains("Marta wants fewer bikes"), "the story goes")
    let ownWorkbench = try #require(own.workbench)
    #expect(Search.matches("fewer bikes", in: ownWorkbench).isEmpty, "search skips the story")

    var story = Fixture.workbench()
    story.workbench?.detailMode = .briefing
    #expect(
      render(story, size: Size(width: 160, height: 48)).text.contains("Marta wants fewer bikes"))
    let storyWorkbench = try #require(story.workbench)
    #expect(Search.matches("fewer bikes", in: storyWorkbench).count == 1)
  }

  @Test func qQuitsAndCtrlCQuitsEverywhere() {
    var state = Fixture.workbench()
    #expect(send(&state, .char("q")) == [], "the workbench asks first (LeaveGuard)")
    #expect(send(&state, .char("y")) == [.quit])
    var asked = Fixture.workbench()
    send(&asked, .char("q"))
    #expect(send(&asked, .ctrl("c")) == [.quit], "Ctrl-C does not wait for the answer")
    send(&state, .char("?"))
    #expect(send(&state, .ctrl("c")) == [.quit])
    var start = Fixture.startState()
    #expect(send(&start, .char("q")) == [.quit])
    send(&start, .char("g"), .enter)
    #expect(send(&start, .ctrl("c")) == [.quit])
  }

  @Test func helpOpensAndCloses() {
    var state = Fixture.workbench()
    for close in [Key.escape, .char("q"), .char("?")] {
      send(&state, .char("?"))
      #expect(state.overlay == .help(scroll: 0))
      send(&state, .char("j"))
      #expect(state.overlay == .help(scroll: 1))
      #expect(send(&state, close) == [])
      #expect(state.overlay == .none)
    }
  }

  /// Three columns at 120×16: phases (30 wide), checklist (40), detail (its item longer than
  /// the pane).
  @Test func clicksSelectPhasesAndItems() {
    var state = Fixture.workbench(size: Size(width: 120, height: 16))
    // Phase 3's row in the phases pane: inner y 1, one row per phase at this height.
    _ = update(&state, .click(x: 5, y: 3))
    #expect(state.workbench?.phase == 2)
    #expect(state.workbench?.focus == .phases)
    _ = update(&state, .click(x: 40, y: 2))
    #expect(state.workbench?.item == 1)
    #expect(state.workbench?.focus == .checklist)
    _ = update(&state, .click(x: 90, y: 10))
    #expect(state.workbench?.focus == .detail)
    _ = update(&state, .scrollDown(x: 90, y: 10))
    #expect(state.workbench?.detailScroll == 3)
  }

  /// At 80×24 the phases are one line across the top:
  /// " 1 Frame the problem │ 2 Under… │ 3 Build… │ …", the checklist's rows from y 2.
  @Test func clicksOnThePhaseLineAndTheFullWidthChecklist() {
    var state = Fixture.workbench()
    _ = update(&state, .click(x: 36, y: 0))
    #expect(state.workbench?.phase == 2)
    #expect(state.workbench?.focus == .phases)
    _ = update(&state, .click(x: 21, y: 0))  // the line between two phases
    #expect(state.workbench?.phase == 2)
    _ = update(&state, .click(x: 3, y: 0))
    #expect(state.workbench?.phase == 0)
    _ = update(&state, .click(x: 70, y: 3))
    #expect(state.workbench?.item == 1)
    #expect(state.workbench?.focus == .checklist)
    _ = update(&state, .click(x: 40, y: 15))
    #expect(state.workbench?.focus == .detail)
  }

  @Test func selectedRowHasTheSelectedRole() {
    var state = Fixture.workbench()
    send(&state, .down)
    let buf = render(state, size: Size(width: 80, height: 24))
    // Row 0 is the phases line; checklist inner rows start at y 2; the second item is
    // selected and focused.
    #expect(buf[30, 3].role == .selected)
    #expect(buf[30, 2].role != .selected)
    // The phase is selected on the unfocused phases line, whose phases are split by borders.
    #expect(buf[5, 0].role == .selectedInactive)
    #expect(buf[21, 0].role == .border)
    #expect(buf[0, 1].role == .borderFocused)
    #expect(buf[0, 7].role == .border)
    #expect(buf[0, 23].role == .statusBar)
  }
}

@Suite("Notes")
struct NoteTests {
  @Test func escKeepsTheNote() {
    var state = Fixture.workbench()
    send(&state, .char("n"))
    type(&state, "Café")
    send(&state, .enter)
    type(&state, "日本 ✓")
    send(&state, .escape)
    #expect(state.overlay == .none)
    #expect(state.session?.note(of: "frame-1") == "Café\n日本 ✓")
    #expect(state.session?.events.last?.kind == .note)
  }

  @Test func ctrlSKeepsTheNoteAndEReopensIt() {
    var state = Fixture.workbench()
    send(&state, .char("e"))
    type(&state, "abc")
    send(&state, .ctrl("s"))
    #expect(state.session?.note(of: "frame-1") == "abc")
    send(&state, .char("n"), .backspace, .left, .backspace, .delete)
    _ = update(&state, .paste("🚲\nx"))
    send(&state, .home)
    type(&state, ">")
    send(&state, .end)
    type(&state, "<")
    send(&state, .escape)
    #expect(state.session?.note(of: "frame-1") == "🚲\n>x<")
  }

  @Test func upAndDownMoveByRow() {
    var state = Fixture.workbench()
    send(&state, .char("n"))
    type(&state, "one")
    send(&state, .enter)
    type(&state, "two")
    send(&state, .up)
    type(&state, "!")
    send(&state, .down, .end)
    type(&state, "?")
    send(&state, .escape)
    #expect(state.session?.note(of: "frame-1") == "one!\ntwo?")
  }

  @Test func capitalEAsksForTheExternalEditor() {
    var state = Fixture.workbench()
    send(&state, .char("n"))
    type(&state, "draft")
    send(&state, .escape)
    #expect(send(&state, .char("E")) == [.editExternally(itemID: "frame-1", text: "draft")])
    _ = update(&state, .noteEdited(itemID: "frame-1", text: "from vim"))
    #expect(state.session?.note(of: "frame-1") == "from vim")
  }

  @Test func ctrlOInTheEditorHandsTheTextToTheExternalEditor() {
    var state = Fixture.workbench()
    send(&state, .char("n"))
    type(&state, "half")
    #expect(send(&state, .ctrl("o")) == [.editExternally(itemID: "frame-1", text: "half")])
    #expect(state.overlay == .none)
  }

  @Test func ctrlCDuringAnEditKeepsTheText() {
    var state = Fixture.workbench()
    send(&state, .char("n"))
    type(&state, "unsaved")
    #expect(send(&state, .ctrl("c")) == [.quit])
    #expect(state.session?.note(of: "frame-1") == "unsaved")
  }

  @Test func commitPendingEditsSavesAnOpenEditor() {
    var state = Fixture.workbench()
    send(&state, .char("n"))
    type(&state, "signal")
    let changed = state.commitPendingEdits()
    #expect(changed)
    #expect(state.session?.note(of: "frame-1") == "signal")
  }

  @Test func everyCommittedKeystrokeCountsAsAChangeEvenWithinOneTick() {
    var state = Fixture.workbench()
    send(&state, .char("n"))
    let r0 = state.sessionRevision
    type(&state, "a")
    let first = state.commitPendingEdits()
    #expect(first)
    type(&state, "b")
    let second = state.commitPendingEdits()
    #expect(second, "a second edit at the same clock time is still a change")
    #expect(state.sessionRevision == r0 + 2)
    let third = state.commitPendingEdits()
    #expect(third == false, "nothing new typed, nothing to save")
    #expect(state.sessionRevision == r0 + 2)
  }

  @Test func theCaretSitsAfterWideCharacters() {
    var state = Fixture.workbench()
    send(&state, .char("n"))
    type(&state, "日本🚲")
    let buf = render(state, size: Size(width: 80, height: 24))
    let l = WorkbenchLayout(size: Size(width: 80, height: 24), for: state.workbench)
    let r = NoteMetrics(l).text
    #expect(buf.cursor?.x == r.x + 6)
    #expect(buf.cursor?.y == r.y)
    #expect(buf[r.x, r.y].text == "日")
    #expect(buf[r.x + 1, r.y].isContinuation)
    #expect(buf[r.x + 4, r.y].text == "🚲")
  }
}

@Suite("Decisions")
struct DecisionTests {
  @Test func chooseWriteAndConfirm() {
    var state = Fixture.workbench()
    send(&state, .char("d"))
    // A phase with one decision opens on its list too (issue 21): d, Enter, a letter everywhere.
    #expect(state.overlay == .decision(DecisionDialog(phase: 0, stage: .pick(0))))
    send(&state, .enter)
    #expect(
      state.overlay == .decision(DecisionDialog(phase: 0, stage: .choose(decision: 0, option: 0))))
    send(&state, .down, .enter)
    type(&state, "History matters.")
    send(&state, .ctrl("s"))
    #expect(state.session?.decisions["frame-d1"]?.option == "b")
    #expect(state.session?.decisions["frame-d1"]?.rationale == "History matters.")
    let text = render(state, size: Size(width: 80, height: 24)).text
    #expect(text.contains("The pilot ships in six weeks"))
    #expect(!text.contains("Facilitator's view"))
    send(&state, .enter)
    #expect(state.overlay == .decision(DecisionDialog(phase: 0, stage: .pick(0))))
    send(&state, .escape)
    #expect(state.overlay == .none)
  }

  /// The habit from a phase with two decisions (d, Enter, a letter) chose an option in a phase
  /// with one and typed the letter into the rationale.
  @Test func dEnterAndALetterChooseThatOptionInAPhaseWithOneDecision() {
    var state = Fixture.workbench()
    #expect(Fixture.caseStudy.phases[0].decisions.count == 1)
    send(&state, .char("d"), .enter, .char("b"))
    guard case .decision(let d) = state.overlay,
      case .rationale(decision: 0, option: 1, let editor) = d.stage
    else {
      Issue.record("d, Enter, b should choose option b")
      return
    }
    #expect(editor.text.isEmpty, "the letter chose the option; it is not in the rationale")
  }

  @Test func emptyRationaleIsRefused() {
    var state = Fixture.workbench()
    send(&state, .char("d"), .enter, .char("a"), .ctrl("s"))
    #expect(state.session?.decisions.isEmpty == true)
    #expect(state.message?.isError == true)
    send(&state, .escape)
    guard case .decision(let d) = state.overlay, case .choose = d.stage else {
      Issue.record("Esc in the rationale should go back to the options")
      return
    }
  }

  @Test func changingADecisionIsLogged() {
    var state = Fixture.workbench()
    send(&state, .char("d"), .enter, .char("b"))
    type(&state, "First thought.")
    send(&state, .ctrl("s"), .enter, .escape, .char("d"), .enter)
    guard case .decision(let d) = state.overlay, d.stage == .outcome(decision: 0) else {
      Issue.record("re-opening a decided decision shows the outcome")
      return
    }
    send(&state, .char("c"))
    guard case .decision(let d2) = state.overlay, d2.stage == .choose(decision: 0, option: 1)
    else {
      Issue.record("c goes back to the options with the earlier choice selected")
      return
    }
    send(&state, .char("c"))
    type(&state, " Then we waited.")
    send(&state, .ctrl("s"))
    #expect(state.session?.decisions["frame-d1"]?.option == "c")
    #expect(state.session?.decisions["frame-d1"]?.rationale == "First thought. Then we waited.")
    #expect(state.session?.events.last?.detail == "changed b → c")
  }

  @Test func facilitatorSeesTheVerdict() {
    var opts = Fixture.options
    opts.facilitator = true
    var state = Fixture.workbench(options: opts)
    send(&state, .char("d"), .enter, .char("a"))
    type(&state, "All at once.")
    send(&state, .ctrl("s"))
    let text = render(state, size: Size(width: 80, height: 24)).text
    #expect(text.contains("Facilitator's view"))
    #expect(text.contains("poor"))
  }

  @Test func phaseWithoutDecisionsSaysSo() {
    var state = Fixture.workbench()
    send(&state, .char("2"), .char("d"))
    #expect(state.overlay == .none)
    #expect(state.message?.text == "No decision to take in Understand the data.")
  }
}

@Suite("Read-only sessions")
struct ReadOnlyTests {
  @Test func changesAreRefusedWithAMessage() {
    var state = Fixture.workbench(readOnly: true, reason: "open in another casebench (pid 42)")
    let before = state.session
    let revision = state.sessionRevision
    for key in [Key.char(" "), .char("x"), .char("!"), .char("n"), .char("e")] {
      send(&state, key)
      #expect(state.overlay == .none)
      #expect(state.message?.isError == true)
      #expect(state.message?.text.hasPrefix("Read-only") == true)
    }
    #expect(send(&state, .char("E")) == [])
    send(&state, .char("d"), .enter, .char("a"))
    #expect(state.message?.text.hasPrefix("Read-only") == true)
    send(&state, .escape, .escape, .down)
    #expect(state.session?.items == before?.items)
    #expect(state.session?.decisions == before?.decisions)
    #expect(state.sessionRevision == revision)
    let text = render(state, size: Size(width: 120, height: 30)).text
    #expect(text.contains("READ-ONLY: open in another casebench"))
    send(&state, .char(" "))
    let narrow = render(state, size: Size(width: 80, height: 24)).text
    #expect(
      narrow.contains(" Read-only: open in another casebench (pid 42). Nothing can be changed.\n"),
      "the whole refusal is readable at 80 columns")
  }
}

@Suite("Search")
struct SearchTests {
  @Test func findsAndStepsThroughMatches() {
    var state = Fixture.workbench()
    send(&state, .char("/"))
    type(&state, "BASELINE")
    send(&state, .enter)
    // "baseline" is in model's briefing and goal, model-1's title, eval-2's title.
    #expect(state.workbench?.search?.matches.count == 3)
    #expect(state.workbench?.phase == 2)
    #expect(state.workbench?.detailMode == .briefing)
    #expect(state.message?.text.hasPrefix("match 1 of 3") == true)
    send(&state, .char("n"))
    #expect(state.workbench?.currentItem?.id == "model-1")
    #expect(state.message?.text.hasPrefix("match 2 of 3") == true)
    send(&state, .char("n"))
    #expect(state.workbench?.currentItem?.id == "eval-2")
    send(&state, .char("n"))
    #expect(state.workbench?.phase == 2)
    send(&state, .char("N"))
    #expect(state.workbench?.currentItem?.id == "eval-2")
    #expect(state.message?.text.hasPrefix("match 3 of 3") == true)
    send(&state, .escape)
    #expect(state.workbench?.search == nil)
    send(&state, .char("n"))
    guard case .note = state.overlay else {
      Issue.record("without a search n edits the note")
      return
    }
  }

  @Test func searchesNotes() {
    var s = Fixture.session()
    s.setNote("Ask Jonas about the Ösel shop", of: "ethics-2", at: Fixture.now)
    var state = Fixture.workbench(session: s)
    send(&state, .char("/"))
    type(&state, "osel")
    send(&state, .enter)
    #expect(state.workbench?.currentItem?.id == "ethics-2")
  }

  @Test func noMatchSaysSo() {
    var state = Fixture.workbench()
    send(&state, .char("/"))
    type(&state, "zebra")
    send(&state, .enter)
    #expect(state.workbench?.search == nil)
    #expect(state.message?.isError == true)
  }
}

@Suite("Start screen")
struct StartTests {
  @Test func sessionsAreListedNewestFirst() {
    let state = AppState(
      caseStudies: [Fixture.caseStudy], sessions: Fixture.entries.reversed(),
      options: Fixture.options, now: Fixture.now)
    #expect(state.sessions.map(\.title) == ["Team Rocket", "Blue group", "broken.json"])
  }

  @Test func enterOnACaseStudyAsksForANameAndMode() {
    var state = Fixture.startState()
    // The cursor starts on the newest session; the case study is at the top.
    send(&state, .char("g"), .enter)
    #expect(state.start.prompt != nil)
    #expect(send(&state, .enter) == [])
    #expect(state.message?.isError == true)
    type(&state, "Team q")
    send(&state, .tab)
    #expect(
      send(&state, .enter) == [
        .createSession(caseStudyID: "bike-shop", participant: "Team q", mode: .ownProject)
      ])
  }

  @Test func escCancelsThePrompt() {
    var state = Fixture.startState()
    send(&state, .char("g"), .enter, .escape)
    #expect(state.start.prompt == nil)
  }

  @Test func enterOnASessionOpensIt() {
    var state = Fixture.startState()
    #expect(send(&state, .enter) == [.openSession(path: "/tmp/s/team-rocket.json")])
    send(&state, .char("G"))
    #expect(send(&state, .enter) == [])
    #expect(state.message?.text.contains("unexpected end of file") == true)
    send(&state, .char("g"), .char("j"), .char("j"))
    #expect(send(&state, .enter) == [.openSession(path: "/tmp/s/blue.json")])
  }

  @Test func clickSelectsAndASecondClickOpens() {
    var state = Fixture.startState()
    _ = update(&state, .resize(Size(width: 80, height: 24)))
    // Row of "Team Rocket" in the start golden: y 9.
    send(&state, .char("g"))
    #expect(update(&state, .click(x: 10, y: 9)) == [])
    #expect(state.start.selection == 1)
    #expect(update(&state, .click(x: 10, y: 9)) == [.openSession(path: "/tmp/s/team-rocket.json")])
  }
}

@Suite("Robustness")
struct RobustnessTests {
  @Test func rendersAtTinySizes() {
    let state = Fixture.workbench()
    for (w, h) in [
      (0, 0), (1, 1), (2, 1), (1, 5), (10, 3), (59, 16), (60, 15), (60, 16), (300, 100),
    ] {
      let buf = render(state, size: Size(width: w, height: h))
      #expect(buf.width == w)
    }
    var start = Fixture.startState()
    send(&start, .char("g"), .enter)
    for (w, h) in [(0, 0), (1, 1), (60, 16), (300, 100)] {
      _ = render(start, size: Size(width: w, height: h))
    }
  }

  @Test func resizeReflowsAndKeepsTheSelectionVisible() {
    var state = Fixture.workbench(size: Size(width: 200, height: 60))
    send(&state, .char("G"))
    _ = update(&state, .resize(Size(width: 60, height: 16)))
    #expect(state.size == Size(width: 60, height: 16))
    let l = WorkbenchLayout(size: state.size, for: state.workbench)
    let top = state.workbench?.listTop ?? -1
    let item = state.workbench?.item ?? -1
    #expect(item >= top && item < top + l.checklist.inner.h)
    let text = render(state, size: state.size).text
    #expect(text.contains("[ ] Check that a simple"))
  }

  @Test func randomEventsNeverCrash() {
    var rng = SplitMix(seed: 42)
    let keys: [Key] = [
      .up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .enter, .tab, .backTab,
      .escape, .backspace, .delete, .char("j"), .char("k"), .char("g"), .char("G"), .char(" "),
      .char("x"), .char("!"), .char("n"), .char("N"), .char("e"), .char("E"), .char("d"),
      .char("h"), .char("b"), .char("/"), .char("?"), .char("1"), .char("6"), .char("a"),
      .char("c"), .char("日"), .char("🚲"), .ctrl("s"), .ctrl("o"), .function(5), .insert,
    ]
    var state = Fixture.workbench()
    var start = Fixture.startState()
    for i in 0..<4000 {
      let roll = rng.next() % 100
      let event: Event
      if roll < 85 {
        event = .key(keys[Int(rng.next() % UInt64(keys.count))])
      } else if roll < 90 {
        event = .resize(Size(width: Int(rng.next() % 220), height: Int(rng.next() % 70)))
      } else if roll < 95 {
        event = .click(x: Int(rng.next() % 200), y: Int(rng.next() % 60))
      } else {
        event = .paste("Café 日本\nline")
      }
      _ = update(&state, event)
      _ = update(&start, event)
      for s in [state, start] {
        Self.checkInvariants(s, after: event, step: i)
        if i % 7 == 0 { Self.checkFrameFits(s, step: i) }
      }
    }
    #expect(state.isWorkbenchOpen, "the workbench stays open: no key in the list leaves it")
  }

  /// What must hold after any event: the selection inside the lists, the overlay stack in an
  /// order the screens can reach, and the scrolls not negative.
  static func checkInvariants(_ state: AppState, after event: Event, step: Int) {
    let context = "step \(step), after \(event)"
    let stack = state.overlays.items
    if let wb = state.workbench {
      #expect(wb.caseStudy.phases.indices.contains(wb.phase), "phase out of range, \(context)")
      let count = wb.rowCount(wb.phase)
      #expect(wb.item >= 0 && (wb.item < count || count == 0), "item out of range, \(context)")
      #expect(wb.listTop >= 0 && wb.listTop <= max(0, wb.item), "list top, \(context)")
      #expect(wb.detailScroll >= 0, "detail scroll, \(context)")
      if let search = wb.search {
        #expect(search.matches.indices.contains(search.index), "search index, \(context)")
      }
    } else {
      // The start screen has only its help over it.
      #expect(stack.allSatisfy { if case .help = $0 { true } else { false } }, "\(context)")
    }
    // Prompts and the note editor are modal: nothing is ever opened over them.
    for overlay in stack.dropLast() {
      switch overlay {
      case .note, .naReason, .search, .addLens:
        Issue.record("a modal overlay is under another one, \(context): \(stack)")
      case .help, .decision, .tool, .page, .screen: break
      }
    }
    // Help closes before anything else opens, and one page or tool stands in for another.
    #expect(stack.filter { if case .help = $0 { true } else { false } }.count <= 1, "\(context)")
    #expect(stack.count <= 3, "the stack grows without bound, \(context): \(stack)")
    if case .help(let scroll) = state.overlay { #expect(scroll >= 0, "\(context)") }
  }

  /// Every frame is exactly the terminal's size: as many rows, none wider than the terminal.
  static func checkFrameFits(_ state: AppState, step: Int) {
    let size = state.size
    let frame = render(state, size: size)
    #expect(frame.width == size.width && frame.height == size.height, "step \(step)")
    // `text` ends each row with a newline.
    let rows = frame.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(rows.count == max(1, size.height), "step \(step): \(rows.count) rows")
    for row in rows {
      #expect(DisplayWidth.of(String(row)) <= size.width, "step \(step): a row is too wide")
    }
  }

  @Test func keystrokeIsFast() {
    var state = Fixture.workbench(size: Size(width: 200, height: 60))
    let n = 200
    // This thread's CPU time, not the wall clock: other processes on a busy machine (a CI host,
    // parallel test suites) must not make this fail, and a real blow-up still does.
    let start = threadCPUTime()
    for i in 0..<n {
      _ = update(&state, .key(i % 2 == 0 ? .down : .up))
      _ = render(state, size: Size(width: 200, height: 60))
    }
    let elapsed = threadCPUTime() - start
    // Debug builds are far slower than release; this catches accidental blow-ups only.
    #expect(elapsed / n < .milliseconds(20))
  }
}

struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

extension WorkbenchKeyTests {
  @Test func itemKeysNeedTheChecklistOrDetail() {
    var state = Fixture.workbench()
    send(&state, .escape, .char(" "))
    #expect(state.session?.status(of: "frame-1") == .todo)
    #expect(state.message?.text.hasPrefix("Select an item first") == true)
  }

  @Test func statusBarShowsTheMatchWhileSearching() {
    var state = Fixture.workbench(size: Size(width: 120, height: 30))
    send(&state, .char("/"))
    type(&state, "baseline")
    send(&state, .enter, .char("n"), .char("j"))
    let text = render(state, size: Size(width: 120, height: 30)).text
    #expect(text.contains("match 2/3"))
  }
}

extension WorkbenchKeyTests {
  @Test func detailShowsWhereAConcernArisesAndWhatToRead() {
    var state = Fixture.workbench(size: Size(width: 160, height: 48))
    send(&state, .char("6"))
    var text = render(state, size: Size(width: 160, height: 48)).text
    #expect(text.contains("Risks to weigh"))
    #expect(text.contains("Readiness 0% = the weakest phase's gate score"))
    #expect(text.contains("The forecast is trusted more than it deserves."))
    send(&state, .char("b"))
    text = render(state, size: Size(width: 160, height: 48)).text
    #expect(text.contains("Shows up in"))
    #expect(text.contains("1 Frame the problem, 5 Put it to use"))
    #expect(text.contains("Datasheets for Datasets (Gebru et al., 2021)"))
  }
}

extension DecisionTests {
  static func twoDecisions() -> CaseStudy {
    var cs = Fixture.caseStudy
    var second = Fixture.decision
    second.id = "frame-d2"
    second.title = "Who owns the forecast"
    cs.phases[0].decisions.append(second)
    return cs
  }

  @Test func severalDecisionsArePickedFromAList() {
    var state = Fixture.startState()
    _ = update(&state, .resize(Size(width: 80, height: 24)))
    let cs = Self.twoDecisions()
    state.openWorkbench(
      caseStudy: cs, session: Session(participant: "t", caseStudy: cs, now: Fixture.now),
      sessionName: "t", readOnly: false, readOnlyReason: nil)
    send(&state, .char("d"))
    #expect(state.overlay == .decision(DecisionDialog(phase: 0, stage: .pick(0))))
    #expect(render(state, size: Size(width: 80, height: 24)).text.contains("Who owns the forecast"))
    send(&state, .down, .enter, .char("a"))
    type(&state, "Marta owns it.")
    send(&state, .ctrl("s"))
    #expect(state.session?.decisions["frame-d2"]?.option == "a")
    #expect(state.session?.decisions["frame-d1"] == nil)
    send(&state, .escape)
    #expect(state.overlay == .decision(DecisionDialog(phase: 0, stage: .pick(0))))
    send(&state, .escape)
    #expect(state.overlay == .none)
  }
}

@Suite("Status bar")
struct StatusBarTests {
  @Test func savedIndicatorFollowsTheRevision() {
    var state = Fixture.workbench(size: Size(width: 100, height: 24))
    send(&state, .char(" "))
    var text = render(state, size: state.size).text
    #expect(text.contains("saving…"))
    _ = update(
      &state,
      .saved(
        revision: state.sessionRevision, cursorRevision: state.cursorRevision, at: Fixture.now))
    text = render(state, size: state.size).text
    #expect(text.contains("saved 00:53"))
    _ = update(&state, .saveFailed("disk full", leaving: false))
    text = render(state, size: state.size).text
    #expect(text.contains("save failed: disk full"))
  }

  @Test func messagesFadeAfterAFewSeconds() {
    var state = Fixture.workbench()
    state.showMessage("Could not open editor", isError: true)
    _ = update(&state, .tick(Fixture.now.addingTimeInterval(2)))
    #expect(state.message != nil)
    _ = update(&state, .tick(Fixture.now.addingTimeInterval(7)))
    #expect(state.message == nil)
    #expect(state.now == Fixture.now.addingTimeInterval(7))
  }

  @Test func asciiModeDrawsOnlyASCII() {
    var opts = Fixture.options
    opts.unicode = false
    var state = Fixture.workbench(options: opts, session: GoldenTests.progressed())
    for keys in [
      [Key.char("?")], [.escape, .char("d")], [.escape, .char("n")], [.escape, .char("b")],
    ] {
      for k in keys { _ = update(&state, .key(k)) }
      let text = render(state, size: Size(width: 80, height: 24)).text
      // Only the session's own text (the name) may hold non-ASCII; the fixture has none.
      #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "\(keys)")
    }
    var start = Fixture.startState(options: opts)
    send(&start, .char("g"), .enter)
    #expect(
      render(start, size: Size(width: 80, height: 24)).text.unicodeScalars.allSatisfy {
        $0.isASCII || $0 == "·"
      })
  }
}

extension RobustnessTests {
  @Test func detailTextIsNeverCutMidWord() {
    for width in stride(from: 60, through: 300, by: 13) {
      var state = Fixture.workbench(size: Size(width: width, height: 100))
      send(&state, .char("b"), .char("h"))
      let text = render(state, size: state.size).text
      let tokens = Set(
        text.split { $0 == " " || $0 == "\n" || $0 == "│" }.map(String.init))
      guard let item = state.workbench?.currentItem else {
        Issue.record("no item")
        return
      }
      for field in [item.guidance, item.caseContext, item.why, item.hint] {
        for word in field.split(separator: " ") {
          #expect(tokens.contains(String(word)), "\(word) cut at width \(width)")
        }
      }
    }
  }

  @Test func uppercaseOptionLettersWork() {
    var state = Fixture.workbench()
    send(&state, .char("d"), .enter, .char("B"))
    guard case .decision(let d) = state.overlay, case .rationale(_, let o, _) = d.stage else {
      Issue.record("B should choose option b")
      return
    }
    #expect(o == 1)
  }
}

extension RobustnessTests {
  @Test func manyPhasesScrollToKeepTheSelectionVisible() {
    var cs = Fixture.caseStudy
    for i in 0..<20 {
      var p = cs.phases[1]
      p.id = "extra-\(i)"
      p.title = "Extra phase \(i)"
      p.items = p.items.map {
        var item = $0
        item.id += "-\(i)"
        return item
      }
      cs.phases.append(p)
    }
    var state = Fixture.startState()
    _ = update(&state, .resize(Size(width: 80, height: 24)))
    state.openWorkbench(
      caseStudy: cs, session: Session(participant: "t", caseStudy: cs, now: Fixture.now),
      sessionName: "t", readOnly: false, readOnlyReason: nil)
    send(&state, .escape, .char("G"))
    #expect(state.workbench?.phase == 25)
    let text = render(state, size: state.size).text
    #expect(text.contains("Extra phase 19"))
    #expect(!text.contains(" 1 Frame the problem"))
    _ = update(&state, .click(x: 5, y: 1))
    #expect((state.workbench?.phase ?? 0) > 0)
  }
}

extension SearchTests {
  @Test func matchesAreHighlightedInTheDetail() {
    var state = Fixture.workbench()
    send(&state, .char("/"))
    type(&state, "baseline")
    send(&state, .enter, .char("n"))
    let buf = render(state, size: Size(width: 80, height: 24))
    let lines = buf.text.split(separator: "\n", omittingEmptySubsequences: false)
    guard
      let row = lines.firstIndex(where: { $0.contains("Set a baseline") && $0.contains("│ Set") })
    else {
      Issue.record("the item title should be in the detail")
      return
    }
    let roles = (0..<80).map { buf[$0, row].role }
    #expect(roles.filter { $0 == .match }.count == "baseline".count)
  }
}

/// CPU time this thread has used so far.
func threadCPUTime() -> Duration {
  var t = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
  return .seconds(t.tv_sec) + .nanoseconds(t.tv_nsec)
}
