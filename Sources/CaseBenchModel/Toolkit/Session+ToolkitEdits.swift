#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Editing success metrics and adoption decisions, and the checks they share with adding them.
extension Session {
  /// A metric needs a name and the mechanism by which the system moves its KPI.
  static func checkMetric(name: String, kpi: KPI, mechanism: String) throws(ToolkitError) {
    if name.trimming(.whitespacesAndNewlines).isEmpty { throw .empty("metric") }
    if mechanism.trimming(.whitespacesAndNewlines).isEmpty {
      throw ToolkitError(
        field: "mechanism", message: "the mechanism is empty",
        fix: "say how the system moves \(kpi.label)")
    }
  }

  /// An adoption names registered models and gives a reason. Returns the models considered, in
  /// order and once each, the chosen one always among them.
  static func checkAdoption(
    candidates: [String], chosen: String, rationale: String, known: [String]
  ) throws(ToolkitError) -> [String] {
    if known.isEmpty {
      throw ToolkitError(
        field: "adopted", message: "there are no models to adopt",
        fix: "register the candidates in the model register first")
    }
    var considered: [String] = []
    for id in candidates + [chosen] where !considered.contains(id) {
      guard known.contains(id) else { throw .unknown("model", id, known: known) }
      considered.append(id)
    }
    if rationale.trimming(.whitespacesAndNewlines).isEmpty {
      throw ToolkitError(
        field: "rationale", message: "the adoption has no rationale",
        fix: "say why \(chosen) was chosen over the others")
    }
    return considered
  }

  /// Replaces a success metric (matched by id); returns whether anything changed.
  @discardableResult
  public mutating func editMetric(
    _ edited: SuccessMetric, in caseStudy: CaseStudy, at now: Date = Date()
  ) throws(ToolkitError) -> Bool {
    try replace(edited, in: \.metrics, named: "metric", kind: .metric, at: now) {
      (edited, _, _) throws(ToolkitError) -> SuccessMetric in
      var metric = edited
      metric.name = metric.name.trimming(.whitespacesAndNewlines)
      try Session.checkMetric(name: metric.name, kpi: metric.kpi, mechanism: metric.mechanism)
      return metric
    } changes: { old, metric, current in
      metric.changedFields(from: old, in: caseStudy, toolkit: current)
        .map { $0 == "KPI" ? "KPI → \(metric.kpi.label)" : $0 }.joined(separator: ", ")
    }
  }

  /// Replaces an adoption decision (matched by id); returns whether anything changed. When it
  /// was decided does not change by editing.
  @discardableResult
  public mutating func editAdoption(
    _ edited: Adoption, in caseStudy: CaseStudy, at now: Date = Date()
  ) throws(ToolkitError) -> Bool {
    try replace(edited, in: \.adoptions, named: "adoption", kind: .adoption, at: now) {
      (edited, old, current) throws(ToolkitError) -> Adoption in
      var adoption = edited
      adoption.candidates = try Session.checkAdoption(
        candidates: edited.candidates, chosen: edited.chosen, rationale: edited.rationale,
        known: current.models.map(\.id))
      adoption.decidedAt = old.decidedAt
      return adoption
    } changes: { old, adoption, current in
      adoption.changedFields(from: old, in: caseStudy, toolkit: current).joined(separator: ", ")
        + "; adopted \(adoption.chosen) from " + adoption.candidates.joined(separator: ", ")
    }
  }

  /// Replaces one of the user's own people (matched by id): their name, role, place on the
  /// grid, wants and hot buttons. The case study's cast is not the user's to edit.
  @discardableResult
  public mutating func editPerson(
    _ edited: Stakeholder, in caseStudy: CaseStudy, at now: Date = Date()
  ) throws(ToolkitError) -> Bool {
    try replace(edited, in: \.people, named: "person of your own", kind: .stakeholder, at: now) {
      (edited, _, _) throws(ToolkitError) -> Stakeholder in
      var person = edited
      person.name = person.name.trimming(.whitespacesAndNewlines)
      if person.name.isEmpty { throw .empty("name") }
      return person
    } changes: { old, person, current in
      person.changedFields(from: old, in: caseStudy, toolkit: current).joined(separator: ", ")
    }
  }

  /// Replaces the record with `edited`'s id in one of the toolkit's lists. `settle` checks the
  /// edited record against the old one (and the toolkit as it is) and returns what to keep; an
  /// unchanged record is left alone; a changed one is logged as "edited: " and what `changes`
  /// says changed. Returns whether anything changed.
  mutating func replace<R: Identifiable & Equatable>(
    _ edited: R, in list: WritableKeyPath<Toolkit, [R]>, named what: String,
    kind: SessionEvent.Kind, at now: Date,
    settle: (R, R, Toolkit) throws(ToolkitError) -> R, changes: (R, R, Toolkit) -> String
  ) throws(ToolkitError) -> Bool where R.ID == String {
    guard let index = toolkit[keyPath: list].firstIndex(where: { $0.id == edited.id }) else {
      throw .unknown(what, edited.id, known: toolkit[keyPath: list].map(\.id))
    }
    let old = toolkit[keyPath: list][index]
    let record = try settle(edited, old, toolkit)
    guard record != old else { return false }
    toolkit[keyPath: list][index] = record
    log(
      SessionEvent(
        at: now, kind: kind, target: edited.id, detail: "edited: " + changes(old, record, toolkit)),
      at: now)
    return true
  }
}
