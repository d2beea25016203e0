import CaseBenchLoading
import CaseBenchModel

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

  /// The tags that mean an item is about a tool.
  var tags: Set<String> {
    switch self {
    case .risks: ["risk"]
    case .estimate: ["estimate"]
    case .stakeholders: ["stakeholder", "value", "kpi"]
    case .models: ["reproducibility", "versioning"]
    case .log: []
    }
  }

  /// Phrases that name the tool's work in an item's title, guidance or hint, for items whose
  /// tags are about something else ("would Sandra and Martin ever read the decision log?").
  var phrases: [String] {
    switch self {
    case .risks: ["risk register", "open risks", "risks and issues"]
    case .estimate: []
    case .stakeholders: ["success metric", "business value"]
    case .models: ["model register", "rebuild"]
    case .log: ["decision log"]
    }
  }

  /// The tools an item talks about, from its tags ("estimate", "risk", "stakeholder", …) or
  /// the phrases it uses.
  static func offered(for item: Item) -> [ToolKind] {
    let tags = Set(item.tags)
    let text = [item.title, item.guidance, item.hint].joined(separator: " ").lowercased()
    return [.estimate, .risks, .stakeholders, .models, .log].filter { tool in
      !tags.isDisjoint(with: tool.tags) || tool.phrases.contains { text.contains($0) }
    }
  }
}

/// What a tool's one-line prompt is asking for.
enum ToolPromptPurpose: Sendable, Equatable {
  case addRisk, addTask, addPerson, addModel, addLogEntry
  case personNote(String)
  /// Editing a risk's mitigation (by id).
  case riskMitigation(String)
  /// One field of the open form: its index and its name.
  case formField(Int, String)

  var label: String {
    switch self {
    case .addRisk: " New risk: "
    case .addTask: " Task and person-days: "
    case .addPerson: " Name: "
    case .addModel: " Model name: "
    case .addLogEntry: " Decision: "
    case .personNote: " Note: "
    case .riskMitigation(let id): " \(id) mitigation: "
    case .formField(_, let name): " \(name.prefix(1).uppercased() + name.dropFirst()): "
    }
  }

  /// What Enter does to the prompt's text, for its hint.
  var confirmWord: String {
    switch self {
    case .personNote, .riskMitigation, .formField: "save"
    default: "add"
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
  /// The success metrics (stakeholders and value).
  case metrics
  /// The adoption decisions (model register).
  case adoptions
}

/// The record a form edits: one already saved (by id), or a new one not added until it is
/// complete.
enum FormTarget: Sendable, Equatable {
  case risk(String)
  case model(String)
  case metric(String)
  case adoption(String)
  /// One of the user's own people (the case study's cast takes only notes).
  case person(String)
  case newMetric(SuccessMetric)
  case newAdoption(Adoption)
}

/// A record's fields, one a row, over the tool: Enter edits a field, Left and Right step a
/// choice, Esc goes back to the tool's list. A new record has one more row that adds it.
struct ToolForm: Sendable, Equatable {
  var target: FormTarget
  var row = 0
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
  /// The form over the tool, when a record is being edited.
  var form: ToolForm?

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
      && a.prompt?.editor == b.prompt?.editor && a.form == b.form
  }

  var powerLevel: Level { Level.allCases[max(0, min(2, power))] }
  var interestLevel: Level { Level.allCases[max(0, min(2, interest))] }
}
