import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Decisions, their options and the risk prompts: each read and checked from its YAML node.
extension CaseStudyValidator {
  // MARK: Decisions

  private static let decisionKeys = KeySet(CaseStudyFormat.decision)
  private static let optionKeys = KeySet(CaseStudyFormat.option)

  mutating func decision(_ node: YAMLNode, index: Int, phaseLabel: String) -> Decision? {
    guard
      let fields = fields(
        of: node, kind: "decision", fallbackLabel: "decision \(index + 1) of \(phaseLabel)",
        allowed: Self.decisionKeys)
    else { return nil }
    let id = identifier(fields, space: .decision, noun: "decision")
    let title = shortText(fields, "title", limit: Self.titleLimit)
    let situation = text(fields, "situation")
    let notes = text(fields, "facilitator_notes", required: false)
    let opens = opens(fields)

    var options: [DecisionOption] = []
    var optionsValid = false
    if let nodes = sequence(fields, "options"), let listLocation = fields.location(of: "options") {
      optionsValid = true
      if nodes.count < 2 || nodes.count > 5 {
        optionsValid = false
        error(
          listLocation,
          "\(fields.label) has \(counted(nodes.count, "option")); it needs 2 to 5",
          fix: nodes.count < 2 ? "add options until there are at least 2" : "keep at most 5 options"
        )
      }
      let decisionLabel = fields.label
      var seen: [String: Location] = [:]
      let walked = readEach(nodes) { validator, node, index -> DecisionOption? in
        guard let option = validator.option(node, index: index, decisionLabel: decisionLabel)
        else { return nil }
        if let first = seen[option.id] {
          validator.error(
            validator.idLocation(node),
            "duplicate option id '\(Self.q(option.id))' in \(decisionLabel) (first defined at line \(first.line))",
            fix: "give each option of a decision its own id, e.g. a, b, c")
          return nil
        }
        seen[option.id] = validator.idLocation(node)
        return option
      }
      options = walked.entries
      optionsValid = optionsValid && walked.allRead
      if writingTips, optionsValid {
        decisionShapes.append(
          DecisionShape(
            label: decisionLabel, location: listLocation, options: options,
            optionLocations: nodes.map { idLocation($0) }))
      }
    }
    guard let id, let title, let situation, optionsValid, let opens else { return nil }
    return Decision(
      id: id, title: title, situation: situation, options: options, facilitatorNotes: notes ?? "",
      opens: opens)
  }

  private static let opensNames = CaseStudyFormat.opensBlocks

  /// An optional `opens`: the schedule block from which teams can vote (`decide` by default);
  /// `debrief` and any other word are errors at the value. Nil when the value is wrong.
  private mutating func opens(_ fields: Fields) -> ScheduleBlock? {
    guard let entry = fields.value("opens"), !entry.isNull else {
      phaseDecisionsOpeningAtDecide.append((fields.label, fields.location))
      return .decide
    }
    guard let value = text(fields, "opens"), let location = fields.location(of: "opens") else {
      return nil
    }
    if let block = ScheduleBlock(rawValue: value), Self.opensNames.contains(value) {
      if block == .decide { phaseDecisionsOpeningAtDecide.append((fields.label, location)) }
      return block
    }
    let fix =
      value == ScheduleBlock.debrief.rawValue
      ? "votes are in before the debrief: use \(Self.list(Self.opensNames))"
      : Self.choiceFix(
        value, among: Self.opensNames,
        otherwise: "use \(Self.list(Self.opensNames)): the block the vote opens at")
    error(
      location, "'opens' in \(fields.label) is '\(Self.q(value))', not read, work or decide",
      fix: fix)
    return nil
  }

  private func idLocation(_ node: YAMLNode) -> Location {
    if let value = tree.value(forKey: "id", in: node) { return tree.location(value) }
    return tree.location(node)
  }

  private mutating func option(_ node: YAMLNode, index: Int, decisionLabel: String)
    -> DecisionOption?
  {
    guard
      let fields = fields(
        of: node, kind: "option", fallbackLabel: "option \(index + 1) of \(decisionLabel)",
        allowed: Self.optionKeys, parentLabel: decisionLabel)
    else { return nil }
    let labelled = fields
    let id = identifier(labelled, space: nil, noun: "option")
    let label = shortText(labelled, "label", limit: Self.labelLimit)
    let consequence = text(labelled, "consequence")
    var verdict: Verdict?
    if let value = text(labelled, "verdict"), let location = labelled.location(of: "verdict") {
      verdict = Verdict(rawValue: value)
      if verdict == nil {
        let fix: String
        if let suggestion = Suggestion.closest(to: value, among: Self.verdictNames) {
          fix = "did you mean '\(suggestion)'? Valid verdicts are \(Self.list(Self.verdictNames))"
        } else {
          fix = "use one of \(Self.list(Self.verdictNames))"
        }
        error(
          location, "invalid verdict '\(Self.q(value))' in \(labelled.label)", fix: fix)
      }
    }
    let debrief = text(labelled, "debrief", required: false)
    if fields.has("debrief"), debrief == nil, !(labelled.value("debrief")?.isNull ?? true) {
      return nil
    }
    guard let id, let label, let consequence, let verdict else { return nil }
    return DecisionOption(
      id: id, label: label, consequence: consequence, verdict: verdict, debrief: debrief ?? "")
  }

  // MARK: Risk prompts

  private static let riskKeys = KeySet(CaseStudyFormat.riskPrompt)

  mutating func riskPrompt(_ node: YAMLNode, index: Int, phaseLabel: String) -> RiskPrompt? {
    guard
      let fields = fields(
        of: node, kind: "risk prompt", fallbackLabel: "risk prompt \(index + 1) of \(phaseLabel)",
        allowed: Self.riskKeys)
    else { return nil }
    let id = identifier(fields, space: .riskPrompt, noun: "risk prompt")
    let text = text(fields, "text")
    let likelihood = score(fields, "likelihood", in: CaseStudyFormat.riskPrompt)
    let impact = score(fields, "impact", in: CaseStudyFormat.riskPrompt)
    guard let id, let text, likelihood.valid, impact.valid else { return nil }
    return RiskPrompt(id: id, text: text, likelihood: likelihood.value, impact: impact.value)
  }

}
