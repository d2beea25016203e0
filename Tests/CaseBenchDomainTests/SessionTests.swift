import Foundation
import Testing

@testable import CaseBenchLoading
@testable import CaseBenchModel

/// Small case studies built in code, so these tests do not depend on the YAML loader.
enum StoreFixtures {
  static let t0 = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18T11:06:40Z, whole seconds

  static func at(_ minutes: Int) -> Date { t0.addingTimeInterval(Double(minutes) * 60) }

  static func item(_ id: String, required: Bool = true) -> Item {
    Item(
      id: id, title: "Title of \(id)", guidance: "Generic guidance for \(id).",
      caseContext: "At the Bike Shop, \(id) means something.", why: "Because.",
      hint: "Think.", tags: [], required: required)
  }

  static let pricing = Decision(
    id: "S0.D1", title: "Which problem first?",
    situation: "Maya wants pricing; Tom wants stock forecasts.",
    options: [
      DecisionOption(
        id: "a", label: "Stock forecasting", consequence: "Tom is pleased; data is good.",
        verdict: .recommended),
      DecisionOption(
        id: "b", label: "Dynamic pricing", consequence: "Customers complain.", verdict: .poor),
      DecisionOption(
        id: "c", label: "Both at once", consequence: "Half of each.", verdict: .defensible),
    ])

  /// Two phases: Sprint 0 (three items, gate S0.1 and S0.2) and Data (two items, both gated).
  static let caseStudy = CaseStudy(
    formatVersion: 1, id: "bike-shop", version: "1.2", title: "The Bike Shop",
    summary: "A small shop builds its first ML application.",
    background: "The shop has sold bikes since 1987.",
    cast: [],
    phases: [
      Phase(
        id: "sprint-0", title: "Sprint 0", goal: "Frame the project.", briefing: "Monday.",
        timeboxMinutes: 30, items: [item("S0.1"), item("S0.2"), item("S0.3", required: false)],
        decisions: [pricing], riskPrompts: [], facilitatorNotes: "Watch for scope creep."),
      Phase(
        id: "data", title: "Data", goal: "Know the data.", briefing: "Tuesday.",
        timeboxMinutes: 30, items: [item("D.1"), item("D.2")], decisions: [], riskPrompts: [],
        facilitatorNotes: ""),
    ])

  static func session(participant: String = "Team A", mode: SessionMode = .caseStudy) -> Session {
    Session(participant: participant, caseStudy: caseStudy, mode: mode, now: t0)
  }
}

@Suite("Session mutations")
struct SessionMutationTests {
  @Test func newSessionStartsAtTheFirstItemWithACreatedEvent() {
    let s = StoreFixtures.session()
    #expect(s.schemaVersion == Session.currentSchemaVersion)
    #expect(s.caseStudyID == "bike-shop")
    #expect(s.caseStudyVersion == "1.2")
    #expect(s.cursor == SessionCursor(phase: "sprint-0", item: "S0.1"))
    #expect(s.events.count == 1)
    #expect(s.events[0].kind == .created)
    #expect(s.created == StoreFixtures.t0 && s.updated == StoreFixtures.t0)
    #expect(s.items.isEmpty)
  }

  @Test func cycleGoesTodoDoingDoneTodoAndLogsEachStep() {
    var s = StoreFixtures.session()
    s.cycleStatus(of: "S0.1", at: StoreFixtures.at(1))
    #expect(s.status(of: "S0.1") == .doing)
    s.cycleStatus(of: "S0.1", at: StoreFixtures.at(2))
    #expect(s.status(of: "S0.1") == .done)
    s.cycleStatus(of: "S0.1", at: StoreFixtures.at(3))
    #expect(s.status(of: "S0.1") == .todo)
    #expect(s.items["S0.1"] == nil, "a todo item with no note is not stored")
    let details = s.events.filter { $0.kind == .status }.map(\.detail)
    #expect(details == ["todo → doing", "doing → done", "done → todo"])
    #expect(s.updated == StoreFixtures.at(3))
  }

  @Test func blockedAndNotApplicableCycleBackToTodo() {
    #expect(ItemStatus.blocked.next == .todo)
    #expect(ItemStatus.notApplicable.next == .todo)
  }

  @Test func notApplicableKeepsItsReasonAndLogsIt() {
    var s = StoreFixtures.session()
    s.setStatus(
      .notApplicable, of: "S0.3", reason: "No loyalty scheme yet", at: StoreFixtures.at(5))
    #expect(s.status(of: "S0.3") == .notApplicable)
    #expect(s.state(of: "S0.3").naReason == "No loyalty scheme yet")
    #expect(s.events.last?.detail == "todo → N/A: No loyalty scheme yet")
    #expect(s.events.last?.target == "S0.3")
    s.setStatus(.done, of: "S0.3", at: StoreFixtures.at(6))
    #expect(s.state(of: "S0.3").naReason == nil, "the reason goes when the item is no longer N/A")
  }

  @Test func settingTheSameStatusTwiceLogsNothing() {
    var s = StoreFixtures.session()
    s.setStatus(.done, of: "S0.1", at: StoreFixtures.at(1))
    let count = s.events.count
    s.setStatus(.done, of: "S0.1", at: StoreFixtures.at(2))
    #expect(s.events.count == count)
    #expect(s.updated == StoreFixtures.at(1))
  }

  @Test func notesAreAddedEditedAndClearedWithEvents() {
    var s = StoreFixtures.session()
    s.setNote("Ask Tom about the till data", of: "D.1", at: StoreFixtures.at(1))
    s.setNote("Ask Tom about the till data export", of: "D.1", at: StoreFixtures.at(1000))
    s.setNote("", of: "D.1", at: StoreFixtures.at(1001))
    #expect(s.note(of: "D.1") == "")
    #expect(s.items["D.1"] == nil)
    let details = s.events.filter { $0.kind == .note }.map(\.detail)
    #expect(details == ["note added", "note edited", "note cleared"])
    #expect(s.updated == StoreFixtures.at(1001))
  }

  @Test func typingANoteLogsOneEventPerEditingSpell() {
    var s = StoreFixtures.session()
    s.setNote("A", of: "D.1", at: StoreFixtures.at(1))
    s.setNote("Ask", of: "D.1", at: StoreFixtures.at(2))
    s.setNote("Ask Tom", of: "D.1", at: StoreFixtures.at(3))
    s.setNote("Ask Tom", of: "D.2", at: StoreFixtures.at(4))
    s.setNote("Ask Tom first", of: "D.1", at: StoreFixtures.at(5))
    #expect(s.note(of: "D.1") == "Ask Tom first")
    let notes = s.events.filter { $0.kind == .note }.map { "\($0.target ?? ""): \($0.detail)" }
    #expect(notes == ["D.1: note added", "D.2: note added", "D.1: note edited"])
    #expect(s.updated == StoreFixtures.at(5))
  }

  @Test func changingADecisionKeepsTheOldChoiceInTheLog() {
    var s = StoreFixtures.session()
    s.decide("S0.D1", option: "b", rationale: "Margins matter most", at: StoreFixtures.at(1))
    s.decide("S0.D1", option: "a", rationale: "The data supports it", at: StoreFixtures.at(2))
    s.decide("S0.D1", option: "a", rationale: "The data supports it best", at: StoreFixtures.at(3))
    #expect(
      s.decisions["S0.D1"]
        == DecisionRecord(
          option: "a", rationale: "The data supports it best", decidedAt: StoreFixtures.at(3)))
    let details = s.events.filter { $0.kind == .decision }.map(\.detail)
    #expect(details == ["chose b", "changed b → a", "rationale revised for a"])
    #expect(s.updated == StoreFixtures.at(3))
  }

  @Test func eventsAreOnlyEverAppended() {
    var s = StoreFixtures.session()
    var seen = s.events
    s.cycleStatus(of: "S0.1", at: StoreFixtures.at(1))
    s.setNote("x", of: "S0.1", at: StoreFixtures.at(2))
    s.decide("S0.D1", option: "c", rationale: "r", at: StoreFixtures.at(3))
    #expect(Array(s.events.prefix(seen.count)) == seen)
    seen = s.events
    #expect(seen.map(\.kind) == [.created, .status, .note, .decision])
    #expect(seen.map(\.at) == [StoreFixtures.t0] + (1...3).map(StoreFixtures.at))
  }

  @Test func movingTheCursorIsNotLogged() {
    var s = StoreFixtures.session()
    s.moveCursor(phase: "data", item: "D.2")
    #expect(s.cursor == SessionCursor(phase: "data", item: "D.2"))
    #expect(s.events.count == 1)
    #expect(s.updated == StoreFixtures.t0)
  }
}

@Suite("Progress")
struct ProgressTests {
  @Test func emptySessionHasNoGatesMetAndZeroReadiness() {
    let p = Progress(caseStudy: StoreFixtures.caseStudy, session: StoreFixtures.session())
    #expect(p.phases.map(\.gateTotal) == [2, 2])
    #expect(p.gatesMet == 0)
    #expect(p.readiness == 0)
    #expect(p.total == 5 && p.settled == 0)
  }

  @Test func doneAndNotApplicableBothSettleAGate() {
    var s = StoreFixtures.session()
    s.setStatus(.done, of: "S0.1")
    s.setStatus(.notApplicable, of: "S0.2", reason: "no")
    let p = Progress(caseStudy: StoreFixtures.caseStudy, session: s)
    #expect(p.phases[0].gateMet)
    #expect(p.phases[0].settled == 2 && p.phases[0].done == 1 && p.phases[0].notApplicable == 1)
    #expect(!p.phases[1].gateMet)
    #expect(p.gatesMet == 1)
  }

  @Test func doingAndBlockedDoNotSettleAGate() {
    var s = StoreFixtures.session()
    s.setStatus(.doing, of: "S0.1")
    s.setStatus(.blocked, of: "S0.2")
    let p = Progress(caseStudy: StoreFixtures.caseStudy, session: s)
    #expect(p.phases[0].gateSettled == 0)
    #expect(p.phases[0].doing == 1 && p.phases[0].blocked == 1)
  }

  @Test func optionalItemsCountForProgressButNotTheGate() {
    var s = StoreFixtures.session()
    s.setStatus(.done, of: "S0.3")
    let p = Progress(caseStudy: StoreFixtures.caseStudy, session: s)
    #expect(p.phases[0].settled == 1)
    #expect(p.phases[0].gateSettled == 0)
  }

  @Test func readinessIsTheWeakestPhaseWithItsWorkings() {
    var s = StoreFixtures.session()
    s.setStatus(.done, of: "S0.1")
    s.setStatus(.done, of: "S0.2")
    s.setStatus(.done, of: "D.1")
    let p = Progress(caseStudy: StoreFixtures.caseStudy, session: s)
    #expect(p.phases[0].score == 1)
    #expect(p.phases[1].score == 0.5)
    #expect(p.readiness == 0.5)
    #expect(p.weakest?.phaseID == "data")
    #expect(
      p.readinessWorkings
        == "Readiness 50% = the weakest phase's gate score: Data has 1 of 2 required items done or N/A."
    )
  }

  @Test func decisionsTakenAreCountedPerPhase() {
    var s = StoreFixtures.session()
    s.decide("S0.D1", option: "a", rationale: "r")
    let p = Progress(caseStudy: StoreFixtures.caseStudy, session: s)
    #expect(p.phases[0].decisionsTaken == 1 && p.phases[0].decisionsTotal == 1)
    #expect(p.phases[1].decisionsTotal == 0)
  }

  @Test func totalsAddUpEveryPhase() {
    var s = StoreFixtures.session()
    s.setStatus(.done, of: "S0.1")
    s.setStatus(.notApplicable, of: "S0.2", reason: "no")
    s.setStatus(.doing, of: "S0.3")
    s.setStatus(.blocked, of: "D.1")
    s.decide("S0.D1", option: "a", rationale: "r")
    let t = Progress(caseStudy: StoreFixtures.caseStudy, session: s).totals
    #expect(t.items == 5 && t.settled == 2)
    #expect(t.done == 1 && t.notApplicable == 1 && t.doing == 1 && t.blocked == 1)
    #expect(t.decisions == 1 && t.decisionsTaken == 1)
  }

  @Test func percentRoundsDown() {
    #expect(Progress.percent(0.999) == "99%")
    #expect(Progress.percent(1) == "100%")
    #expect(Progress.percent(1.0 / 3) == "33%")
  }
}
