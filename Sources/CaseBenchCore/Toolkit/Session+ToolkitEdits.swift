import Foundation

/// Editing success metrics and adoption decisions, and the checks they share with adding them.
extension Session {
  /// A metric needs a name and the mechanism by which the system moves its KPI.
  static func checkMetric(name: String, kpi: KPI, mechanism: String) throws(ToolkitError) {
    if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw .empty("metric") }
    if mechanism.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      throw ToolkitError(
        field: "mechanism", message: "the mechanism is empty",
        fix: "say how the system moves \(kpi.label)")
    }
  }

  /// An adoption names registered models and gives a reason. Returns the models considered, in
  /// order and once each, the chosen one always among them.
  func checkAdoption(candidates: [String], chosen: String, rationale: String)
    throws(ToolkitError) -> [String]
  {
    let known = toolkit.models.map(\.id)
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
    if rationale.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
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
    guard let index = toolkit.metrics.firstIndex(where: { $0.id == edited.id }) else {
      throw .unknown("metric", edited.id, known: toolkit.metrics.map(\.id))
    }
    var metric = edited
    metric.name = metric.name.trimmingCharacters(in: .whitespacesAndNewlines)
    try Session.checkMetric(name: metric.name, kpi: metric.kpi, mechanism: metric.mechanism)
    let old = toolkit.metrics[index]
    guard metric != old else { return false }
    toolkit.metrics[index] = metric
    var changes = metric.changedFields(from: old, in: caseStudy, toolkit: toolkit)
    if old.kpi != metric.kpi {
      changes = changes.map { $0 == "KPI" ? "KPI → \(metric.kpi.label)" : $0 }
    }
    log(
      SessionEvent(
        at: now, kind: .metric, target: metric.id,
        detail: "edited: " + changes.joined(separator: ", ")), at: now)
    return true
  }

  /// Replaces an adoption decision (matched by id); returns whether anything changed. When it
  /// was decided does not change by editing.
  @discardableResult
  public mutating func editAdoption(
    _ edited: Adoption, in caseStudy: CaseStudy, at now: Date = Date()
  ) throws(ToolkitError) -> Bool {
    guard let index = toolkit.adoptions.firstIndex(where: { $0.id == edited.id }) else {
      throw .unknown("adoption", edited.id, known: toolkit.adoptions.map(\.id))
    }
    var adoption = edited
    adoption.candidates = try checkAdoption(
      candidates: edited.candidates, chosen: edited.chosen, rationale: edited.rationale)
    let old = toolkit.adoptions[index]
    adoption.decidedAt = old.decidedAt
    guard adoption != old else { return false }
    toolkit.adoptions[index] = adoption
    let changes = adoption.changedFields(from: old, in: caseStudy, toolkit: toolkit)
    log(
      SessionEvent(
        at: now, kind: .adoption, target: adoption.id,
        detail: "edited: " + changes.joined(separator: ", ") + "; adopted \(adoption.chosen) from "
          + adoption.candidates.joined(separator: ", ")), at: now)
    return true
  }
}
