import Foundation

// Entity walkers: one function per kind of mapping in a case study (cast member, phase, item,
// decision, option, risk prompt). Each reads its fields, records the ids it defines and the ids
// it names, and builds the model value when the mapping is sound.

extension CaseStudyValidator {
  // MARK: Cast

  private static let castKeys = KeySet([
    "id", "name", "role", "wants", "hot_buttons", "power", "interest",
  ])

  mutating func castMember(_ node: YAMLNode, index: Int) -> CastMember? {
    guard
      let fields = fields(
        of: node, kind: "cast member", fallbackLabel: "cast member \(index + 1)",
        allowed: Self.castKeys)
    else { return nil }
    let id = identifier(fields, space: .cast, noun: "cast member")
    let name = text(fields, "name")
    let role = text(fields, "role")
    let wants = text(fields, "wants")
    let hotButtons = texts(fields, "hot_buttons")
    let power = level(fields, "power")
    let interest = level(fields, "interest")
    guard let id, let name, let role, let wants, let hotButtons, let power, let interest else {
      return nil
    }
    return CastMember(
      id: id, name: name, role: role, wants: wants, hotButtons: hotButtons.map(\.0), power: power,
      interest: interest)
  }

  // MARK: Phases

  private static let phaseKeys = KeySet(
    [
      "id", "title", "goal", "briefing", "timebox_minutes", "items", "decisions", "risk_prompts",
      "facilitator_notes", "gate",
    ], optional: ["gate"])

  mutating func phase(_ node: YAMLNode, index: Int) -> Phase? {
    guard
      let fields = fields(
        of: node, kind: "phase", fallbackLabel: "phase \(index + 1)", allowed: Self.phaseKeys)
    else { return nil }
    let id = identifier(fields, space: .phase, noun: "phase")
    if let id { phaseOrder.append(id) }
    let phaseLabel = fields.label
    let title = text(fields, "title")
    let goal = text(fields, "goal")
    let briefing = text(fields, "briefing")
    let facilitatorNotes = text(fields, "facilitator_notes")

    var timebox: Int?
    if let minutes = integer(fields, "timebox_minutes"),
      let location = fields.location(of: "timebox_minutes")
    {
      if minutes > 0 {
        timebox = minutes
      } else {
        error(
          location,
          "'timebox_minutes' in \(fields.label) must be more than 0, found \(minutes)",
          fix: "write the minutes the phase takes in a workshop, e.g. 30")
      }
    }

    var items: [Item] = []
    var itemsValid = true
    if let nodes = sequence(fields, "items") {
      if nodes.isEmpty, let location = fields.location(of: "items") {
        error(
          location, "\(fields.label) has no items", fix: "add at least one checklist item")
      }
      (items, itemsValid) = readEach(nodes) {
        $0.item($1, index: $2, phaseID: id, phaseLabel: phaseLabel)
      }
    } else {
      itemsValid = false
    }

    var decisions: [Decision] = []
    if let nodes = sequence(fields, "decisions") {
      if nodes.isEmpty, let location = fields.location(of: "decisions") {
        warning(
          location, "\(fields.label) has no decisions",
          fix: "add a decision if the phase should pose one")
      }
      decisions = readEach(nodes) { $0.decision($1, index: $2, phaseLabel: phaseLabel) }.entries
    }

    var riskPrompts: [RiskPrompt] = []
    if let nodes = sequence(fields, "risk_prompts") {
      riskPrompts = readEach(nodes) { $0.riskPrompt($1, index: $2, phaseLabel: phaseLabel) }.entries
    }

    var gate: [String]?
    // `gate:` with no value means the same as no gate: the required items.
    let hasGate = fields.value("gate").map { !$0.isNull } ?? false
    if hasGate, let entries = texts(fields, "gate", required: false) {
      var seen = Set<String>()
      for (itemID, location) in entries {
        if !seen.insert(itemID).inserted {
          warning(
            location, "gate of \(fields.label) names item '\(Self.q(itemID))' twice",
            fix: "remove the repeat")
        } else if let id {
          gateReferences.append((id, itemID, location))
        }
      }
      gate = entries.map(\.0)
    }
    let effectiveGate = gate ?? items.filter(\.required).map(\.id)
    if effectiveGate.isEmpty, itemsValid, !items.isEmpty {
      let location = fields.location(of: "gate") ?? fields.location
      warning(
        location, "\(fields.label) has an empty gate, so it counts as complete from the start",
        fix: "mark its key items 'required: true' or list them under 'gate'")
    }

    guard let id, let title, let goal, let briefing, let timebox, let facilitatorNotes else {
      return nil
    }
    return Phase(
      id: id, title: title, goal: goal, briefing: briefing, timeboxMinutes: timebox, items: items,
      decisions: decisions, riskPrompts: riskPrompts, facilitatorNotes: facilitatorNotes,
      gate: gate)
  }

  // MARK: Items

  private static let itemKeys = KeySet(
    [
      "id", "title", "guidance", "case", "why", "hint", "tags", "required", "references",
      "arises_in",
    ], optional: ["references", "arises_in"])

  mutating func item(_ node: YAMLNode, index: Int, phaseID: String?, phaseLabel: String)
    -> Item?
  {
    guard
      let fields = fields(
        of: node, kind: "item", fallbackLabel: "item \(index + 1) of \(phaseLabel)",
        allowed: Self.itemKeys)
    else { return nil }
    let id = identifier(fields, space: .item, noun: "item")
    if let id, let phaseID, let first = itemPhase.updateValue(phaseID, forKey: id) {
      itemPhase[id] = first
    }
    let title = text(fields, "title")
    let guidance = text(fields, "guidance")
    let caseContext = text(fields, "case")
    let why = text(fields, "why")
    let hint = text(fields, "hint")
    let tags = texts(fields, "tags")
    let required = boolean(fields, "required")
    let references = texts(fields, "references", required: false)
    let arisesIn = texts(fields, "arises_in", required: false)
    if let arisesIn, let id {
      for (phase, location) in arisesIn { arisesReferences.append((id, phase, location)) }
    }
    guard let id, let title, let guidance, let caseContext, let why, let hint, let tags,
      let required
    else { return nil }
    if fields.has("references"), references == nil { return nil }
    if fields.has("arises_in"), arisesIn == nil { return nil }
    return Item(
      id: id, title: title, guidance: guidance, caseContext: caseContext, why: why, hint: hint,
      tags: tags.map(\.0), required: required, references: references?.map(\.0) ?? [],
      arisesIn: arisesIn?.map(\.0) ?? [])
  }

  // MARK: Decisions

  private static let decisionKeys = KeySet(
    ["id", "title", "situation", "options", "facilitator_notes"], optional: ["facilitator_notes"])
  private static let optionKeys = KeySet(["id", "label", "consequence", "verdict"])

  mutating func decision(_ node: YAMLNode, index: Int, phaseLabel: String) -> Decision? {
    guard
      let fields = fields(
        of: node, kind: "decision", fallbackLabel: "decision \(index + 1) of \(phaseLabel)",
        allowed: Self.decisionKeys)
    else { return nil }
    let id = identifier(fields, space: .decision, noun: "decision")
    let title = text(fields, "title")
    let situation = text(fields, "situation")
    let notes = text(fields, "facilitator_notes", required: false)

    var options: [DecisionOption] = []
    var optionsValid = false
    if let nodes = sequence(fields, "options"), let listLocation = fields.location(of: "options") {
      optionsValid = true
      if nodes.count < 2 || nodes.count > 5 {
        optionsValid = false
        error(
          listLocation,
          "\(fields.label) has \(nodes.count) option\(nodes.count == 1 ? "" : "s"); it needs 2 to 5",
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
    }
    guard let id, let title, let situation, optionsValid else { return nil }
    return Decision(
      id: id, title: title, situation: situation, options: options, facilitatorNotes: notes ?? "")
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
        allowed: Self.optionKeys, labelSuffix: " of \(decisionLabel)")
    else { return nil }
    let labelled = fields
    let id = identifier(labelled, space: nil, noun: "option")
    let label = text(labelled, "label")
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
    guard let id, let label, let consequence, let verdict else { return nil }
    return DecisionOption(id: id, label: label, consequence: consequence, verdict: verdict)
  }

  // MARK: Risk prompts

  private static let riskKeys = KeySet(
    ["id", "text", "likelihood", "impact"], optional: ["likelihood", "impact"])

  mutating func riskPrompt(_ node: YAMLNode, index: Int, phaseLabel: String) -> RiskPrompt? {
    guard
      let fields = fields(
        of: node, kind: "risk prompt", fallbackLabel: "risk prompt \(index + 1) of \(phaseLabel)",
        allowed: Self.riskKeys)
    else { return nil }
    let id = identifier(fields, space: .riskPrompt, noun: "risk prompt")
    let text = text(fields, "text")
    let likelihood = score(fields, "likelihood")
    let impact = score(fields, "impact")
    guard let id, let text, likelihood.valid, impact.valid else { return nil }
    return RiskPrompt(id: id, text: text, likelihood: likelihood.value, impact: impact.value)
  }

}
