import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports
import Foundation
import Testing

@testable import CaseBenchTUI

/// The project manager's tools on the real Bike Shop: keys, saving and golden screens.
@Suite("Tool screens")
struct ToolScreenTests {
  static func state(_ size: Size = Size(width: 80, height: 24)) throws -> AppState {
    try BikeShopScreenTests.state(size: size)
  }

  /// Takes the first two risk prompts of Sprint 0 and adds a risk of our own at L2 × I3.
  static func withRisks(_ size: Size = Size(width: 80, height: 24)) throws -> AppState {
    var state = try state(size)
    send(&state, .char("r"), .tab, .tab, .enter, .enter)
    send(&state, .tab)  // back to the map
    send(&state, .down, .down, .left, .left)  // L2 × I3 from L4 × I5, the last one taken
    send(&state, .char("a"))
    type(&state, "Till export <drops> refunds")
    send(&state, .enter)
    return state
  }

  static func withEstimate(_ size: Size = Size(width: 80, height: 24)) throws -> AppState {
    var state = try state(size)
    send(&state, .char("t"), .char("a"))
    type(&state, "Ola's solo forecast 15")
    send(&state, .enter, .char("a"))
    type(&state, "Consent review = 3")
    send(&state, .enter, .char("1"), .char("5"), .char("6"))
    return state
  }

  @Test func eachToolIsOneKeyFromTheWorkbenchAndFromEachOtherAndEscGoesBack() throws {
    var state = try Self.state()
    for (key, kind) in [
      ("r", ToolKind.risks), ("t", .estimate), ("s", .stakeholders), ("m", .models), ("l", .log),
    ] {
      send(&state, .char(Character(key)))
      guard case .tool(let tool) = state.overlay else {
        Issue.record("\(key) did not open a tool")
        continue
      }
      #expect(tool.kind == kind)
    }
    send(&state, .escape)
    #expect(state.overlay == .none)
    #expect(state.workbench?.focus == .checklist)
    // From the detail pane too.
    send(&state, .enter)
    #expect(state.workbench?.focus == .detail)
    send(&state, .char("t"))
    if case .tool(let tool) = state.overlay {
      #expect(tool.kind == .estimate)
    } else {
      Issue.record("t did not open the estimate from the detail pane")
    }
  }

  @Test func toolKeysAreInTheKeyTableSoHelpAndHintsKnowThem() throws {
    for kind in ToolKind.allCases {
      #expect(KeyTable.all.contains { $0.label == kind.binding.label && $0.group == .tools })
      #expect(KeyTable.command(for: kind.binding.keys[0].key, in: .workbench) == .openTool(kind))
      #expect(KeyTable.command(for: kind.binding.keys[0].key, in: .tool) == .openTool(kind))
    }
    var state = try Self.state()
    send(&state, .char("?"))
    #expect(state.overlay == .help(scroll: 0))
    let groups = HelpScreen.groups(phases: 6)
    let tools = try #require(groups.first { $0.0 == HelpGroup.tools.rawValue })
    #expect(tools.1.map(\.0).prefix(5) == ["r", "t", "s", "m", "l"])
    send(&state, .escape, .char("r"))
    #expect(StatusBar.keyHints(state).first == "Esc checklist")
  }

  @Test func theHeatMapListsTheRisksInTheSelectedCell() throws {
    var state = try Self.withRisks()
    let risks = try #require(state.session?.toolkit.risks)
    #expect(risks.map(\.prompt) == ["S0.R1", "S0.R2", nil])
    #expect(risks.map(\.score) == [16, 20, 6])
    #expect(risks[2].phase == "sprint-0" && risks[2].likelihood == 2 && risks[2].impact == 3)
    guard case .tool(var tool) = state.overlay else {
      Issue.record("not in the risk register")
      return
    }
    tool.likelihood = 4
    tool.impact = 5
    state.overlays.replaceTop(with: .tool(tool))
    let wb = try #require(state.workbench)
    #expect(ToolLists.risksInCell(tool, wb: wb).map(\.id) == ["R2"])
    // Moving through the map changes the list.
    send(&state, .left)
    guard case .tool(let moved) = state.overlay else { return }
    #expect(moved.impact == 4)
    #expect(ToolLists.risksInCell(moved, wb: wb).map(\.id) == ["R1"])
    #expect(ToolLists.suggestions(wb).map(\.id) == ["S0.R3", "S0.R4", "S0.R5"])
    // Edit R1 from the cell's list: its title (in its form) and its mitigation (n).
    send(&state, .tab, .enter, .enter)
    for _ in 0..<300 { send(&state, .backspace) }
    type(&state, "Helen sets expectations from a demo")
    send(&state, .enter, .escape, .char("n"))
    type(&state, "Show workings every Friday")
    send(&state, .enter)
    let edited = try #require(state.session?.toolkit.risks.first)
    #expect(edited.title == "Helen sets expectations from a demo")
    #expect(edited.mitigation == "Show workings every Friday")
    #expect(state.session?.events.last?.detail == "edited: mitigation")
    // Close R1 from the cell's list.
    send(&state, .char("c"))
    #expect(state.session?.toolkit.risks[0].status == .closed)
    #expect(state.sessionRevision >= 4, "every change is saved")
  }

  @Test func theEstimateIsBuiltFromTasksAndFactors() throws {
    var state = try Self.withEstimate()
    let estimate = try #require(state.session?.toolkit.estimate)
    #expect(estimate.tasks.map(\.title) == ["Ola's solo forecast", "Consent review"])
    #expect(estimate.factors == [.complexData, .ethics, .manyModels])
    #expect(estimate.workings.chain == "18 → 36 → 72")
    send(&state, .char("6"))
    #expect(state.session?.toolkit.estimate?.factors == [.complexData, .ethics])
    send(&state, .down, .char("x"))
    #expect(state.session?.toolkit.estimate?.tasks.count == 1)
    send(&state, .char("a"))
    type(&state, "Field trial soon")
    send(&state, .enter)
    #expect(state.message?.isError == true, "a task must end with its person-days")
    #expect(state.session?.toolkit.estimate?.tasks.count == 1)
  }

  @Test func stakeholdersModelsAndTheLog() throws {
    var state = try Self.state()
    send(&state, .char("s"), .enter, .char("n"))
    type(&state, "Wants figures by Friday")
    send(&state, .enter)
    #expect(state.session?.toolkit.personNotes["helen"] == "Wants figures by Friday")
    send(&state, .char("m"), .char("a"))
    type(&state, "Seasonal naive baseline")
    send(&state, .enter, .char(" "))
    #expect(state.session?.toolkit.models.first?.rebuildable == true)
    send(&state, .char("l"), .char("a"))
    type(&state, "Weekly forecasts, not daily")
    send(&state, .enter)
    #expect(state.session?.toolkit.log.first?.title == "Weekly forecasts, not daily")
  }

  @Test func aReadOnlySessionCannotBeChangedFromATool() throws {
    var state = try Self.state()
    let study = try #require(CaseStudyCatalog.builtIn().first)
    state.openWorkbench(
      caseStudy: study, session: Session(participant: "X", caseStudy: study, now: Fixture.now),
      sessionName: "X", readOnly: true, readOnlyReason: "open elsewhere")
    send(&state, .char("r"), .char("a"))
    #expect(state.message?.text.hasPrefix("Read-only") == true)
    send(&state, .tab, .tab, .enter)
    #expect(state.session?.toolkit.risks.isEmpty == true)
  }

  @Test func itemsThatTalkAboutAToolOfferItsKey() throws {
    let study = try #require(CaseStudyCatalog.builtIn().first)
    let estimate = try #require(study.item(id: "S0.5"))
    #expect(ToolKind.offered(for: estimate).contains(.estimate))
    let register = try #require(study.item(id: "S0.8"))
    #expect(ToolKind.offered(for: register) == [.risks])
    // Items whose tags are about something else still offer the tool their text names.
    let heartbeat = try #require(study.item(id: "S0.7"))
    #expect(ToolKind.offered(for: heartbeat).contains(.log), "it asks who reads the decision log")
    let postModelling = try #require(study.item(id: "E.11"))
    #expect(ToolKind.offered(for: postModelling).contains(.risks), "the open risks")
    let status = try #require(study.item(id: "E.12"))
    #expect(ToolKind.offered(for: status).contains(.risks), "risks and issues")
    // Every item of the Bike Shop that names a tool offers it.
    let names: [(String, ToolKind)] = [
      ("risk register", .risks), ("decision log", .log), ("model register", .models),
      ("success metric", .stakeholders), ("doubling heuristic", .estimate),
    ]
    for phase in study.phases {
      for item in phase.checklist {
        let text = [item.title, item.guidance, item.hint].joined(separator: " ").lowercased()
        for (name, tool) in names where text.contains(name) {
          #expect(ToolKind.offered(for: item).contains(tool), "\(item.id) names the \(name)")
        }
      }
    }
    var state = try Self.state()
    // Core items come first: find S0.5's row in the checklist as shown.
    let sprint0 = try #require(study.phases.first)
    let row = try #require(sprint0.checklist.firstIndex { $0.id == "S0.5" })
    send(&state, .home)
    for _ in 0..<row { send(&state, .down) }
    let text = render(state, size: Size(width: 80, height: 24)).text
    #expect(text.contains("Open the tool: t estimate"), "\(text)")
  }

  /// The selected field of the open form (or nil when no form is open).
  static func form(_ state: AppState) -> ToolForm? {
    guard case .tool(let tool) = state.overlay else { return nil }
    return tool.form
  }

  /// Moves the open form to a field by name.
  static func goToField(_ name: String, _ state: inout AppState) throws {
    let wb = try #require(state.workbench)
    let fields = try #require(form(state)?.fields(wb))
    let index = try #require(fields.firstIndex { $0.name == name })
    for _ in 0..<10 { send(&state, .up) }
    for _ in 0..<index { send(&state, .down) }
  }

  /// Opens the form's field, clears it and types `text`, then Enter.
  static func retype(_ name: String, _ text: String, _ state: inout AppState) throws {
    // A prompt kept open by a refused value is left first.
    if case .tool(let tool) = state.overlay, tool.prompt != nil { send(&state, .escape) }
    try goToField(name, &state)
    send(&state, .enter)
    for _ in 0..<200 { send(&state, .backspace) }
    type(&state, text)
    send(&state, .enter)
  }

  /// Retypes a field with a value the form refuses: the prompt stays open with the value in
  /// it, to be corrected rather than typed again (issue 21); the next `retype` leaves it.
  static func retypeRefused(_ name: String, _ text: String, _ state: inout AppState) throws {
    try retype(name, text, &state)
    guard case .tool(let tool) = state.overlay, let prompt = tool.prompt else {
      Issue.record("the prompt for \(name) closed and lost '\(text)'")
      return
    }
    #expect(prompt.editor.text == text)
    // The message saying why shows above the prompt.
    let why = try #require(state.message?.text)
    #expect(render(state, size: state.size).text.contains(String(why.prefix(30))))
  }

  @Test func everyFieldOfARiskIsEditedOnScreenCheckedSavedAndLogged() throws {
    var state = try Self.withRisks()
    // R3 is our own risk at L2 × I3; the map is still on that cell.
    send(&state, .char("e"))
    #expect(Self.form(state)?.target == .risk("R3"))
    let saves = state.sessionRevision
    // Likelihood and impact step with Left and Right, or take a typed score.
    try Self.goToField("likelihood", &state)
    send(&state, .right, .right)
    try Self.retype("impact", "5", &state)
    try Self.retype("owner", "Ola", &state)
    try Self.retype("review date", "2027-01-15", &state)
    try Self.goToField("status", &state)
    send(&state, .right)
    try Self.retype("phase", "data", &state)
    var risk = try #require(state.session?.toolkit.risk(id: "R3"))
    #expect(risk.likelihood == 4 && risk.impact == 5 && risk.owner == "Ola")
    #expect(risk.reviewDate == "2027-01-15" && risk.status == .mitigated && risk.phase == "data")
    #expect(state.sessionRevision == saves + 7, "each field is its own saved change")
    let details = state.session?.events.suffix(7).map(\.detail)
    #expect(
      details == [
        "edited: L2 × I3 → L3 × I3", "edited: L3 × I3 → L4 × I3", "edited: L4 × I3 → L4 × I5",
        "edited: owner Ola", "edited: review 2027-01-15", "edited: open → mitigated",
        "edited: phase sprint-0 → data",
      ])
    // Bad input is refused with a message that says how to fix it; nothing changes.
    try Self.retypeRefused("review date", "2027-02-30", &state)
    #expect(state.message?.isError == true)
    #expect(state.message?.text.contains("'2027-02-30' is not a day") == true)
    #expect(state.message?.text.contains("YYYY-MM-DD") == true)
    try Self.retypeRefused("likelihood", "seven", &state)
    #expect(state.message?.text.contains("likelihood must be a whole number from 1 to 5") == true)
    try Self.retypeRefused("impact", "9", &state)
    #expect(state.message?.text.contains("impact must be from 1 to 5, not 9") == true)
    try Self.retypeRefused("phase", "sprint-9", &state)
    #expect(state.message?.text.contains("there is no phase 'sprint-9'") == true)
    try Self.retypeRefused("status", "finished", &state)
    #expect(state.message?.text.contains("use one of open, mitigated, closed, occurred") == true)
    try Self.retypeRefused("title", "", &state)
    risk = try #require(state.session?.toolkit.risk(id: "R3"))
    #expect(risk.reviewDate == "2027-01-15" && risk.likelihood == 4 && risk.phase == "data")
    #expect(risk.title == "Till export <drops> refunds", "an empty title is refused")
    // A review date can be cleared; Esc goes back to the list, Esc again to the checklist.
    try Self.retype("review date", "", &state)
    #expect(state.session?.toolkit.risk(id: "R3")?.reviewDate == nil)
    send(&state, .escape)
    #expect(Self.form(state) == nil)
    guard case .tool = state.overlay else {
      Issue.record("Esc in a form closed the tool")
      return
    }
    send(&state, .escape)
    #expect(state.overlay == .none)
  }

  @Test func successMetricsAreAddedEditedAndRemovedInTheStakeholdersTool() throws {
    var state = try Self.state()
    send(&state, .char("s"), .tab, .tab)
    guard case .tool(let tool) = state.overlay else { return }
    #expect(tool.focus == .metrics)
    send(&state, .char("a"))
    #expect(Self.form(state)?.isNew == true)
    try Self.retype("metric", "Emergency transfers between stores", &state)
    try Self.goToField("KPI", &state)
    send(&state, .right)  // revenue → cost saving
    // Adding before the mechanism is given is refused, with the fix.
    send(&state, .down, .down, .down, .enter)
    #expect(state.message?.text.contains("the mechanism is empty") == true)
    #expect(state.message?.text.contains("say how the system moves cost saving") == true)
    #expect(state.session?.toolkit.metrics.isEmpty == true)
    try Self.retype("mechanism", "Stock is ordered where the forecast says it will sell", &state)
    try Self.retype("target", "Half as many by June", &state)
    try Self.goToField("target", &state)
    send(&state, .down, .enter)
    let metric = try #require(state.session?.toolkit.metrics.first)
    #expect(
      metric.id == "K1" && metric.kpi == .costSaving && metric.target == "Half as many by June")
    #expect(Self.form(state) == nil, "adding goes back to the list")
    #expect(state.session?.events.last?.kind == .metric)
    // Edit it: Enter opens its form; a KPI can be typed by its label.
    send(&state, .enter)
    #expect(Self.form(state)?.target == .metric("K1"))
    try Self.retype("KPI", "cycle time", &state)
    #expect(state.session?.toolkit.metrics.first?.kpi == .cycleTime)
    #expect(state.session?.events.last?.detail == "edited: KPI → cycle time")
    try Self.retypeRefused("KPI", "happiness", &state)
    #expect(state.message?.text.contains("use one of revenue, cost saving") == true)
    // Esc leaves the prompt that kept "happiness", Esc again the form; x removes the metric.
    send(&state, .escape, .escape, .char("x"))
    #expect(state.session?.toolkit.metrics.isEmpty == true)
  }

  @Test func yourOwnPeopleAreEditedInAFormTheCastTakesNotesOnly() throws {
    var state = try Self.state()
    // The map opens on power high × interest high: Helen and Tom, from the cast.
    send(&state, .char("s"), .enter, .char("e"))
    #expect(Self.form(state) == nil)
    #expect(state.message?.text.contains("comes from the case study") == true)
    send(&state, .tab, .tab, .char("a"))  // back to the map, then add a person there
    type(&state, "Pat from the bank")
    send(&state, .enter, .enter)  // list the cell
    for _ in 0..<5 { send(&state, .down) }  // Pat is after the cast
    send(&state, .char("e"))
    #expect(Self.form(state)?.target == .person("P1"))
    try Self.retype("role", "Bank manager", &state)
    try Self.retype("hot buttons", "Surprises; late figures", &state)
    try Self.goToField("interest", &state)
    send(&state, .left, .left)
    try Self.retype("power", "medium", &state)
    let pat = try #require(state.session?.toolkit.person(id: "P1"))
    #expect(pat.role == "Bank manager" && pat.hotButtons == ["Surprises", "late figures"])
    #expect(pat.interest == .low && pat.power == .medium)
    #expect(state.session?.events.last?.kind == .stakeholder)
    #expect(state.session?.events.last?.detail == "edited: power")
    try Self.retypeRefused("power", "huge", &state)
    #expect(state.message?.text.contains("use one of low, medium, high") == true)
  }

  @Test func anAdoptionDecisionIsRecordedAndEditedInTheModelRegister() throws {
    var state = try Self.state()
    send(&state, .char("m"), .char("a"))
    type(&state, "Seasonal naive")
    send(&state, .enter, .char("a"))
    type(&state, "Gradient boosting")
    send(&state, .enter)
    // The model's own fields are edited in its form.
    send(&state, .char("e"))
    try Self.retype("data version", "till-2026-01", &state)
    try Self.retype("what rebuilding needs", "the feature list and the seed", &state)
    try Self.goToField("can we rebuild it?", &state)
    send(&state, .right)
    let model = try #require(state.session?.toolkit.model(id: "M1"))
    #expect(model.dataVersion == "till-2026-01" && model.rebuildable)
    #expect(model.rebuildNeeds == "the feature list and the seed")
    send(&state, .escape, .tab, .char("a"))
    #expect(Self.form(state)?.isNew == true)
    try Self.retype("rationale", "Tom can interrogate it", &state)
    send(&state, .down, .enter)
    let adoption = try #require(state.session?.toolkit.adoptions.first)
    #expect(adoption.candidates == ["M1", "M2"] && adoption.chosen == "M1")
    #expect(adoption.rationale == "Tom can interrogate it")
    // Change the choice: Enter opens it, Right steps the adopted model.
    send(&state, .enter)
    try Self.goToField("adopted", &state)
    send(&state, .right)
    #expect(state.session?.toolkit.adoptions.first?.chosen == "M2")
    try Self.retypeRefused("candidates considered", "M2 M7", &state)
    #expect(state.message?.text.contains("there is no model M7") == true)
    let log = DecisionLog.entries(
      caseStudy: try #require(state.workbench?.caseStudy), session: try #require(state.session))
    #expect(log.filter { $0.kind == "adoption" }.count == 2)
  }

  // MARK: Golden screens

  @Test func riskRegister80x24() throws {
    var state = try Self.withRisks()
    send(&state, .up, .up, .right)  // L4 × I4: R1
    assertGolden(render(state, size: Size(width: 80, height: 24)).text, "tool-risks-80x24")
  }

  @Test func riskRegister200x50() throws {
    let size = Size(width: 200, height: 50)
    var state = try Self.withRisks(size)
    send(&state, .up, .up, .right, .tab)
    assertGolden(render(state, size: size).text, "tool-risks-200x50")
  }

  @Test func estimate80x24() throws {
    let state = try Self.withEstimate()
    assertGolden(render(state, size: Size(width: 80, height: 24)).text, "tool-estimate-80x24")
  }

  @Test func estimate200x50() throws {
    let size = Size(width: 200, height: 50)
    let state = try Self.withEstimate(size)
    assertGolden(render(state, size: size).text, "tool-estimate-200x50")
  }

  @Test func stakeholders80x24() throws {
    var state = try Self.state()
    send(&state, .char("s"), .enter, .down)
    assertGolden(render(state, size: Size(width: 80, height: 24)).text, "tool-stakeholders-80x24")
  }

  @Test func models80x24() throws {
    var state = try Self.state()
    send(&state, .char("m"), .char("a"))
    type(&state, "Seasonal naive baseline")
    send(&state, .enter, .char(" "), .char("a"))
    type(&state, "Gradient boosting, 52 weekly lags")
    send(&state, .enter)
    assertGolden(render(state, size: Size(width: 80, height: 24)).text, "tool-models-80x24")
  }

  @Test func log80x24() throws {
    var state = try Self.withRisks()
    send(&state, .char("t"), .char("a"))
    type(&state, "15")
    send(&state, .enter, .char("l"))
    assertGolden(render(state, size: Size(width: 80, height: 24)).text, "tool-log-80x24")
  }

  @Test func riskForm80x24() throws {
    var state = try Self.withRisks()
    send(&state, .char("e"))
    try Self.goToField("status", &state)
    assertGolden(render(state, size: Size(width: 80, height: 24)).text, "tool-risk-form-80x24")
  }

  @Test func metricForm80x24() throws {
    var state = try Self.state()
    send(&state, .char("s"), .tab, .tab, .char("a"))
    try Self.retype("metric", "Emergency transfers between stores", &state)
    try Self.goToField("KPI", &state)
    send(&state, .right)
    assertGolden(render(state, size: Size(width: 80, height: 24)).text, "tool-metric-form-80x24")
  }

  @Test func adoptions80x24() throws {
    var state = try Self.state()
    send(&state, .char("m"), .char("a"))
    type(&state, "Seasonal naive")
    send(&state, .enter, .char("a"))
    type(&state, "Gradient boosting")
    send(&state, .enter, .tab, .char("a"))
    try Self.retype("rationale", "Tom can interrogate it", &state)
    send(&state, .down, .enter)
    assertGolden(render(state, size: Size(width: 80, height: 24)).text, "tool-adoptions-80x24")
  }

  @Test func aPromptInATool80x24() throws {
    var state = try Self.state()
    send(&state, .char("t"), .char("a"))
    type(&state, "Data survey 5")
    assertGolden(render(state, size: Size(width: 80, height: 24)).text, "tool-prompt-80x24")
  }
}
