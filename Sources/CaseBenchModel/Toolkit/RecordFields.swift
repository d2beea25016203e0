#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// One field of a toolkit record as a screen shows it: its name, its value as text and, for a
/// field that takes one of a few values, those values in order.
public struct RecordField: Sendable, Equatable {
  /// "likelihood", "review date": how the screen labels it and the event log names it.
  public var name: String
  public var value: String
  /// The values a choice may take, in order; empty for free text.
  public var choices: [String]

  public init(_ name: String, _ value: String, choices: [String] = []) {
    self.name = name
    self.value = value
    self.choices = choices
  }

  /// The choice `delta` steps from the current one, wrapping; nil for free text.
  public func stepped(_ delta: Int) -> String? {
    guard !choices.isEmpty else { return nil }
    let here = choices.firstIndex(of: value) ?? 0
    let count = choices.count
    return choices[((here + delta) % count + count) % count]
  }
}

/// A toolkit record that a screen can show and edit field by field. `setting` reads what the
/// user typed into one field and says clearly what is wrong with it; the session's edit then
/// checks the whole record (the phase exists, the models are registered) and logs the change.
public protocol EditableRecord: Sendable, Equatable {
  /// The fields in the order a form shows them. Choices come from the case study (phases) and
  /// the toolkit (model ids).
  func fields(in caseStudy: CaseStudy, toolkit: Toolkit) -> [RecordField]
  /// A copy with field `index` (of `fields`) set from typed text.
  func setting(_ index: Int, to text: String) throws(ToolkitError) -> Self
}

extension EditableRecord {
  /// The names of the fields whose values differ from `other`'s, for the event log.
  func changedFields(from other: Self, in caseStudy: CaseStudy, toolkit: Toolkit) -> [String] {
    zip(fields(in: caseStudy, toolkit: toolkit), other.fields(in: caseStudy, toolkit: toolkit))
      .filter { $0.value != $1.value }.map(\.0.name)
  }
}

/// Readers for typed text, each with the error a user sees when the text does not fit.
enum FieldText {
  static func trimmed(_ text: String) -> String {
    text.trimming(.whitespacesAndNewlines)
  }

  /// Text that must not be empty, trimmed.
  static func required(_ text: String, _ field: String) throws(ToolkitError) -> String {
    let value = trimmed(text)
    if value.isEmpty { throw .empty(field) }
    return value
  }

  /// A score from 1 to 5.
  static func scale(_ text: String, _ field: String) throws(ToolkitError) -> Int {
    guard let value = Int(trimmed(text)) else {
      throw ToolkitError(
        field: field, message: "\(field) must be a whole number from 1 to 5, not '\(text)'",
        fix: ToolkitError.scale(field, 0).fix)
    }
    if !(1...5).contains(value) { throw .scale(field, value) }
    return value
  }

  /// One of a few values, matched on its id or its label, in any case.
  static func choice<T>(
    _ text: String, _ field: String, _ options: [(id: String, label: String, value: T)]
  ) throws(ToolkitError) -> T {
    let wanted = trimmed(text).lowercased()
    if let hit = options.first(where: { $0.id == wanted || $0.label.lowercased() == wanted }) {
      return hit.value
    }
    throw ToolkitError(
      field: field, message: "'\(text)' is not a \(field)",
      fix: "use one of \(options.map(\.label).joined(separator: ", "))")
  }

  /// Ids separated by commas or spaces: "M1, M2".
  static func ids(_ text: String) -> [String] {
    text.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
  }
}

extension Risk: EditableRecord {
  public func fields(in caseStudy: CaseStudy, toolkit: Toolkit) -> [RecordField] {
    let scale = (1...5).map(String.init)
    return [
      RecordField("title", title),
      RecordField("phase", phase, choices: caseStudy.phases.map(\.id)),
      RecordField("likelihood", String(likelihood), choices: scale),
      RecordField("impact", String(impact), choices: scale),
      RecordField("owner", owner),
      RecordField("mitigation", mitigation),
      RecordField("status", status.rawValue, choices: RiskStatus.allCases.map(\.rawValue)),
      RecordField("review date", reviewDate ?? ""),
    ]
  }

  public func setting(_ index: Int, to text: String) throws(ToolkitError) -> Risk {
    var r = self
    switch index {
    case 0: r.title = try FieldText.required(text, "title")
    case 1: r.phase = FieldText.trimmed(text)
    case 2: r.likelihood = try FieldText.scale(text, "likelihood")
    case 3: r.impact = try FieldText.scale(text, "impact")
    case 4: r.owner = FieldText.trimmed(text)
    case 5: r.mitigation = text
    case 6:
      r.status = try FieldText.choice(
        text, "status", RiskStatus.allCases.map { ($0.rawValue, $0.rawValue, $0) })
    case 7:
      let day = FieldText.trimmed(text)
      if !day.isEmpty, !RiskRegister.isDay(day) { throw .notADay(text) }
      r.reviewDate = day.isEmpty ? nil : day
    default: break
    }
    return r
  }
}

extension ModelRecord: EditableRecord {
  public func fields(in caseStudy: CaseStudy, toolkit: Toolkit) -> [RecordField] {
    [
      RecordField("name", name),
      RecordField("phase", phase, choices: caseStudy.phases.map(\.id)),
      RecordField("data version", dataVersion),
      RecordField("parameters", parameters),
      RecordField("metrics", metrics),
      RecordField("notes", notes),
      RecordField("can we rebuild it?", rebuildable ? "yes" : "no", choices: ["yes", "no"]),
      RecordField("what rebuilding needs", rebuildNeeds),
    ]
  }

  public func setting(_ index: Int, to text: String) throws(ToolkitError) -> ModelRecord {
    var m = self
    switch index {
    case 0: m.name = try FieldText.required(text, "model name")
    case 1: m.phase = FieldText.trimmed(text)
    case 2: m.dataVersion = FieldText.trimmed(text)
    case 3: m.parameters = text
    case 4: m.metrics = text
    case 5: m.notes = text
    case 6:
      m.rebuildable = try FieldText.choice(
        text, "yes or no", [("yes", "yes", true), ("y", "yes", true), ("no", "no", false)])
    case 7: m.rebuildNeeds = text
    default: break
    }
    return m
  }
}

extension SuccessMetric: EditableRecord {
  public func fields(in caseStudy: CaseStudy, toolkit: Toolkit) -> [RecordField] {
    [
      RecordField("metric", name),
      RecordField("KPI", kpi.label, choices: KPI.allCases.map(\.label)),
      RecordField("mechanism", mechanism),
      RecordField("target", target),
    ]
  }

  public func setting(_ index: Int, to text: String) throws(ToolkitError) -> SuccessMetric {
    var m = self
    switch index {
    case 0: m.name = try FieldText.required(text, "metric")
    case 1:
      m.kpi = try FieldText.choice(text, "KPI", KPI.allCases.map { ($0.rawValue, $0.label, $0) })
    case 2: m.mechanism = try FieldText.required(text, "mechanism")
    case 3: m.target = FieldText.trimmed(text)
    default: break
    }
    return m
  }
}

extension Adoption: EditableRecord {
  public func fields(in caseStudy: CaseStudy, toolkit: Toolkit) -> [RecordField] {
    [
      RecordField("candidates considered", candidates.joined(separator: ", ")),
      RecordField("adopted", chosen, choices: toolkit.models.map(\.id)),
      RecordField("rationale", rationale),
    ]
  }

  public func setting(_ index: Int, to text: String) throws(ToolkitError) -> Adoption {
    var a = self
    switch index {
    case 0: a.candidates = FieldText.ids(text)
    case 1: a.chosen = try FieldText.required(text, "adopted model")
    case 2: a.rationale = try FieldText.required(text, "rationale")
    default: break
    }
    return a
  }
}

extension Stakeholder: EditableRecord {
  public func fields(in caseStudy: CaseStudy, toolkit: Toolkit) -> [RecordField] {
    let levels = Level.allCases.map(\.rawValue)
    return [
      RecordField("name", name),
      RecordField("role", role),
      RecordField("power", power.rawValue, choices: levels),
      RecordField("interest", interest.rawValue, choices: levels),
      RecordField("wants", wants),
      RecordField("hot buttons", hotButtons.joined(separator: "; ")),
    ]
  }

  public func setting(_ index: Int, to text: String) throws(ToolkitError) -> Stakeholder {
    var p = self
    let levels = Level.allCases.map { ($0.rawValue, $0.rawValue, $0) }
    switch index {
    case 0: p.name = try FieldText.required(text, "name")
    case 1: p.role = FieldText.trimmed(text)
    case 2: p.power = try FieldText.choice(text, "power", levels)
    case 3: p.interest = try FieldText.choice(text, "interest", levels)
    case 4: p.wants = text
    case 5:
      p.hotButtons = text.split(separator: ";").map { FieldText.trimmed(String($0)) }
        .filter { !$0.isEmpty }
    default: break
    }
    return p
  }
}
