import CaseBenchCore
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The project manager's tools, each a full screen over the workbench, one key away.
enum ToolKind: Sendable, Equatable, CaseIterable {
  case risks, estimate, stakeholders, models, log

  var title: String {
    switch self {
    case .risks: "Risk register"
    case .estimate: "Estimate"
    case .stakeholders: "Stakeholders and value"
    case .models: "Model register"
    case .log: "Decision log"
    }
  }

  /// The key-table binding that opens it.
  var binding: KeyBinding {
    switch self {
    case .risks: KeyTable.toolRisks
    case .estimate: KeyTable.toolEstimate
    case .stakeholders: KeyTable.toolStakeholders
    case .models: KeyTable.toolModels
    case .log: KeyTable.toolLog
    }
  }

  /// The tools an item talks about, from its tags ("estimate", "risk", "stakeholder", …).
  static func offered(for item: Item) -> [ToolKind] {
    let tags = Set(item.tags)
    var tools: [ToolKind] = []
    if tags.contains("estimate") { tools.append(.estimate) }
    if tags.contains("risk") { tools.append(.risks) }
    if !tags.isDisjoint(with: ["stakeholder", "value", "kpi"]) { tools.append(.stakeholders) }
    if !tags.isDisjoint(with: ["reproducibility", "versioning"]) { tools.append(.models) }
    return tools
  }
}

/// What a tool's one-line prompt is asking for.
enum ToolPromptPurpose: Sendable, Equatable {
  case addRisk, addTask, addPerson, addModel, addLogEntry
  case personNote(String)
  /// Editing a risk (by id): its title, or its mitigation.
  case riskTitle(String)
  case riskMitigation(String)

  var label: String {
    switch self {
    case .addRisk: " New risk: "
    case .addTask: " Task and person-days: "
    case .addPerson: " Name: "
    case .addModel: " Model name: "
    case .addLogEntry: " Decision: "
    case .personNote: " Note: "
    case .riskTitle(let id): " \(id) title: "
    case .riskMitigation(let id): " \(id) mitigation: "
    }
  }
}

/// Which part of a tool has the keys.
enum ToolFocus: Sendable, Equatable {
  /// The heat map or the power/interest grid.
  case map
  /// The list beside it: risks in the cell, tasks, people, models, log entries.
  case list
  /// The case study's risk prompts not yet taken.
  case suggestions
}

/// The state of the open tool.
struct ToolScreen: Sendable, Equatable {
  var kind: ToolKind
  var focus: ToolFocus
  /// The selected row in the focused list.
  var row = 0
  /// The heat map's selected cell, 1–5 each.
  var likelihood = 3
  var impact = 3
  /// The power/interest grid's selected cell: 0 low, 1 medium, 2 high.
  var power = 2
  var interest = 2
  var scroll = 0
  var prompt: (purpose: ToolPromptPurpose, editor: TextEditor)?

  init(kind: ToolKind) {
    self.kind = kind
    switch kind {
    case .risks, .stakeholders: focus = .map
    default: focus = .list
    }
  }

  static func == (a: ToolScreen, b: ToolScreen) -> Bool {
    a.kind == b.kind && a.focus == b.focus && a.row == b.row && a.likelihood == b.likelihood
      && a.impact == b.impact && a.power == b.power && a.interest == b.interest
      && a.scroll == b.scroll && a.prompt?.purpose == b.prompt?.purpose
      && a.prompt?.editor == b.prompt?.editor
  }

  var powerLevel: Level { Level.allCases[max(0, min(2, power))] }
  var interestLevel: Level { Level.allCases[max(0, min(2, interest))] }
}
