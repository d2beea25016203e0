import Foundation
import Testing

@testable import CaseBenchLoading
@testable import CaseBenchModel
@testable import CaseBenchReports
@testable import CaseBenchStore
@testable import CaseBenchTUI

/// A reload onto a shorter case study: whatever points into it by position is checked again.
@Suite("Preview reload")
struct PreviewReloadTests {
  /// The fixture with a second decision in its first phase.
  static var twoDecisions: CaseStudy {
    var study = Fixture.caseStudy
    var second = Fixture.decision
    second.id = "second"
    second.title = "A second decision"
    study.phases[0].decisions.append(second)
    return study
  }

  /// A preview of `study` at 80x24.
  static func preview(_ study: CaseStudy) -> AppState {
    var state = AppState(
      caseStudies: [study], sessions: [], options: Fixture.options, now: Fixture.now)
    state.preview = PreviewState(file: "demo.yaml")
    _ = update(&state, .resize(Size(width: 80, height: 24)))
    let opened = SessionFile(
      url: URL(fileURLWithPath: "demo.yaml"), caseStudy: study,
      session: Session(
        participant: "Preview", caseStudy: study, mode: .caseStudy, now: Fixture.now),
      readOnlyReason: Preview.reason)
    _ = update(&state, .sessionOpened(opened, created: false))
    return state
  }

  @Test func anOpenDecisionDialogClosesWhenItsDecisionIsGone() {
    for stage in [
      DecisionStage.choose(decision: 1, option: 2), .outcome(decision: 1),
      .rationale(decision: 1, option: 0, editor: TextEditor(multiline: true)),
    ] {
      var state = Self.preview(Self.twoDecisions)
      state.overlays.replaceTop(with: .decision(DecisionDialog(phase: 0, stage: stage)))
      _ = render(state, size: Size(width: 80, height: 24))
      _ = update(&state, .caseStudyReloaded(Fixture.caseStudy))
      #expect(state.overlay == .none, "\(stage)")
      let screen = render(state, size: Size(width: 80, height: 24)).text
      #expect(screen.contains("Reloaded demo.yaml"))
      // Keys after the reload reach the workbench, not a dialog on a decision that is gone.
      _ = send(&state, .enter)
    }
  }

  @Test func aDialogOnADecisionStillThereStaysOpenWithItsSelectionClamped() {
    var state = Self.preview(Self.twoDecisions)
    state.overlays.replaceTop(with: .decision(DecisionDialog(phase: 0, stage: .pick(1))))
    _ = update(&state, .caseStudyReloaded(Fixture.caseStudy))
    #expect(state.overlay == .decision(DecisionDialog(phase: 0, stage: .pick(0))))
    _ = render(state, size: Size(width: 80, height: 24))
  }

  @Test func fewerPhasesCloseADialogOnAPhaseThatIsGoneAndMoveTheSelection() {
    var study = Fixture.caseStudy
    study.phases[5].decisions = [Fixture.decision]
    var state = Self.preview(study)
    state.workbench?.phase = 5
    state.overlays.replaceTop(
      with: .decision(DecisionDialog(phase: 5, stage: .choose(decision: 0, option: 1))))
    var shorter = Fixture.caseStudy
    shorter.phases.removeLast(3)
    _ = update(&state, .caseStudyReloaded(shorter))
    #expect(state.overlay == .none)
    #expect(state.workbench?.phase == 0)
    _ = render(state, size: Size(width: 80, height: 24))
  }

  @Test func fewerItemsClampTheItemTheLensAndTheOpenTool() throws {
    var state = Self.preview(Fixture.caseStudy)
    state.workbench?.item = 3
    var shorter = Fixture.caseStudy
    shorter.phases[0].items.removeLast(2)
    _ = update(&state, .caseStudyReloaded(shorter))
    #expect(state.workbench?.item == 1)
    _ = render(state, size: Size(width: 80, height: 24))

    // The ethics lens on its second entry, then a version with one ethics item.
    state.overlays.replaceTop(with: .page(StoryPage(kind: .ethics, row: 0)))
    var twoEthics = shorter
    twoEthics.phases[5].items[1].tags = ["ethics"]
    _ = update(&state, .caseStudyReloaded(twoEthics))
    state.overlays.replaceTop(with: .page(StoryPage(kind: .ethics, row: 1)))
    _ = update(&state, .caseStudyReloaded(shorter))
    #expect(state.overlay == .page(StoryPage(kind: .ethics, row: 0)))

    // The decision log's selection, past the end of a shorter log.
    var tool = ToolScreen(kind: .log)
    tool.row = 7
    state.overlays.replaceTop(with: .tool(tool))
    _ = update(&state, .caseStudyReloaded(shorter))
    guard case .tool(let after) = state.overlay else {
      Issue.record("the tool closed")
      return
    }
    let wb = try #require(state.workbench)
    #expect(after.row == max(0, ToolLists.count(after, wb: wb) - 1))
    _ = render(state, size: Size(width: 80, height: 24))
  }

  /// The watcher tells a change as the workshop folder does (`FileStamp`): a file replaced by
  /// one of the same size and the same modification time is still a new file.
  @Test func theWatcherSeesAReplacedFileOfTheSameSizeAndTime() throws {
    let dir = try PreviewTests.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("demo.yaml")
    let other = dir.appendingPathComponent("next.yaml")
    let good = CaseStudySkeleton.yaml(id: "demo")
    let renamed = good.replacingOccurrences(of: "title: Scoping", with: "title: Framing")
    #expect(renamed.utf8.count == good.utf8.count && renamed != good)
    PreviewTests.write(good, to: file)
    PreviewTests.write(renamed, to: other)
    let when = Date(timeIntervalSince1970: 1_700_000_000)
    for url in [file, other] {
      try FileManager.default.setAttributes([.modificationDate: when], ofItemAtPath: url.path)
    }
    let watcher = CaseStudyFileWatcher(file)
    #expect(watcher.news().isEmpty)
    #expect(rename(other.path, file.path) == 0)
    let news = watcher.news()
    guard case .caseStudyReloaded(let study)? = news.first else {
      Issue.record("no reload: \(news)")
      return
    }
    #expect(study.phases.first?.title == "Framing")
  }
}
