import Foundation
import Testing

@testable import CaseBenchLoading
@testable import CaseBenchModel
@testable import CaseBenchStore

enum ToolkitFixtures {
  /// The store fixture with a cast and risk prompts.
  static let caseStudy: CaseStudy = {
    var cs = StoreFixtures.caseStudy
    cs.cast = [
      CastMember(
        id: "helen", name: "Helen", role: "Owner", wants: "Proof", hotButtons: ["Overruns"],
        power: .high, interest: .high),
      CastMember(
        id: "ray", name: "Ray", role: "Mechanic", wants: "Fair rotas", hotButtons: [],
        power: .low, interest: .high),
    ]
    cs.phases[0].riskPrompts = [
      RiskPrompt(
        id: "S0.R1", text: "The price is fixed\nbefore the data is known.", likelihood: 4, impact: 5
      ),
      RiskPrompt(id: "S0.R2", text: "Nobody owns the data.", likelihood: nil, impact: nil),
    ]
    return cs
  }()

  /// A session with something in every part of the toolkit.
  static func busy(mode: SessionMode = .caseStudy) throws -> Session {
    var s = Session(participant: "Team A", caseStudy: caseStudy, mode: mode, now: StoreFixtures.t0)
    s.decide("S0.D1", option: "a", rationale: "Till data", at: StoreFixtures.at(1))
    try s.takeRiskPrompt("S0.R1", in: caseStudy, owner: "Helen", at: StoreFixtures.at(2))
    try s.addRisk(
      RiskDraft(
        title: "<script>alert(1)</script> | pipes", phase: "data", likelihood: 2, impact: 3,
        owner: "Nadia", mitigation: "Cover for the stocktake", reviewDate: "2026-12-14"),
      in: caseStudy, at: StoreFixtures.at(3))
    try s.setEstimate(
      tasks: [
        EstimateTask(title: "Data survey", days: 5), EstimateTask(title: "Baseline", days: 7.5),
      ], factors: [.bigData, .complexData, .ethics], at: StoreFixtures.at(4))
    try s.addPerson(
      name: "Pat <Bank>", role: "Bank manager", wants: "Repayments", hotButtons: ["Surprises"],
      power: .high, interest: .low, at: StoreFixtures.at(5))
    if mode == .caseStudy {
      try s.setPersonNote("Call on Fridays", of: "helen", in: caseStudy, at: StoreFixtures.at(6))
    }
    try s.addMetric(
      name: "Stock-outs on key lines", kpi: .revenue, mechanism: "Fewer empty shelves",
      target: "Down a third", at: StoreFixtures.at(7))
    try s.addModel(
      name: "Seasonal naive", phase: "data", dataVersion: "till-2026-01", parameters: "52 weeks",
      metrics: "MAPE 31%", notes: "Baseline", rebuildable: true, rebuildNeeds: "Git tag v0.1",
      in: caseStudy, at: StoreFixtures.at(8))
    try s.addModel(
      name: "Gradient boosting", phase: "data", rebuildable: false,
      rebuildNeeds: "Seed and feature list", in: caseStudy, at: StoreFixtures.at(9))
    try s.recordAdoption(
      candidates: ["M1", "M2"], chosen: "M1", rationale: "Tom can interrogate it",
      at: StoreFixtures.at(10))
    try s.logDecision(
      title: "Weekly, not daily", rationale: "Orders are weekly", at: StoreFixtures.at(11))
    return s
  }
}

@Suite("Estimate heuristic")
struct EstimateHeuristicTests {
  private func workings(_ days: Double, _ factors: [EstimateFactor]) -> EstimateWorkings {
    EstimateWorkings(tasks: [EstimateTask(title: "Solo", days: days)], factors: factors)
  }

  @Test func theWorkedExampleDoublesThreeTimes() {
    let w = workings(10, [.complexData, .bigData])
    #expect(w.chain == "10 → 20 → 40 → 80")
    #expect(w.multiplier == 8)
    #expect(w.low == 80 && w.high == 80)
    #expect(w.rangeText == "80 person-days")
    #expect(
      w.lines == [
        "Base (solo) estimate: 10 person-days from 1 task",
        "× 2 for doubling the solo estimate: 10 → 20",
        "× 2 for complex or poorly understood data: 20 → 40",
        "× 2 for big data: 40 → 80",
        "Flagged, not multiplied: none",
        "Workings: 10 → 20 → 40 → 80 person-days (× 8)",
        "Result: 80 person-days",
      ])
  }

  @Test func withNoFactorsTheSoloEstimateIsStillDoubled() {
    let w = workings(5, [])
    #expect(w.chain == "5 → 10")
    #expect(w.multiplier == 2)
    #expect(w.steps.count == 1)
  }

  @Test func eachDoublingFactorDoublesOnceInAFixedOrder() {
    let w = workings(3, [.distributedPlatform, .bigData, .complexData, .complexData])
    #expect(w.chain == "3 → 6 → 12 → 24 → 48")
    #expect(w.multiplier == 16)
    #expect(
      w.steps.map(\.reason) == [
        "doubling the solo estimate", "complex or poorly understood data", "big data",
        "a complex or distributed platform",
      ])
  }

  @Test func flagsAreListedWithoutMultiplyingAndWidenTheRange() {
    let flags: [EstimateFactor] = [
      .dirtyData, .ethics, .manyModels, .unstructuredData, .complexEvaluation, .modelDocs,
    ]
    let w = workings(15, flags + [.complexData])
    #expect(w.low == 60, "flags do not multiply")
    #expect(w.flags == flags)
    #expect(abs(w.high - 96) < 1e-9, "10% of 60 for each of six flags")
    #expect(w.rangeText == "60–96 person-days")
    for flag in flags {
      #expect(w.lines.contains("Flagged, not multiplied: \(flag.label)"), "\(flag)")
    }
    #expect(
      w.lines.last
        == "Result: 60–96 person-days (60, plus casebench's own 10% for each of 6 flags: the "
        + "author puts no figure on them)", "the workings say the allowance is not the author's")
  }

  @Test func aBaseOverTwentyDaysWarns() {
    #expect(workings(20, []).warning == nil)
    let w = workings(20.5, [])
    #expect(w.warning?.contains("over 20 person-days") == true)
    #expect(w.lines[1].hasPrefix("Warning: the base is over 20 person-days"))
    // The base is the sum of the tasks.
    let tasks = EstimateWorkings(
      tasks: [EstimateTask(title: "a", days: 12), EstimateTask(title: "b", days: 9)], factors: [])
    #expect(tasks.base == 21)
    #expect(tasks.warning != nil)
  }

  @Test func theTaskBreakdownScalesEachTask() {
    let w = EstimateWorkings(
      tasks: [EstimateTask(title: "Survey", days: 5), EstimateTask(title: "Baseline", days: 7.5)],
      factors: [.bigData])
    #expect(w.base == 12.5)
    #expect(w.taskLines == ["Survey: 5 → 20 person-days", "Baseline: 7.5 → 30 person-days"])
    #expect(w.lines[0] == "Base (solo) estimate: 12.5 person-days from 2 tasks")
  }

  @Test func daysAreParsedStrictly() {
    #expect((try? EstimateWorkings.parseDays("7.5").get()) == 7.5)
    #expect((try? EstimateWorkings.parseDays(" 10 ").get()) == 10)
    for bad in ["-1", "abc", "", "nan", "inf", "1e9", "10 days"] {
      #expect((try? EstimateWorkings.parseDays(bad).get()) == nil, "\(bad)")
    }
    if case .failure(let e) = EstimateWorkings.parseDays("-3") {
      #expect(e.message == "person-days cannot be negative")
    }
    #expect(EstimateWorkings.days(0.25) == "0.25")
    #expect(EstimateWorkings.days(1.0 / 3) == "0.33")
  }

  @Test func anEstimateInASessionIsCheckedAndLogged() throws {
    var s = StoreFixtures.session()
    #expect(throws: ToolkitError.self) { try s.setEstimate(tasks: [], factors: []) }
    #expect(throws: ToolkitError.self) {
      try s.setEstimate(tasks: [EstimateTask(title: "x", days: -1)], factors: [])
    }
    #expect(throws: ToolkitError.self) {
      try s.setEstimate(tasks: [EstimateTask(title: " ", days: 1)], factors: [])
    }
    #expect(s.events.count == 1, "refused changes are not logged")
    let changed = try s.setEstimate(
      tasks: [EstimateTask(title: "Solo", days: 10)], factors: [.complexData, .bigData],
      at: StoreFixtures.at(1))
    #expect(changed)
    #expect(s.events.last?.kind == .estimate)
    #expect(s.events.last?.detail == "80 person-days (10 → 20 → 40 → 80)")
    let again = try s.setEstimate(
      tasks: [EstimateTask(title: "Solo", days: 10)], factors: [.bigData, .complexData],
      at: StoreFixtures.at(2))
    #expect(!again, "the same estimate is not a change")
    let changed1 = s.clearEstimate(at: StoreFixtures.at(3))
    #expect(changed1)
    #expect(s.toolkit.estimate == nil)
  }
}

@Suite("Risk register")
struct RiskRegisterTests {
  private func risk(_ id: String, _ l: Int, _ i: Int, _ status: RiskStatus = .open) -> Risk {
    Risk(
      id: id, title: id, phase: "data", likelihood: l, impact: i, status: status,
      raised: StoreFixtures.t0)
  }

  @Test func theHeatMapCountsEachCellAndLeavesClosedRisksOut() {
    let risks = [
      risk("R1", 4, 5), risk("R2", 4, 5, .mitigated), risk("R3", 1, 1), risk("R4", 5, 1),
      risk("R5", 1, 5, .occurred), risk("R6", 4, 5, .closed), risk("R7", 3, 3),
    ]
    let map = RiskRegister.heatMap(risks)
    #expect(map.count == 5 && map.allSatisfy { $0.count == 5 })
    #expect(map[3][4] == 2, "likelihood 4, impact 5: R1 and R2, not the closed R6")
    #expect(map[0][0] == 1)
    #expect(map[4][0] == 1, "likelihood 5, impact 1")
    #expect(map[0][4] == 1, "likelihood 1, impact 5")
    #expect(map[2][2] == 1)
    #expect(map.joined().reduce(0, +) == 6)
    #expect(RiskRegister.risks(risks, likelihood: 4, impact: 5).map(\.id) == ["R1", "R2"])
    #expect(RiskRegister.risks(risks, likelihood: 2, impact: 2).isEmpty)
    let lines = RiskRegister.heatMapLines(risks)
    #expect(lines[2] == "L4   .  .  .  .  2")
    #expect(lines.last == "    I1 I2 I3 I4 I5")
  }

  @Test func openHighRisksScoreFifteenOrMoreHighestFirst() {
    let risks = [
      risk("R1", 3, 5), risk("R2", 5, 5), risk("R3", 4, 3), risk("R4", 5, 5, .mitigated),
      risk("R5", 4, 4), risk("R6", 5, 3), risk("R7", 5, 4, .occurred),
    ]
    // 15 counts (R1, R6), 12 does not (R3); only open risks (not R4 or R7); ties keep order.
    #expect(RiskRegister.openHigh(risks).map(\.id) == ["R2", "R5", "R1", "R6"])
    #expect(risk("R", 3, 5).isOpenHigh)
    #expect(!risk("R", 2, 7).isOpenHigh)
    #expect(!risk("R", 5, 5, .closed).isOpenHigh)
  }

  @Test func risksAreCheckedAddedEditedClosedAndLogged() throws {
    var s = StoreFixtures.session()
    let cs = ToolkitFixtures.caseStudy
    let good = RiskDraft(title: "Data late", phase: "data", likelihood: 3, impact: 4)
    var bad = good
    bad.phase = "nope"
    #expect(throws: ToolkitError.self) { try s.addRisk(bad, in: cs) }
    bad = good
    bad.likelihood = 0
    #expect(throws: ToolkitError.self) { try s.addRisk(bad, in: cs) }
    bad = good
    bad.impact = 6
    #expect(throws: ToolkitError.self) { try s.addRisk(bad, in: cs) }
    bad = good
    bad.title = "  "
    #expect(throws: ToolkitError.self) { try s.addRisk(bad, in: cs) }
    bad = good
    bad.reviewDate = "2026-02-30"
    #expect(throws: ToolkitError.self) { try s.addRisk(bad, in: cs) }
    #expect(s.events.count == 1)

    let r1 = try s.addRisk(good, in: cs, at: StoreFixtures.at(1))
    #expect(r1.id == "R1" && r1.status == .open && r1.raised == StoreFixtures.at(1))
    #expect(s.events.last?.detail == "added: Data late (L3 × I4 = 12)")
    var edited = r1
    edited.likelihood = 5
    edited.owner = "Ben"
    let changed2 = try s.editRisk(edited, in: cs, at: StoreFixtures.at(2))
    #expect(changed2)
    #expect(s.toolkit.risks[0].score == 20)
    #expect(s.events.last?.detail == "edited: L3 × I4 → L5 × I4, owner Ben")
    let changed3 = try s.editRisk(edited, in: cs)
    #expect(!changed3, "no change, no event")
    let changed4 = try s.closeRisk("R1", at: StoreFixtures.at(3))
    #expect(changed4)
    #expect(s.toolkit.risks[0].status == .closed)
    #expect(s.events.last?.detail == "open → closed")
    let changed5 = try s.closeRisk("R1")
    #expect(!changed5)
    #expect(throws: ToolkitError.self) { try s.closeRisk("R9") }
    let r2 = try s.addRisk(good, in: cs, at: StoreFixtures.at(4))
    #expect(r2.id == "R2")
    #expect(s.events.filter { $0.kind == .risk }.count == 4)
    #expect(s.updated == StoreFixtures.at(4))
  }

  @Test func takingAPromptCopiesItsScoresAndItIsOfferedOnlyOnce() throws {
    var s = StoreFixtures.session()
    let cs = ToolkitFixtures.caseStudy
    #expect(
      RiskRegister.suggestions(for: cs.phases[0], session: s).map(\.id) == ["S0.R1", "S0.R2"])
    let r = try s.takeRiskPrompt("S0.R1", in: cs, at: StoreFixtures.at(1))
    #expect(r.title == "The price is fixed before the data is known.")
    #expect(r.likelihood == 4 && r.impact == 5 && r.phase == "sprint-0" && r.prompt == "S0.R1")
    #expect(s.events.last?.detail.hasPrefix("added from prompt S0.R1:") == true)
    #expect(RiskRegister.suggestions(for: cs.phases[0], session: s).map(\.id) == ["S0.R2"])
    #expect(throws: ToolkitError.self) { try s.takeRiskPrompt("S0.R1", in: cs) }
    #expect(throws: ToolkitError.self) { try s.takeRiskPrompt("S9.R9", in: cs) }
    let unscored = try s.takeRiskPrompt("S0.R2", in: cs)
    #expect(unscored.likelihood == 3 && unscored.impact == 3)
    let own = StoreFixtures.session(mode: .ownProject)
    #expect(
      RiskRegister.suggestions(for: cs.phases[0], session: own).isEmpty,
      "own-project mode is seeded only from the user's entries")
  }
}

@Suite("Stakeholders, metrics, models and the decision log")
struct ToolkitRecordTests {
  @Test func theMapIsSeededFromTheCastOnlyInCaseStudyMode() throws {
    let s = try ToolkitFixtures.busy()
    let map = StakeholderMap(caseStudy: ToolkitFixtures.caseStudy, session: s)
    #expect(map.entries.map(\.person.id) == ["helen", "ray", "P1"])
    #expect(map.entries[0].note == "Call on Fridays")
    #expect(map.entries[0].person.strategy == "manage closely")
    #expect(map.entries[1].person.strategy == "keep informed")
    #expect(map.entries[2].person.strategy == "keep satisfied")
    #expect(map.cell(power: .high, interest: .high).map(\.person.name) == ["Helen"])
    let own = try ToolkitFixtures.busy(mode: .ownProject)
    let ownMap = StakeholderMap(caseStudy: ToolkitFixtures.caseStudy, session: own)
    #expect(ownMap.entries.map(\.person.id) == ["P1"])
    var o = own
    #expect(throws: ToolkitError.self) {
      try o.setPersonNote("x", of: "helen", in: ToolkitFixtures.caseStudy)
    }
  }

  @Test func personNotesShareOneEventPerSpell() throws {
    var s = StoreFixtures.session()
    let cs = ToolkitFixtures.caseStudy
    try s.setPersonNote("a", of: "ray", in: cs, at: StoreFixtures.at(1))
    try s.setPersonNote("ab", of: "ray", in: cs, at: StoreFixtures.at(2))
    #expect(s.events.filter { $0.kind == .stakeholder }.count == 1)
    try s.setPersonNote("", of: "ray", in: cs, at: StoreFixtures.at(3))
    #expect(s.events.last?.detail == "note cleared")
    #expect(s.toolkit.personNotes.isEmpty)
  }

  @Test func metricsModelsAndAdoptionsAreChecked() throws {
    var s = StoreFixtures.session()
    let cs = ToolkitFixtures.caseStudy
    #expect(throws: ToolkitError.self) { try s.addMetric(name: "x", kpi: .revenue, mechanism: " ") }
    let k = try s.addMetric(name: "Wait", kpi: .cycleTime, mechanism: "Rotas match bookings")
    #expect(k.id == "K1")
    #expect(throws: ToolkitError.self) { try s.addModel(name: "m", phase: "nope", in: cs) }
    let m = try s.addModel(name: "m", phase: "data", in: cs)
    #expect(m.id == "M1" && !m.rebuildable)
    var edited = m
    edited.rebuildable = true
    edited.rebuildNeeds = "the data snapshot"
    let changed6 = try s.editModel(edited, in: cs)
    #expect(changed6)
    #expect(s.events.last?.detail == "edited: can now be rebuilt, what rebuilding needs")
    edited.phase = "nope"
    #expect(throws: ToolkitError.self) { try s.editModel(edited, in: cs) }
    #expect(throws: ToolkitError.self) {
      try s.recordAdoption(candidates: ["M1", "M7"], chosen: "M1", rationale: "r")
    }
    #expect(throws: ToolkitError.self) {
      try s.recordAdoption(candidates: ["M1"], chosen: "M1", rationale: "")
    }
    let a = try s.recordAdoption(candidates: [], chosen: "M1", rationale: "only one")
    #expect(a.candidates == ["M1"], "the chosen model is always a candidate")
    let changed7 = try s.removeMetric("K1")
    #expect(changed7)
    #expect(s.toolkit.metrics.isEmpty)
  }

  @Test func recordsAreEditedFieldByFieldWithClearErrors() throws {
    var s = try ToolkitFixtures.busy()
    let cs = ToolkitFixtures.caseStudy
    let risk = try #require(s.toolkit.risk(id: "R2"))
    let fields = risk.fields(in: cs, toolkit: s.toolkit)
    #expect(
      fields.map(\.name) == [
        "title", "phase", "likelihood", "impact", "owner", "mitigation", "status", "review date",
      ])
    #expect(fields[2].stepped(1) == "3" && fields[2].stepped(-2) == "5")
    #expect(fields[4].stepped(1) == nil, "free text has no choices")
    for (index, text, message) in [
      (2, "x", "likelihood must be a whole number from 1 to 5, not 'x'"),
      (3, "0", "impact must be from 1 to 5, not 0"),
      (6, "done", "'done' is not a status"),
      (7, "14/12/2026", "'14/12/2026' is not a day"),
      (0, "  ", "the title is empty"),
    ] {
      #expect(throws: ToolkitError.self) { try risk.setting(index, to: text) }
      do {
        _ = try risk.setting(index, to: text)
      } catch {
        #expect(error.message == message)
      }
    }
    #expect(try risk.setting(6, to: "Occurred").status == .occurred)
    #expect(try risk.setting(7, to: "").reviewDate == nil)

    // Metrics: the KPI by its id or its label; the mechanism must stay.
    let metric = try #require(s.toolkit.metric(id: "K1"))
    #expect(try metric.setting(1, to: "people_intensity").kpi == .peopleIntensity)
    #expect(try metric.setting(1, to: "Customer experience").kpi == .customerExperience)
    #expect(throws: ToolkitError.self) { try metric.setting(2, to: "") }
    var edited = try metric.setting(1, to: "cycle time")
    edited = try edited.setting(3, to: "Within a week")
    #expect(try s.editMetric(edited, in: cs, at: StoreFixtures.at(20)))
    #expect(s.events.last?.kind == .metric)
    #expect(s.events.last?.detail == "edited: KPI → cycle time, target")
    #expect(try !s.editMetric(edited, in: cs, at: StoreFixtures.at(21)), "no change, no event")

    // Adoptions: registered models only; when it was decided does not change.
    let adoption = try #require(s.toolkit.adoptions.first)
    #expect(throws: ToolkitError.self) {
      try s.editAdoption(adoption.setting(0, to: "M1, M9"), in: cs)
    }
    let moved = try adoption.setting(1, to: "M2").setting(0, to: "M1")
    #expect(try s.editAdoption(moved, in: cs, at: StoreFixtures.at(22)))
    let saved = try #require(s.toolkit.adoptions.first)
    #expect(saved.candidates == ["M1", "M2"] && saved.chosen == "M2")
    #expect(saved.decidedAt == adoption.decidedAt)
    #expect(s.events.last?.kind == .adoption)
    #expect(s.events.last?.detail.hasSuffix("adopted M2 from M1, M2") == true)
    let reloaded = try SessionStore.decode(SessionStore.encode(s), file: "s.json")
    #expect(reloaded.toolkit == s.toolkit)
  }

  @Test func theDecisionLogGathersEverythingInTimeOrder() throws {
    let s = try ToolkitFixtures.busy()
    let log = DecisionLog.entries(caseStudy: ToolkitFixtures.caseStudy, session: s)
    #expect(
      log.map(\.kind) == [
        "case decision", "risk", "risk", "estimate", "stakeholder", "stakeholder", "metric",
        "model", "model", "adoption", "decision",
      ])
    #expect(log.map(\.at) == log.map(\.at).sorted())
    #expect(log[0].subject == "S0.D1")
    #expect(log[0].text == "Which problem first?: chose a) Stock forecasting")
    #expect(log[9].text == "adopted M1 from M1, M2: Tom can interrogate it")
    #expect(log[10].text == "Weekly, not daily: Orders are weekly")
    #expect(!log.contains { $0.kind == "created" || $0.kind == "status" })
  }

  @Test func everyToolkitChangeIsInTheEventLog() throws {
    let s = try ToolkitFixtures.busy()
    let kinds = Set(s.events.map(\.kind))
    for kind in [SessionEvent.Kind.risk, .estimate, .stakeholder, .metric, .model, .adoption, .log]
    {
      #expect(kinds.contains(kind), "\(kind)")
    }
    #expect(s.updated == StoreFixtures.at(11))
  }
}

@Suite("Toolkit in the session file")
struct ToolkitStoreTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/sessions")

  @Test func everythingRoundTrips() throws {
    let s = try ToolkitFixtures.busy()
    let data = try SessionStore.encode(s)
    let back = try SessionStore.decode(data, file: "s.json")
    #expect(back == s)
    #expect(back.toolkit.risks.count == 2)
    #expect(back.toolkit.estimate?.tasks.map(\.days) == [5, 7.5])
    #expect(String(decoding: data, as: UTF8.self).contains("\"schema_version\" : 2"))
  }

  @Test func theWriterMatchesJSONEncoderForTheToolkit() throws {
    var s = try ToolkitFixtures.busy()
    try s.setEstimate(
      tasks: [
        EstimateTask(title: "odd \"days\"", days: 0.1), EstimateTask(title: "b", days: 1e-3),
      ],
      factors: [.modelDocs], at: StoreFixtures.at(20))
    let encoder = SessionStore.makeEncoder()
    var expected = try encoder.encode(s)
    expected.append(0x0A)
    let written = try SessionStore.encode(s)
    #expect(written == expected, "\(String(decoding: written, as: UTF8.self))")

    var bare = StoreFixtures.session()
    bare.toolkit = Toolkit()
    var expectedBare = try encoder.encode(bare)
    expectedBare.append(0x0A)
    #expect(try SessionStore.encode(bare) == expectedBare)
  }

  @Test func aSchemaOneFileOpensWithAnEmptyToolkitAndSavesAsSchemaTwo() throws {
    let url = ToolkitStoreTests.fixtures.appendingPathComponent("schema-1.json")
    let s = try SessionStore.load(from: url)
    #expect(s.schemaVersion == 2)
    #expect(s.toolkit.isEmpty)
    #expect(s.participant == "Team A")
    #expect(s.status(of: "S0.1") == .done)
    #expect(s.note(of: "S0.1") == "Spoke to Tom and Nadia.")
    #expect(s.decisions["S0.D1"]?.option == "a")
    #expect(s.events.count == 4)
    try withStoreTemporaryDirectory { dir in
      let copy = dir.appendingPathComponent("old.json")
      try FileManager.default.copyItem(at: url, to: copy)
      var opened = try SessionStore.load(from: copy)
      try opened.addRisk(
        RiskDraft(title: "Old file, new risk", phase: "data", likelihood: 2, impact: 2),
        in: ToolkitFixtures.caseStudy, at: StoreFixtures.at(30))
      try SessionStore.save(opened, to: copy)
      let text = try String(contentsOf: copy, encoding: .utf8)
      #expect(text.contains("\"schema_version\" : 2"))
      #expect(try SessionStore.load(from: copy) == opened)
      // The schema-1 original is kept as the last good copy.
      let backup = try String(contentsOf: SessionStore.backupURL(for: copy), encoding: .utf8)
      #expect(backup.contains("\"schema_version\" : 1"))
    }
  }

  @Test func aBadRiskStatusIsNamedWithItsLine() throws {
    var s = try ToolkitFixtures.busy()
    s.toolkit.risks[0].status = .open
    let text = String(decoding: try SessionStore.encode(s), as: UTF8.self)
      .replacingOccurrences(of: "\"status\" : \"open\"", with: "\"status\" : \"maybe\"")
    do {
      _ = try SessionStore.decode(Data(text.utf8), file: "s.json")
      Issue.record("expected an error")
    } catch {
      #expect(error.kind == .invalid)
      #expect(error.message.contains("toolkit.risks[0].status"), "\(error.message)")
      #expect(error.message.contains("open, mitigated, closed or occurred"), "\(error.message)")
      #expect(error.line > 1)
    }
  }
}
