#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// What a new risk needs; the register gives it an id, a status and a date.
public struct RiskDraft: Sendable, Equatable {
  public var title: String
  public var phase: String
  public var likelihood: Int
  public var impact: Int
  public var owner: String
  public var mitigation: String
  public var reviewDate: String?

  public init(
    title: String, phase: String, likelihood: Int, impact: Int, owner: String = "",
    mitigation: String = "", reviewDate: String? = nil
  ) {
    self.title = title
    self.phase = phase
    self.likelihood = likelihood
    self.impact = impact
    self.owner = owner
    self.mitigation = mitigation
    self.reviewDate = reviewDate
  }
}

/// Changes to the toolkit. Each one checks its input, stamps `updated` and appends to the
/// event log, like every other change to a session.
extension Session {
  // MARK: Risks

  /// Checks what a risk may hold: a title, a phase of the case study, scores from 1 to 5 and a
  /// real calendar day for the review.
  static func check(
    title: String, phase: String, likelihood: Int, impact: Int, reviewDate: String?,
    in caseStudy: CaseStudy
  ) throws(ToolkitError) {
    if title.trimming(.whitespacesAndNewlines).isEmpty { throw .empty("title") }
    try checkPhase(phase, in: caseStudy)
    if !(1...5).contains(likelihood) { throw .scale("likelihood", likelihood) }
    if !(1...5).contains(impact) { throw .scale("impact", impact) }
    if let reviewDate, !RiskRegister.isDay(reviewDate) { throw .notADay(reviewDate) }
  }

  /// Checks that a phase id is one of the case study's.
  static func checkPhase(_ phase: String, in caseStudy: CaseStudy) throws(ToolkitError) {
    guard caseStudy.phase(id: phase) == nil else { return }
    throw ToolkitError(
      field: "phase", message: "there is no phase '\(phase)' in \(caseStudy.id)",
      fix: "use one of \(caseStudy.phases.map(\.id).joined(separator: ", "))")
  }

  /// Adds a risk to the register and returns it.
  @discardableResult
  public mutating func addRisk(
    _ draft: RiskDraft, in caseStudy: CaseStudy, prompt: String? = nil, at now: Date = Date()
  ) throws(ToolkitError) -> Risk {
    let title = draft.title.trimming(.whitespacesAndNewlines)
    try Session.check(
      title: title, phase: draft.phase, likelihood: draft.likelihood, impact: draft.impact,
      reviewDate: draft.reviewDate, in: caseStudy)
    let risk = Risk(
      id: Toolkit.nextID("R", after: toolkit.risks.map(\.id)), title: title, phase: draft.phase,
      likelihood: draft.likelihood, impact: draft.impact, owner: draft.owner,
      mitigation: draft.mitigation, reviewDate: draft.reviewDate, prompt: prompt, raised: now)
    toolkit.risks.append(risk)
    let source = prompt.map { " from prompt \($0)" } ?? ""
    log(
      SessionEvent(
        at: now, kind: .risk, target: risk.id,
        detail: "added\(source): \(risk.title) (L\(risk.likelihood) × I\(risk.impact) = "
          + "\(risk.score))"), at: now)
    return risk
  }

  /// Copies one of the case study's risk prompts into the register, likelihood and impact
  /// included (3 where the author gave none).
  @discardableResult
  public mutating func takeRiskPrompt(
    _ promptID: String, in caseStudy: CaseStudy, owner: String = "", at now: Date = Date()
  ) throws(ToolkitError) -> Risk {
    for phase in caseStudy.phases {
      guard let prompt = phase.riskPrompts.first(where: { $0.id == promptID }) else { continue }
      if let taken = toolkit.risks.first(where: { $0.prompt == promptID }) {
        throw ToolkitError(
          field: promptID,
          message: "risk prompt \(promptID) is already in the register as "
            + taken.id, fix: "edit \(taken.id) instead")
      }
      let text = prompt.text.split(whereSeparator: \.isNewline).joined(separator: " ")
        .trimming(.whitespaces)
      return try addRisk(
        RiskDraft(
          title: text, phase: phase.id, likelihood: prompt.likelihood ?? 3,
          impact: prompt.impact ?? 3, owner: owner),
        in: caseStudy, prompt: promptID, at: now)
    }
    throw .unknown(
      "risk prompt", promptID, known: caseStudy.phases.flatMap { $0.riskPrompts.map(\.id) })
  }

  /// Replaces a risk (matched by id) with an edited copy; returns whether anything changed.
  @discardableResult
  public mutating func editRisk(_ edited: Risk, in caseStudy: CaseStudy, at now: Date = Date())
    throws(ToolkitError) -> Bool
  {
    try replace(edited, in: \.risks, named: "risk", kind: .risk, at: now) {
      (edited, old, _) throws(ToolkitError) -> Risk in
      var risk = edited
      risk.title = risk.title.trimming(.whitespacesAndNewlines)
      try Session.check(
        title: risk.title, phase: risk.phase, likelihood: risk.likelihood, impact: risk.impact,
        reviewDate: risk.reviewDate, in: caseStudy)
      // What a risk is, where it came from and when it was raised do not change by editing.
      risk.prompt = old.prompt
      risk.raised = old.raised
      return risk
    } changes: { old, risk, _ in
      var changes: [String] = []
      if old.title != risk.title { changes.append("title") }
      if old.phase != risk.phase { changes.append("phase \(old.phase) → \(risk.phase)") }
      if old.likelihood != risk.likelihood || old.impact != risk.impact {
        changes.append(
          "L\(old.likelihood) × I\(old.impact) → L\(risk.likelihood) × I\(risk.impact)")
      }
      if old.owner != risk.owner {
        changes.append("owner \(risk.owner.isEmpty ? "cleared" : risk.owner)")
      }
      if old.mitigation != risk.mitigation { changes.append("mitigation") }
      if old.status != risk.status {
        changes.append("\(old.status.rawValue) → \(risk.status.rawValue)")
      }
      if old.reviewDate != risk.reviewDate {
        changes.append("review \(risk.reviewDate ?? "cleared")")
      }
      return changes.joined(separator: ", ")
    }
  }

  /// Moves a risk to a status; returns whether it changed.
  @discardableResult
  public mutating func setRiskStatus(_ status: RiskStatus, of id: String, at now: Date = Date())
    throws(ToolkitError) -> Bool
  {
    guard let index = toolkit.risks.firstIndex(where: { $0.id == id }) else {
      throw .unknown("risk", id, known: toolkit.risks.map(\.id))
    }
    let old = toolkit.risks[index].status
    guard old != status else { return false }
    toolkit.risks[index].status = status
    log(
      SessionEvent(
        at: now, kind: .risk, target: id, detail: "\(old.rawValue) → \(status.rawValue)"),
      at: now)
    return true
  }

  /// Closes a risk.
  @discardableResult
  public mutating func closeRisk(_ id: String, at now: Date = Date()) throws(ToolkitError) -> Bool {
    try setRiskStatus(.closed, of: id, at: now)
  }

  // MARK: Estimate

  /// Sets the estimate: its tasks and the factors that apply. Returns whether it changed.
  @discardableResult
  public mutating func setEstimate(
    tasks: [EstimateTask], factors: [EstimateFactor], at now: Date = Date()
  ) throws(ToolkitError) -> Bool {
    guard !tasks.isEmpty else {
      throw ToolkitError(
        field: "tasks", message: "the estimate has no tasks",
        fix: "add at least one task with its person-days")
    }
    var cleaned: [EstimateTask] = []
    for task in tasks {
      let title = task.title.trimming(.whitespacesAndNewlines)
      if title.isEmpty { throw .empty("task title") }
      guard task.days.isFinite, task.days >= 0, task.days <= EstimateWorkings.maximumTaskDays
      else {
        throw ToolkitError(
          field: "days", message: "'\(title)' has \(EstimateWorkings.days(task.days)) person-days",
          fix: "give 0 to \(EstimateWorkings.days(EstimateWorkings.maximumTaskDays))")
      }
      cleaned.append(EstimateTask(title: title, days: task.days))
    }
    let estimate = Estimate(tasks: cleaned, factors: factors, updated: now)
    if let old = toolkit.estimate, old.tasks == estimate.tasks, old.factors == estimate.factors {
      return false
    }
    toolkit.estimate = estimate
    let w = estimate.workings
    log(
      SessionEvent(
        at: now, kind: .estimate,
        detail: "\(w.rangeText) (\(w.chain))"), at: now)
    return true
  }

  /// Removes the estimate.
  @discardableResult
  public mutating func clearEstimate(at now: Date = Date()) -> Bool {
    guard toolkit.estimate != nil else { return false }
    toolkit.estimate = nil
    log(SessionEvent(at: now, kind: .estimate, detail: "cleared"), at: now)
    return true
  }

  // MARK: Stakeholders and value

  /// Adds one of the user's own people to the stakeholder map.
  @discardableResult
  public mutating func addPerson(
    name: String, role: String = "", wants: String = "", hotButtons: [String] = [],
    power: Level, interest: Level, at now: Date = Date()
  ) throws(ToolkitError) -> Stakeholder {
    let name = name.trimming(.whitespacesAndNewlines)
    if name.isEmpty { throw .empty("name") }
    let person = Stakeholder(
      id: Toolkit.nextID("P", after: toolkit.people.map(\.id)), name: name, role: role,
      wants: wants, hotButtons: hotButtons.filter { !$0.isEmpty }, power: power,
      interest: interest)
    toolkit.people.append(person)
    log(
      SessionEvent(
        at: now, kind: .stakeholder, target: person.id,
        detail: "added \(name) (power \(power.rawValue), interest \(interest.rawValue))"),
      at: now)
    return person
  }

  /// Moves one of the user's own people on the grid.
  @discardableResult
  public mutating func placePerson(
    _ id: String, power: Level, interest: Level, at now: Date = Date()
  ) throws(ToolkitError) -> Bool {
    guard let index = toolkit.people.firstIndex(where: { $0.id == id }) else {
      throw .unknown("person of your own", id, known: toolkit.people.map(\.id))
    }
    let old = toolkit.people[index]
    guard old.power != power || old.interest != interest else { return false }
    toolkit.people[index].power = power
    toolkit.people[index].interest = interest
    log(
      SessionEvent(
        at: now, kind: .stakeholder, target: id,
        detail: "moved to power \(power.rawValue), interest \(interest.rawValue)"), at: now)
    return true
  }

  /// Sets the note on a person: a cast member (in case-study mode) or one of the user's own.
  /// Edits close together share one event, like item notes.
  @discardableResult
  public mutating func setPersonNote(
    _ note: String, of id: String, in caseStudy: CaseStudy, at now: Date = Date()
  ) throws(ToolkitError) -> Bool {
    let map = StakeholderMap(caseStudy: caseStudy, session: self)
    guard map.entries.contains(where: { $0.person.id == id }) else {
      throw .unknown("person", id, known: map.entries.map(\.person.id))
    }
    let old = toolkit.personNotes[id] ?? ""
    guard old != note else { return false }
    toolkit.personNotes[id] = note.isEmpty ? nil : note
    if let last = events.last, last.kind == .stakeholder, last.target == id, !note.isEmpty,
      last.detail.hasPrefix("note"), now.timeIntervalSince(last.at) < Session.noteEventSpell
    {
      updated = now
      return true
    }
    let detail = note.isEmpty ? "note cleared" : old.isEmpty ? "note added" : "note edited"
    log(SessionEvent(at: now, kind: .stakeholder, target: id, detail: detail), at: now)
    return true
  }

  /// Adds a success metric tied to a business KPI by a mechanism.
  @discardableResult
  public mutating func addMetric(
    name: String, kpi: KPI, mechanism: String, target: String = "", at now: Date = Date()
  ) throws(ToolkitError) -> SuccessMetric {
    let name = name.trimming(.whitespacesAndNewlines)
    try Session.checkMetric(name: name, kpi: kpi, mechanism: mechanism)
    let metric = SuccessMetric(
      id: Toolkit.nextID("K", after: toolkit.metrics.map(\.id)), name: name, kpi: kpi,
      mechanism: mechanism, target: target)
    toolkit.metrics.append(metric)
    log(
      SessionEvent(
        at: now, kind: .metric, target: metric.id, detail: "added \(name) → \(kpi.label)"),
      at: now)
    return metric
  }

  /// Removes a success metric.
  @discardableResult
  public mutating func removeMetric(_ id: String, at now: Date = Date()) throws(ToolkitError)
    -> Bool
  {
    guard let index = toolkit.metrics.firstIndex(where: { $0.id == id }) else {
      throw .unknown("metric", id, known: toolkit.metrics.map(\.id))
    }
    let metric = toolkit.metrics.remove(at: index)
    log(SessionEvent(at: now, kind: .metric, target: id, detail: "removed \(metric.name)"), at: now)
    return true
  }

  // MARK: Models and decisions

  /// Adds a candidate model to the register.
  @discardableResult
  public mutating func addModel(
    name: String, phase: String, dataVersion: String = "", parameters: String = "",
    metrics: String = "", notes: String = "", rebuildable: Bool = false,
    rebuildNeeds: String = "", in caseStudy: CaseStudy, at now: Date = Date()
  ) throws(ToolkitError) -> ModelRecord {
    let name = name.trimming(.whitespacesAndNewlines)
    if name.isEmpty { throw .empty("model name") }
    try Session.checkPhase(phase, in: caseStudy)
    let model = ModelRecord(
      id: Toolkit.nextID("M", after: toolkit.models.map(\.id)), name: name, phase: phase,
      dataVersion: dataVersion, parameters: parameters, metrics: metrics, notes: notes,
      rebuildable: rebuildable, rebuildNeeds: rebuildNeeds, recorded: now)
    toolkit.models.append(model)
    log(
      SessionEvent(
        at: now, kind: .model, target: model.id,
        detail: "registered \(name) (\(rebuildable ? "can be rebuilt" : "cannot be rebuilt yet"))"),
      at: now)
    return model
  }

  /// Replaces a model record (matched by id); returns whether anything changed.
  @discardableResult
  public mutating func editModel(
    _ edited: ModelRecord, in caseStudy: CaseStudy, at now: Date = Date()
  ) throws(ToolkitError) -> Bool {
    try replace(edited, in: \.models, named: "model", kind: .model, at: now) {
      (edited, old, _) throws(ToolkitError) -> ModelRecord in
      var model = edited
      model.recorded = old.recorded
      model.name = model.name.trimming(.whitespacesAndNewlines)
      if model.name.isEmpty { throw .empty("model name") }
      try Session.checkPhase(model.phase, in: caseStudy)
      return model
    } changes: { old, model, current in
      var changes = model.changedFields(from: old, in: caseStudy, toolkit: current)
        .filter { $0 != "can we rebuild it?" }
      if old.rebuildable != model.rebuildable {
        changes.insert(model.rebuildable ? "can now be rebuilt" : "can no longer be rebuilt", at: 0)
      }
      return changes.joined(separator: ", ")
    }
  }

  /// Records which model was adopted, from which candidates, and why.
  @discardableResult
  public mutating func recordAdoption(
    candidates: [String], chosen: String, rationale: String, at now: Date = Date()
  ) throws(ToolkitError) -> Adoption {
    let considered = try Session.checkAdoption(
      candidates: candidates, chosen: chosen, rationale: rationale, known: toolkit.models.map(\.id))
    let adoption = Adoption(
      id: Toolkit.nextID("A", after: toolkit.adoptions.map(\.id)), candidates: considered,
      chosen: chosen, rationale: rationale, decidedAt: now)
    toolkit.adoptions.append(adoption)
    log(
      SessionEvent(
        at: now, kind: .adoption, target: adoption.id,
        detail: "adopted \(chosen) from \(considered.joined(separator: ", "))"), at: now)
    return adoption
  }

  /// Records a decision in the user's own words.
  @discardableResult
  public mutating func logDecision(title: String, rationale: String, at now: Date = Date())
    throws(ToolkitError) -> LogEntry
  {
    let title = title.trimming(.whitespacesAndNewlines)
    if title.isEmpty { throw .empty("decision") }
    let entry = LogEntry(
      id: Toolkit.nextID("L", after: toolkit.log.map(\.id)), title: title, rationale: rationale,
      at: now)
    toolkit.log.append(entry)
    log(SessionEvent(at: now, kind: .log, target: entry.id, detail: title), at: now)
    return entry
  }
}
