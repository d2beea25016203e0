import CaseBenchCore
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
    state.overlay = .tool(tool)
    let wb = try #require(state.workbench)
    #expect(ToolLists.risksInCell(tool, wb: wb).map(\.id) == ["R2"])
    // Moving through the map changes the list.
    send(&state, .left)
    guard case .tool(let moved) = state.overlay else { return }
    #expect(moved.impact == 4)
    #expect(ToolLists.risksInCell(moved, wb: wb).map(\.id) == ["R1"])
    #expect(ToolLists.suggestions(wb).map(\.id) == ["S0.R3", "S0.R4", "S0.R5"])
    // Edit R1 from the cell's list: its title and its mitigation.
    send(&state, .tab, .enter)
    for _ in 0..<300 { send(&state, .backspace) }
    type(&state, "Helen sets expectations from a demo")
    send(&state, .enter, .char("n"))
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
    var state = try Self.state()
    // Core items come first: find S0.5's row in the checklist as shown.
    let sprint0 = try #require(study.phases.first)
    let row = try #require(sprint0.checklist.firstIndex { $0.id == "S0.5" })
    send(&state, .home)
    for _ in 0..<row { send(&state, .down) }
    let text = render(state, size: Size(width: 80, height: 24)).text
    #expect(text.contains("Open the tool: t estimate"), "\(text)")
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

  @Test func aPromptInATool80x24() throws {
    var state = try Self.state()
    send(&state, .char("t"), .char("a"))
    type(&state, "Data survey 5")
    assertGolden(render(state, size: Size(width: 80, height: 24)).text, "tool-prompt-80x24")
  }
}
