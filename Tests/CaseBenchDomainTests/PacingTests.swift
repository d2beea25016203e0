import Foundation
import Testing

@testable import CaseBenchLoading
@testable import CaseBenchModel
@testable import CaseBenchReports
@testable import CaseBenchStore

/// The folder's pacing rules (issue 22, item 3): which folders pace, what of a closed phase a
/// team may see, what holds while the facilitator's file cannot be read, when a timebox runs
/// and which phase a team is "now" in.
@Suite("Pacing")
struct PacingTests {
  @Test func aFolderWithTheFacilitatorsFileIsAWorkshopEvenWhenTheFileIsDamaged() throws {
    try withStoreTemporaryDirectory { dir in
      let team = dir.appendingPathComponent("team-3-bike-shop.json")
      #expect(!WorkshopFolder.isWorkshop(dir))
      #expect(WorkshopFolder.workshop(holding: team) == nil)
      try Data("{ not json".utf8).write(to: WorkshopStateFile.url(in: dir))
      #expect(WorkshopFolder.isWorkshop(dir))
      #expect(WorkshopFolder.workshop(holding: team)?.path == dir.path)
    }
  }

  @Test func aDamagedFacilitatorsFileIsLocated() throws {
    try withStoreTemporaryDirectory { dir in
      try Data("{\n  \"format_version\": 1,\n  \"pacing\": tru\n}\n".utf8).write(
        to: WorkshopStateFile.url(in: dir))
      let read = Result { () throws(WorkshopStateError) in try WorkshopStateFile.read(in: dir) }
      guard case .failure(let error) = read else {
        Issue.record("a damaged facilitator's file was read")
        return
      }
      #expect(error.line == 3, "\(error)")
      #expect(error.column > 0, "\(error)")
      #expect(error.description.hasPrefix(WorkshopStateFile.url(in: dir).path + ":3:"))
    }
  }

  @Test func aClosedPhaseShowsItsTitleGoalAndTimeboxAndNothingOfItsStory() throws {
    let study = try WorkshopFixture.bikeShop()
    let state = WorkshopState(
      pacing: true, released: [PhaseRelease(phase: study.phases[0].id, at: WorkshopFixture.now)])
    let shown = study.paced(by: state)
    #expect(shown.phases[0] == study.phases[0])
    #expect(state.visibility(ofPhase: 0, in: study) == .open)
    #expect(state.visibility(ofPhase: 1, in: study) == .outline)
    let full = study.phases[1]
    let closed = shown.phases[1]
    #expect(!full.briefing.isEmpty && !full.decisions.isEmpty && !full.riskPrompts.isEmpty)
    #expect(closed.title == full.title && closed.goal == full.goal)
    #expect(closed.timeboxMinutes == full.timeboxMinutes && closed.schedule == full.schedule)
    #expect(closed.briefing.isEmpty)
    #expect(closed.decisions.isEmpty && closed.riskPrompts.isEmpty)
    #expect(closed.facilitatorNotes.isEmpty && closed.modelAnswers.isEmpty)
    #expect(closed.items.map(\.title) == full.items.map(\.title))
    #expect(closed.items.map(\.id) == full.items.map(\.id))
    for item in closed.items {
      #expect(item.guidance.isEmpty && item.caseContext.isEmpty && item.why.isEmpty)
      #expect(item.hint.isEmpty && item.references.isEmpty && item.arisesIn.isEmpty)
    }
    // Without pacing, nothing is hidden.
    #expect(study.paced(by: WorkshopState()) == study)
  }

  @Test func aFileThatCannotBeReadKeepsPacingAsLastReadAndNeverOpensEveryPhase() throws {
    let study = try WorkshopFixture.bikeShop()
    let never = WorkshopState.whileUnreadable(lastRead: nil)
    #expect(never.pacing)
    #expect(study.phases.indices.allSatisfy { !never.isOpen(phaseIndex: $0, in: study) })
    var last = WorkshopState(pacing: true)
    last.release(study.phases[1].id, at: WorkshopFixture.now)
    #expect(WorkshopState.whileUnreadable(lastRead: last) == last)
    #expect(WorkshopState.whileUnreadable(lastRead: WorkshopState()) == WorkshopState())
  }

  @Test func theTimeboxRunsOnlyInReleasedPhases() throws {
    let study = try WorkshopFixture.bikeShop()
    var state = WorkshopState(pacing: true)
    let entered = WorkshopFixture.now.addingTimeInterval(-600)
    #expect(state.timeboxStart(phaseID: study.phases[1].id, entered: entered) == nil)
    state.release(study.phases[1].id, at: WorkshopFixture.now)
    #expect(
      state.timeboxStart(phaseID: study.phases[1].id, entered: entered) == WorkshopFixture.now)
    // Phase 1 is open because phase 2 was released, but its own time is not running.
    #expect(state.timeboxStart(phaseID: study.phases[0].id, entered: entered) == nil)
  }

  @Test func aReleaseIsNewsOnceAndInTheCaseStudysOrder() throws {
    let study = try WorkshopFixture.bikeShop()
    let before = WorkshopState(
      pacing: true, released: [PhaseRelease(phase: study.phases[0].id, at: WorkshopFixture.now)])
    var after = before
    after.release(study.phases[2].id, at: WorkshopFixture.now)
    #expect(
      after.newlyReleased(since: before, in: study).map(\.id)
        == [1, 2].map { study.phases[$0].id })
    #expect(after.newlyReleased(since: after, in: study).isEmpty)
    #expect(WorkshopState().newlyReleased(since: before, in: study).isEmpty)
  }

  @Test func nowIsThePhaseOfTheLastChangeNotTheCursor() throws {
    let study = try WorkshopFixture.bikeShop()
    var s = Session(participant: "Team 3", caseStudy: study, now: WorkshopFixture.now)
    #expect(TeamSummary(session: s, caseStudy: study).currentPhaseIndex == 0)
    let data = study.phases[1]
    s.setStatus(.done, of: data.items[0].id, at: WorkshopFixture.now.addingTimeInterval(60))
    // Reading ahead: the cursor goes to Production, nothing changes there.
    let production = try #require(study.phases.firstIndex { $0.id == "production" })
    s.moveCursor(phase: study.phases[production].id, item: study.phases[production].items[0].id)
    s.recordAnnouncement(
      Announcement(id: 1, at: WorkshopFixture.now, text: "x"),
      at: WorkshopFixture.now.addingTimeInterval(120))
    #expect(TeamSummary(session: s, caseStudy: study).currentPhaseIndex == 1)
  }

  @Test func countsSayOneThingAndManyThings() {
    #expect(counted(1, "risk") == "1 risk")
    #expect(counted(3, "team") == "3 teams")
    #expect(counted(0, "file") == "0 files")
    #expect(counted(2, "match", "matches") == "2 matches")
  }
}
