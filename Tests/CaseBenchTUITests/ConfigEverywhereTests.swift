import Testing

@testable import CaseBenchTUI

/// Issue 21: the tools' and the dashboard's keys go through the one key table too, so the config
/// file remaps them, with conflicts located as for the workbench's keys.
@Suite("Config file: tools and dashboard")
struct ConfigEverywhereTests {
  @Test func aToolKeyIsRemappedInTheWorkbenchAndInTheTools() throws {
    let config = try Config.parse("[keys]\nrisks = \"R\"\n", file: "config.toml")
    KeyMap.$current.withValue(config.keys) {
      for scope in [KeyScope.workbench, .tool] {
        #expect(KeyTable.command(for: .char("R"), in: scope) == .openTool(.risks))
        #expect(KeyTable.command(for: .char("r"), in: scope) == nil)
      }
      #expect(KeyTable.toolRisks.label == "R")
      var state = Fixture.workbench()
      send(&state, .char("R"))
      #expect(state.overlay?.isTool(.risks) == true, "R opens the risk register")
    }
    #expect(KeyTable.command(for: .char("r"), in: .workbench) == .openTool(.risks))
  }

  @Test func aDashboardKeyIsRemapped() throws {
    let config = try Config.parse("[keys]\nsort = \"o\"\nrelease = \"F5\"\n", file: "config.toml")
    KeyMap.$current.withValue(config.keys) {
      #expect(KeyTable.command(for: .char("o"), in: .dashboard) == .sortRows)
      #expect(KeyTable.command(for: .char("s"), in: .dashboard) == nil)
      #expect(KeyTable.command(for: .function(5), in: .dashboard) == .releasePhase)
      #expect(KeyTable.dashboardSort.label == "o")
      // The workbench's `o` (to the start screen) is untouched: the scopes do not meet.
      #expect(KeyTable.command(for: .char("o"), in: .workbench) == .toStart)
    }
  }

  @Test func aConflictBetweenDashboardKeysIsLocated() {
    do {
      _ = try Config.parse("[keys]\nsort = \"a\"\nannounce = \"a\"\n", file: "config.toml")
      Issue.record("two dashboard commands on one key should be refused")
    } catch {
      #expect(error.description == "config.toml:3:12: a is bound to both sort and announce")
    }
    // A dashboard key and a workbench key never apply together: no conflict.
    #expect(throws: Never.self) {
      try Config.parse("[keys]\nsort = \"z\"\nhint = \"z\"\n", file: "config.toml")
    }
  }

  @Test func theNewNamesAreListed() {
    for name in ["risks", "estimate", "stakeholders", "models", "log", "sort", "release"] {
      #expect(KeyMap.commandNames.contains(name))
    }
  }
}

extension Overlay {
  fileprivate func isTool(_ kind: ToolKind) -> Bool {
    if case .tool(let tool) = self { return tool.kind == kind }
    return false
  }
}
