import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

// Entity walkers: one function per kind of mapping in a case study (cast member, phase, item,
// decision, option, risk prompt). Each reads its fields, records the ids it defines and the ids
// it names, and builds the model value when the mapping is sound.

extension CaseStudyValidator {
  // MARK: Cast

  private static let castKeys = KeySet(CaseStudyFormat.castMember)

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

  static let phaseKeys = KeySet(CaseStudyFormat.phase)

  mutating func phase(_ node: YAMLNode, index: Int) -> Phase? {
    guard
      let fields = fields(
        of: node, kind: "phase", fallbackLabel: "phase \(index + 1)", allowed: keysOfPhase)
    else { return nil }
    let id = identifier(fields, space: .phase, noun: "phase")
    if let id { phaseOrder.append(id) }
    let phaseLabel = fields.label
    let title = shortText(fields, "title", limit: Self.titleLimit)
    let goal = text(fields, "goal") ?? lensBlank(fields, "goal")
    if writingTips, let goal, let location = fields.location(of: "goal") {
      storyFreeTexts.append((goal, TipSubject(prefix: "the goal of ", fields.name), location))
    }
    let briefing = text(fields, "briefing") ?? lensBlank(fields, "briefing")
    let facilitatorNotes = storyText(fields, "facilitator_notes")
    let showsIn = text(fields, "shows_in", required: false)

    var timebox: Int? = isLens && !fields.has("timebox_minutes") ? 0 : nil
    if let minutes = integer(fields, "timebox_minutes"),
      let location = fields.location(of: "timebox_minutes")
    {
      let least = CaseStudyFormat.phase.bounds(of: "timebox_minutes")?.minimum ?? 1
      if minutes >= least {
        timebox = minutes
      } else {
        error(
          location,
          "'timebox_minutes' in \(fields.label) must be more than \(least - 1), found \(minutes)",
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
      phaseItemPlacements = []
      (items, itemsValid) = readEach(nodes) {
        $0.item($1, index: $2, phaseID: id, phaseLabel: phaseLabel)
      }
      // A phase of ethics items only gathers them for the lens: each says where it arises.
      if phaseItemPlacements.count == nodes.count, phaseItemPlacements.allSatisfy(\.ethics) {
        for entry in phaseItemPlacements where !entry.placed {
          ethicsItemsWithoutArisesIn.append((entry.label, entry.location))
        }
      }
    } else {
      itemsValid = false
    }

    var decisions: [Decision] = []
    phaseDecisionsOpeningAtDecide = []
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

    let schedule = schedule(fields, timebox: timebox)
    if schedule.value?.decide == 0 {
      for (label, location) in phaseDecisionsOpeningAtDecide {
        warning(
          location,
          "\(label) opens its vote at the decide block, but the schedule of \(phaseLabel) gives 'decide: 0', so the vote would open only at the debrief",
          fix: "write 'opens: work' (or 'read'), or give the decide block some minutes")
      }
    }
    var modelAnswers: [ModelAnswer] = []
    var answersValid = true
    if let nodes = sequence(fields, "model_answers", required: false) {
      (modelAnswers, answersValid) = readEach(nodes) {
        $0.modelAnswer($1, index: $2, phaseID: id, phaseLabel: phaseLabel)
      }
    } else if fields.has("model_answers") {
      answersValid = false
    }

    let reflection = reflectionPrompts(fields)
    let injects = injects(fields, phaseLabel: phaseLabel, minutes: schedule.value?.total ?? timebox)
    guard let id, let title, let goal, let briefing, let timebox, let facilitatorNotes,
      schedule.valid, answersValid, let reflection, injects.valid
    else {
      return nil
    }
    var phase = Phase(
      id: id, title: title, goal: goal, briefing: briefing, timeboxMinutes: timebox, items: items,
      decisions: decisions, riskPrompts: riskPrompts, facilitatorNotes: facilitatorNotes,
      gate: gate, schedule: schedule.value, modelAnswers: modelAnswers, showsIn: showsIn,
      injects: injects.value)
    phase.reflection = reflection
    return phase
  }

  private static let scheduleKeys = KeySet(CaseStudyFormat.schedule)

  /// An optional `schedule`: four whole numbers of minutes, 0 or more, that should add up to the
  /// timebox.
  private mutating func schedule(_ phase: Fields, timebox: Int?) -> (
    value: Schedule?, valid: Bool
  ) {
    guard let entry = phase.value("schedule"), !entry.isNull else { return (nil, true) }
    noteRead(phase, "schedule", as: .mapping)
    guard case .node(let node, .mapping, _) = entry else {
      error(
        entry.location,
        "'schedule' in \(phase.label) must be a mapping, found \(Self.describe(entry))",
        fix: "write 'read:', 'work:', 'decide:' and 'debrief:' under it, each in whole minutes")
      return (nil, false)
    }
    guard
      let fields = fields(
        of: node, kind: "schedule", fallbackLabel: "the schedule of \(phase.label)",
        allowed: Self.scheduleKeys)
    else { return (nil, false) }
    var minutes: [Int] = []
    var valid = true
    for key in Self.scheduleKeys.all {
      guard fields.has(key) else {
        valid = false
        continue
      }
      guard let value = integer(fields, key), let location = fields.location(of: key) else {
        valid = false
        continue
      }
      let least = CaseStudyFormat.schedule.bounds(of: key)?.minimum ?? 0
      if value < least {
        error(
          location, "'\(key)' in the schedule of \(phase.label) is \(value), below \(least)",
          fix: "write the minutes as a whole number, \(least) or more")
        valid = false
      }
      minutes.append(value)
    }
    guard valid, minutes.count == 4 else { return (nil, false) }
    let schedule = Schedule(
      read: minutes[0], work: minutes[1], decide: minutes[2], debrief: minutes[3])
    if let timebox, schedule.total != timebox, let key = phase.index(of: "schedule") {
      warning(
        phase.entries[key].keyLocation,
        "the schedule of \(phase.label) adds up to \(schedule.total) minutes, but 'timebox_minutes' is \(timebox)",
        fix: "make read + work + decide + debrief equal the timebox")
    }
    return (schedule, true)
  }

  // MARK: Model answers

  private static let modelAnswerKeys = KeySet(CaseStudyFormat.modelAnswer)

  private mutating func modelAnswer(
    _ node: YAMLNode, index: Int, phaseID: String?, phaseLabel: String
  ) -> ModelAnswer? {
    guard
      let fields = fields(
        of: node, kind: "model answer",
        fallbackLabel: "model answer \(index + 1) of \(phaseLabel)", allowed: Self.modelAnswerKeys)
    else { return nil }
    let topic = text(fields, "topic")
    let answer = text(fields, "answer")
    var item: String?
    if let entry = fields.value("item"), !entry.isNull {
      guard let itemID = text(fields, "item"), let location = fields.location(of: "item") else {
        return nil
      }
      item = itemID
      if let phaseID { modelAnswerReferences.append((phaseID, itemID, location)) }
    }
    guard let topic, let answer else { return nil }
    return ModelAnswer(topic: topic, answer: answer, item: item)
  }

  // MARK: Retired items

  private static let retiredKeys = KeySet(CaseStudyFormat.retiredItem)

  mutating func retiredItem(_ node: YAMLNode, index: Int) -> RetiredItem? {
    guard
      let fields = fields(
        of: node, kind: "retired item", fallbackLabel: "retired item \(index + 1)",
        allowed: Self.retiredKeys)
    else { return nil }
    let id = identifier(fields, space: .retired, noun: "retired item")
    if let id, let location = fields.location(of: "id") { retiredIDs.append((id, location)) }
    let title = text(fields, "title")
    let reason = text(fields, "reason")
    let replacedBy = texts(fields, "replaced_by", required: false)
    if let replacedBy, let id {
      for (item, location) in replacedBy { replacedByReferences.append((id, item, location)) }
    }
    guard let id, let title, let reason else { return nil }
    if fields.has("replaced_by"), replacedBy == nil { return nil }
    return RetiredItem(
      id: id, title: title, reason: reason, replacedBy: replacedBy?.map(\.0) ?? [])
  }

  // MARK: Items

  static let itemKeys = KeySet(CaseStudyFormat.item)

  mutating func item(
    _ node: YAMLNode, index: Int, phaseID: String?, phaseLabel: String
  ) -> Item? {
    guard
      let fields = fields(
        of: node, kind: "item", fallbackLabel: "item \(index + 1) of \(phaseLabel)",
        allowed: keysOfItem)
    else { return nil }
    let id = identifier(fields, space: .item, noun: "item")
    if let id, let phaseID, let first = itemPhase.updateValue(phaseID, forKey: id) {
      itemPhase[id] = first
    }
    let title = shortText(fields, "title", limit: Self.titleLimit)
    if writingTips, let title, let location = fields.location(of: "title") {
      storyFreeTexts.append((title, TipSubject(prefix: "the title of ", fields.name), location))
    }
    let guidance = text(fields, "guidance")
    let caseContext = text(fields, "case") ?? lensBlank(fields, "case")
    let why = text(fields, "why") ?? lensBlank(fields, "why")
    let hint = text(fields, "hint") ?? lensBlank(fields, "hint")
    let tags = texts(fields, "tags")
    let tagNames = checkHandOverTags(tags, in: fields)
    let required = boolean(fields, "required")
    let references = texts(fields, "references", required: false)
    let arisesIn = texts(fields, "arises_in", required: false)
    if writingTips, !isLens, let location = fields.location(of: "id") {
      phaseItemPlacements.append(
        (
          Item.isEthics(tags: tagNames ?? []), !(arisesIn?.isEmpty ?? true),
          TipSubject(fields.name, of: phaseLabel), location
        ))
    }
    if let arisesIn, let id {
      for (phase, location) in arisesIn { arisesReferences.append((id, phase, location)) }
    }
    let level = itemLevel(fields)
    guard let id, let title, let guidance, let caseContext, let why, let hint, let tagNames,
      let required, level.valid
    else { return nil }
    if fields.has("references"), references == nil { return nil }
    if fields.has("arises_in"), arisesIn == nil { return nil }
    return Item(
      id: id, title: title, guidance: guidance, caseContext: caseContext, why: why, hint: hint,
      tags: tagNames, required: required, references: references?.map(\.0) ?? [],
      arisesIn: arisesIn?.map(\.0) ?? [], level: level.value)
  }

  private static let itemLevelNames = ItemLevel.allCases.map(\.rawValue)

  /// An optional `level`: `core` (the default) or `extension`.
  private mutating func itemLevel(_ fields: Fields) -> (value: ItemLevel, valid: Bool) {
    guard let entry = fields.value("level"), !entry.isNull else { return (.core, true) }
    guard let value = text(fields, "level"), let location = fields.location(of: "level") else {
      return (.core, false)
    }
    if let level = ItemLevel(rawValue: value) { return (level, true) }
    error(
      location, "'level' in \(fields.label) is '\(Self.q(value))', not core or extension",
      fix: Self.choiceFix(
        value, among: Self.itemLevelNames,
        otherwise: "use \(Self.list(Self.itemLevelNames)): core items make the workshop day's path")
    )
    return (.core, false)
  }
}
