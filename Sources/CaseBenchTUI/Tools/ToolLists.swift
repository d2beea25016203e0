import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The lists a tool shows, worked out from the session.
enum ToolLists {
  static func risksInCell(_ tool: ToolScreen, wb: Workbench) -> [Risk] {
    RiskRegister.risks(wb.session.toolkit.risks, likelihood: tool.likelihood, impact: tool.impact)
  }

  static func selectedRisk(_ tool: ToolScreen, wb: Workbench) -> Risk? {
    guard tool.focus == .list else { return nil }
    let risks = risksInCell(tool, wb: wb)
    return risks.indices.contains(tool.row) ? risks[tool.row] : nil
  }

  static func suggestions(_ wb: Workbench) -> [RiskPrompt] {
    guard let phase = wb.currentPhase else { return [] }
    return RiskRegister.suggestions(for: phase, session: wb.session)
  }

  static func peopleInCell(_ tool: ToolScreen, wb: Workbench) -> [StakeholderMap.Entry] {
    StakeholderMap(caseStudy: wb.caseStudy, session: wb.session).cell(
      power: tool.powerLevel, interest: tool.interestLevel)
  }

  static func selectedPerson(_ tool: ToolScreen, wb: Workbench) -> StakeholderMap.Entry? {
    let people = peopleInCell(tool, wb: wb)
    let index = tool.focus == .list ? tool.row : 0
    return people.indices.contains(index) ? people[index] : nil
  }

  /// The record the focused list has selected, as a form would edit it.
  static func selectedRecord(_ tool: ToolScreen, wb: Workbench) -> FormTarget? {
    let t = wb.session.toolkit
    func pick<T>(_ list: [T], _ row: Int) -> T? { list.indices.contains(row) ? list[row] : nil }
    switch (tool.kind, tool.focus) {
    case (.risks, .map): return pick(risksInCell(tool, wb: wb), 0).map { .risk($0.id) }
    case (.risks, .list): return selectedRisk(tool, wb: wb).map { .risk($0.id) }
    case (.models, .list): return pick(t.models, tool.row).map { .model($0.id) }
    case (.models, .adoptions): return pick(t.adoptions, tool.row).map { .adoption($0.id) }
    case (.stakeholders, .metrics): return pick(t.metrics, tool.row).map { .metric($0.id) }
    case (.stakeholders, .list):
      guard let entry = selectedPerson(tool, wb: wb), !entry.fromCaseStudy else { return nil }
      return .person(entry.person.id)
    default: return nil
    }
  }

  static func count(_ tool: ToolScreen, wb: Workbench) -> Int {
    switch (tool.kind, tool.focus) {
    case (.risks, .suggestions): suggestions(wb).count
    case (.stakeholders, .metrics): wb.session.toolkit.metrics.count
    case (.models, .adoptions): wb.session.toolkit.adoptions.count
    case (.risks, _): risksInCell(tool, wb: wb).count
    case (.estimate, _): wb.session.toolkit.estimate?.tasks.count ?? 0
    case (.stakeholders, _): peopleInCell(tool, wb: wb).count
    case (.models, _): wb.session.toolkit.models.count
    case (.log, _): DecisionLog.entries(caseStudy: wb.caseStudy, session: wb.session).count
    }
  }
}
